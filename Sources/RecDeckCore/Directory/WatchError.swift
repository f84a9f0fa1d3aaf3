/// An error that keeps a `DirectoryWatcher` from starting: the process is out of file descriptors or threads.
///
/// Everything that can go wrong later (the directory disappears, the watch limit is reached) is a
/// `WatchStatus`, never an error.
public struct WatchError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}
