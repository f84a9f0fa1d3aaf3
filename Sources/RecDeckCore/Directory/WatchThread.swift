#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A dedicated POSIX thread running one closure, joined exactly once.
final class WatchThread: Sendable {
    private final class Context {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    #if canImport(Glibc)
    private typealias Handle = pthread_t
    #else
    private typealias Handle = pthread_t?
    #endif
    /// The thread, until it has been joined.
    private let handle: Mutex<Handle?>

    /// Starts a thread running `body`.
    init(_ body: @escaping @Sendable () -> Void) throws(WatchError) {
        let context = Unmanaged.passRetained(Context(body)).toOpaque()
        #if canImport(Glibc)
        var started: Handle = 0
        #else
        var started: Handle = nil
        #endif
        #if canImport(Glibc)
        let result = pthread_create(&started, nil, { raw in
            Unmanaged<Context>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, context)
        #else
        let result = pthread_create(&started, nil, { raw in
            Unmanaged<Context>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context)
        #endif
        guard result == 0 else {
            Unmanaged<Context>.fromOpaque(context).release()
            throw WatchError(description: "cannot start the watcher thread: \(String(cString: strerror(result)))")
        }
        handle = Mutex(started)
    }

    /// Waits for the thread to end. Every caller returns only once it has ended; the thread itself
    /// must never call this.
    func join() {
        handle.withLock { handle in
            guard let thread = handle else { return }
            handle = nil
            #if canImport(Glibc)
            pthread_join(thread, nil)
            #else
            if let thread { pthread_join(thread, nil) }
            #endif
        }
    }
}
