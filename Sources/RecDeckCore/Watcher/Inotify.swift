import Glibc

/// One record read from an inotify descriptor.
///
/// Swift imports `struct inotify_event` without its flexible `name[]` member, so records are
/// parsed by hand: a 16-byte header loaded unaligned, then `len` bytes of name padded with NULs.
struct InotifyEvent {
    /// The watch descriptor, or -1 for queue-wide events (`IN_Q_OVERFLOW`).
    var watch: Int32
    var mask: UInt32
    var cookie: UInt32
    /// The entry's name within the watched directory; empty for events about the directory itself.
    var name: String

    static let headerSize = MemoryLayout<inotify_event>.size

    /// Calls `body` with each complete record in `bytes`, in order.
    static func parse(_ bytes: UnsafeRawBufferPointer, _ body: (InotifyEvent) -> Void) {
        var offset = 0
        while offset + headerSize <= bytes.count {
            let header = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
            let nameStart = offset + headerSize
            let nameEnd = min(nameStart + Int(header.len), bytes.count)
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[nameStart..<nameEnd]).prefix { $0 != 0 },
                              as: UTF8.self)
            body(InotifyEvent(watch: header.wd, mask: header.mask, cookie: header.cookie, name: name))
            offset = nameStart + Int(header.len)
        }
    }

    func has(_ flags: Int32) -> Bool { mask & UInt32(bitPattern: flags) != 0 }
}

/// One inotify instance and its watches: which watch descriptor stands for which directory of the
/// tree (paths relative to the root, `""` for the root itself).
///
/// Directories are watched before they are listed, so that nothing created in between is missed.
/// A directory reached a second time (through a symbolic link) keeps its first path, as in a scan.
final class InotifyWatches {
    /// The kernel refused a watch or an instance; `message` says why in words for the user.
    struct Unavailable: Error {
        var message: String
    }

    /// What every directory is watched for.
    static let mask = UInt32(bitPattern: IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
        | IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK)

    let descriptor: Int32
    private let scanner: DirectoryScanner
    private let limit: Int?
    private var directories: [Int32: String] = [:]
    private var watchOf: [String: Int32] = [:]
    private let buffer: UnsafeMutableRawBufferPointer

    init(scanner: DirectoryScanner, simulatedLimit: Int?) throws(Unavailable) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            let reason = errno == EMFILE
                ? "the limit of inotify instances is reached (fs.inotify.max_user_instances = \(Self.kernelSetting("max_user_instances")))"
                : "kernel notifications are not available (\(String(cString: strerror(errno))))"
            throw Unavailable(message: reason)
        }
        self.scanner = scanner
        limit = simulatedLimit
        buffer = .allocate(byteCount: 64 << 10, alignment: 8)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// The watch on the root directory, if it is watched.
    var rootWatch: Int32? { watchOf[""] }

    /// The directory a watch descriptor stands for.
    func directory(of watch: Int32) -> String? { directories[watch] }

    func isWatched(_ directory: String) -> Bool { watchOf[directory] != nil }

    /// Watches every directory of the tree afresh and drops watches on directories no longer in it.
    func rewatchAll() throws(Unavailable) {
        var fresh: [Int32: String] = [:]
        var freshPaths: [String: Int32] = [:]
        try walk("", directories: &fresh, paths: &freshPaths)
        for watch in directories.keys where fresh[watch] == nil {
            inotify_rm_watch(descriptor, watch)
        }
        directories = fresh
        watchOf = freshPaths
    }

    /// Watches the directory `start` and, when the scan is recursive, every directory under it.
    func watchTree(from start: String) throws(Unavailable) {
        try walk(start, directories: &directories, paths: &watchOf)
    }

    /// Stops watching `path` and every directory under it (it was moved away or deleted).
    func unwatchTree(_ path: String) {
        for (directory, watch) in watchOf where WatchReconciler.isWithin(directory, path) {
            inotify_rm_watch(descriptor, watch)
            directories[watch] = nil
            watchOf[directory] = nil
        }
    }

    /// Forgets a watch the kernel dropped (`IN_IGNORED`).
    func forget(_ watch: Int32) {
        guard let directory = directories.removeValue(forKey: watch) else { return }
        if watchOf[directory] == watch { watchOf[directory] = nil }
    }

    /// Reads the queued events (up to 1 MiB of them, so that a flood cannot starve the rest of
    /// the loop); returns whether there were any.
    func readEvents(_ body: (InotifyEvent) -> Void) -> Bool {
        var any = false
        for _ in 0..<16 {
            let got = read(descriptor, buffer.baseAddress, buffer.count)
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { break }
            any = true
            InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: buffer[0..<got]), body)
        }
        return any
    }

    private func walk(_ directory: String, directories: inout [Int32: String], paths: inout [String: Int32]) throws(Unavailable) {
        if let limit, paths[directory] == nil, paths.count >= limit {
            throw Unavailable(message: Self.limitMessage)
        }
        let watch = inotify_add_watch(descriptor, scanner.path(of: directory), Self.mask)
        guard watch >= 0 else {
            if errno == ENOSPC { throw Unavailable(message: Self.limitMessage) }
            return // gone, not a directory, not readable: the listing reports what needs reporting
        }
        if let first = directories[watch], first != directory { return }
        directories[watch] = directory
        paths[directory] = watch
        guard scanner.options.recursive, let handle = opendir(scanner.path(of: directory)) else { return }
        var subdirectories: [String] = []
        while let entry = readdir(handle) {
            let name = DirectoryEntry.name(of: entry)
            if name.hasPrefix(".") { continue }
            let child = directory.isEmpty ? name : directory + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR):
                subdirectories.append(child)
            case Int32(DT_LNK), Int32(DT_UNKNOWN):
                var info = stat()
                if stat(scanner.path(of: child), &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
                    subdirectories.append(child)
                }
            default:
                break
            }
        }
        closedir(handle)
        for child in subdirectories {
            try walk(child, directories: &directories, paths: &paths)
        }
    }

    private static var limitMessage: String {
        "the kernel's inotify watch limit is reached (fs.inotify.max_user_watches = \(kernelSetting("max_user_watches")))"
    }

    /// A value under /proc/sys/fs/inotify, or `?`.
    static func kernelSetting(_ name: String) -> String {
        let descriptor = open("/proc/sys/fs/inotify/" + name, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "?" }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 32)
        let got = read(descriptor, &bytes, bytes.count)
        guard got > 0 else { return "?" }
        return String(decoding: bytes[0..<got].filter { $0 > 0x20 }, as: UTF8.self)
    }
}
