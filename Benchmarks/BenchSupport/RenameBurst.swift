import Glibc
import Synchronization

/// Files renamed into a watched tree on a thread of their own, at a steady rate, while the
/// benchmark measures something else: a burst of arrivals for the watcher to take in.
public final class RenameBurst: Sendable {
    private let moves: [(from: String, to: String)]
    private let interval: Double
    private let done = Atomic<Int>(0)

    /// `count` event files (ids prefixed with `prefix`) written into `staging` now, to be renamed
    /// into `directory`, `perSecond` a second once started.
    public init(count: Int, prefix: String, staging: String, directory: String, perSecond: Int) {
        mkdir(staging, 0o755)
        moves = (0..<count).map { number in
            let name = "\(prefix)-\(number).json"
            writeFile(staging + "/" + name, event(number, prefix: prefix))
            return (staging + "/" + name, directory + "/" + name)
        }
        interval = 1 / Double(max(1, perSecond))
    }

    /// How many files have been renamed so far.
    public var renamed: Int { done.load(ordering: .acquiring) }

    /// Whether every file has been renamed.
    public var finished: Bool { renamed == moves.count }

    /// Starts renaming on a new thread.
    public func start() {
        var thread = pthread_t()
        let box = Unmanaged.passRetained(self).toOpaque()
        guard pthread_create(&thread, nil, { argument in
            let burst = Unmanaged<RenameBurst>.fromOpaque(argument!).takeRetainedValue()
            burst.run()
            return nil
        }, box) == 0 else { fail("cannot start the burst's thread") }
        pthread_detach(thread)
    }

    private func run() {
        let begin = now()
        for (index, move) in moves.enumerated() {
            let due = begin + Double(index) * interval
            let wait = due - now()
            if wait > 0 { usleep(UInt32(wait * 1_000_000)) }
            guard rename(move.from, move.to) == 0 else { fail("cannot rename \(move.from): \(String(cString: strerror(errno)))") }
            done.store(index + 1, ordering: .releasing)
        }
    }

    /// Removes the files renamed in, and the staging folder.
    public func cleanUp(staging: String) {
        for move in moves {
            unlink(move.to)
            unlink(move.from)
        }
        rmdir(staging)
    }
}
