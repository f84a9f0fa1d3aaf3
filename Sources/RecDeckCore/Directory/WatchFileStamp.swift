#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says about a file, enough to tell whether it changed: device, inode, size, and the
/// modification and status-change times to the nanosecond.
struct WatchFileStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    /// Modification time, nanoseconds since 1970.
    var modified: Int64
    /// Status-change time (also moves on chmod, rename and link), nanoseconds since 1970.
    var changed: Int64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Glibc)
        let (mtime, ctime) = (info.st_mtim, info.st_ctim)
        #else
        let (mtime, ctime) = (info.st_mtimespec, info.st_ctimespec)
        #endif
        // Held at the ends of 64-bit nanoseconds: anyone who can write in the folder can set a
        // modification time of 2300 (or 1600), and that must not trap.
        modified = Timestamp(seconds: Int64(mtime.tv_sec), nanoseconds: Int64(mtime.tv_nsec)).nanoseconds
        changed = Timestamp(seconds: Int64(ctime.tv_sec), nanoseconds: Int64(ctime.tv_nsec)).nanoseconds
        modifiedSeconds = Int64(mtime.tv_sec)
    }

    /// The whole seconds of the modification time as `stat` gave them, so two times past 2262 that
    /// `modified` holds at the same bound still tell the stamps apart.
    var modifiedSeconds: Int64

    /// Nanoseconds from the modification time to `wall` (wall-clock nanoseconds), saturated.
    func age(atWall wall: Int64) -> Int64 {
        Timestamp(nanoseconds: wall).nanoseconds(since: Timestamp(nanoseconds: modified))
    }

    /// The stamp of the file at `path`, following symbolic links; `nil` when it is gone. A file that
    /// is there but cannot be stat'ed (its folder is readable but not searchable: EACCES) gets the
    /// all-zero stamp, so it is read, and its problem counted, as `check` counts it.
    static func of(path: String) -> WatchFileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return errno == ENOENT || errno == ENOTDIR ? nil : WatchFileStamp(stat()) }
        return WatchFileStamp(info)
    }
}
