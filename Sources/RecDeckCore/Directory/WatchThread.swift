#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A dedicated POSIX thread running one closure, joined exactly once.
final class WatchThread: @unchecked Sendable {
    private final class Context {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    private let lock = WatchLock()
    #if canImport(Glibc)
    private var handle: pthread_t = 0
    #else
    private var handle: pthread_t?
    #endif
    private var joinable = false

    /// Starts a thread running `body`.
    init(_ body: @escaping @Sendable () -> Void) throws(WatchError) {
        let context = Unmanaged.passRetained(Context(body)).toOpaque()
        #if canImport(Glibc)
        let result = pthread_create(&handle, nil, { raw in
            Unmanaged<Context>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, context)
        #else
        let result = pthread_create(&handle, nil, { raw in
            Unmanaged<Context>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context)
        #endif
        guard result == 0 else {
            Unmanaged<Context>.fromOpaque(context).release()
            throw WatchError(description: "cannot start the watcher thread: \(String(cString: strerror(result)))")
        }
        joinable = true
    }

    /// Waits for the thread to end. Every caller returns only once it has ended; the thread itself
    /// must never call this.
    func join() {
        lock.withLock {
            guard joinable else { return }
            joinable = false
            #if canImport(Glibc)
            pthread_join(handle, nil)
            #else
            if let handle { pthread_join(handle, nil) }
            #endif
        }
    }
}
