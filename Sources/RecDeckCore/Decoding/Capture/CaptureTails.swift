import Synchronization

/// A watcher's memory of how far each Capture file was read (by path relative to the root), so
/// that a file that grows is read on from its last complete block instead of from the start.
/// Shared by the threads that read files in parallel.
public final class CaptureTails: Sendable {
    /// A tail, and which file (device, inode) it is the tail of.
    struct Entry: Sendable {
        var device: UInt64
        var inode: UInt64
        var tail: CaptureTail
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    func entry(_ path: String) -> Entry? {
        entries.withLock { $0[path] }
    }

    func set(_ path: String, _ entry: Entry?) {
        entries.withLock { $0[path] = entry }
    }

    /// Forgets `path` (it was removed).
    public func forget(_ path: String) {
        entries.withLock { _ = $0.removeValue(forKey: path) }
    }

    /// Forgets every file.
    public func forgetAll() {
        entries.withLock { $0.removeAll() }
    }
}
