/// How a `DirectoryWatcher` learns about changes.
public enum WatchMode: Sendable, Hashable {
    /// Kernel notifications (inotify): changes show within milliseconds. Falls back to polling, and
    /// says so, when the kernel's watch limit is reached or notifications are unavailable.
    case notifications
    /// Lists the tree every interval and compares (inode, size, modification time) snapshots: for
    /// network file systems (NFS, SMB, blobfuse), where kernel notifications do not fire.
    case polling(every: Duration)
}
