import Glibc
import Synchronization

/// Writes whole files with plain system calls: to a hidden temporary name beside the target,
/// then renamed over it, so a reader (or recdeck's own watcher) never sees half a file.
///
/// Foundation's atomic writes are avoided on purpose: on Linux they leave an empty
/// `TemporaryDirectory.*` folder in /tmp for every file written.
public enum FileWriter {
    /// Writes `bytes` to `path` atomically; returns the error text on failure. With `replace`
    /// false an existing file is left alone (the error then reads "File exists").
    ///
    /// The temporary is a fresh private name opened with `O_EXCL | O_NOFOLLOW`, so a symbolic link
    /// or a file planted under a guessable name is never written through or truncated.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, replace: Bool = true) -> String? {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let serial = temporaryCounter.add(1, ordering: .relaxed).newValue
        let temporary = "\(folder)/.\(name).\(getpid()).\(serial).\(UInt32.random(in: 0 ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        if let message = bytes.withUnsafeBytes({ writeAll($0, to: descriptor) }) {
            close(descriptor)
            unlink(temporary)
            return message
        }
        guard close(descriptor) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            return message
        }
        // link refuses to replace an existing name; rename replaces it in one step.
        guard (replace ? rename(temporary, path) : link(temporary, path)) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            return message
        }
        if !replace { unlink(temporary) }
        return nil
    }

    /// What a durable write did.
    public enum DurableResult: Sendable, Equatable {
        /// The file is complete on disk under its name (the folder still needs `syncFolder`).
        case written
        /// A file of that name already exists; nothing was changed.
        case exists
        /// The write failed at `step` (nothing is left under the name); `reason` is the system's.
        case failed(step: String, reason: String)
    }

    /// Temporary names unique within the process, whatever thread writes.
    private static let temporaryCounter = Atomic<UInt64>(0)

    /// Writes `bytes` as `folder/name`, never replacing a file: to a hidden temporary name, flushed
    /// to disk (`fsync`), then renamed to its name with `RENAME_NOREPLACE` (or linked, where the
    /// file system cannot do that). Call `syncFolder(folder)` afterwards so the name itself survives
    /// a crash. A rename, not a link, where it can: a watcher is told a file was moved in complete
    /// (inotify's `IN_MOVED_TO`), where a new link looks like a file just created and still being
    /// written (`IN_CREATE`, no close), which recdeck's own watcher reads only 100 ms later.
    public static func writeDurably(_ bytes: UnsafeRawBufferPointer, folder: String, name: String) -> DurableResult {
        let serial = temporaryCounter.add(1, ordering: .relaxed).newValue
        let temporary = "\(folder)/.\(name).\(getpid()).\(serial).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return .failed(step: "create", reason: String(cString: strerror(errno))) }
        defer { unlink(temporary) }
        if let message = writeAll(bytes, to: descriptor) {
            close(descriptor)
            return .failed(step: "write", reason: message)
        }
        guard fsync(descriptor) == 0 else {
            let message = String(cString: strerror(errno))
            close(descriptor)
            return .failed(step: "fsync", reason: message)
        }
        guard close(descriptor) == 0 else { return .failed(step: "close", reason: String(cString: strerror(errno))) }
        let target = "\(folder)/\(name)"
        if let renameNoReplace {
            if renameNoReplace(AT_FDCWD, temporary, AT_FDCWD, target, renameNoReplaceFlag) == 0 { return .written }
            if errno == EEXIST { return .exists }
        }
        // Not supported here (ENOSYS, EINVAL on some file systems): a link refuses to replace as well.
        guard link(temporary, target) == 0 else {
            if errno == EEXIST { return .exists }
            return .failed(step: "rename", reason: String(cString: strerror(errno)))
        }
        return .written
    }

    /// `renameat2(2)`, looked up when first used: glibc declares it only for `_GNU_SOURCE`, which
    /// Swift's Glibc module does not define; `nil` where the C library lacks it.
    private static let renameNoReplace: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32)? = {
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self)
    }()

    /// `RENAME_NOREPLACE` of `<linux/fs.h>`.
    private static let renameNoReplaceFlag: UInt32 = 1

    /// Flushes a folder's entries to disk, so the names written into it survive a crash.
    public static func syncFolder(_ folder: String) -> String? {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        return fsync(descriptor) == 0 ? nil : String(cString: strerror(errno))
    }

    /// Writes all of `bytes` to `descriptor`; returns the error text on failure.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        var written = 0
        while written < bytes.count {
            let result = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            written += result
        }
        return nil
    }
}
