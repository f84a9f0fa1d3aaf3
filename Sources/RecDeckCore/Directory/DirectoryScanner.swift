import Glibc
import Dispatch
import Synchronization

/// How a directory is read.
public struct ScanOptions: Sendable, Equatable {
    /// Read sub-directories too.
    public var recursive: Bool
    /// Files larger than this many bytes are reported instead of read.
    public var maxFileSize: Int

    /// The default per-file size limit: 256 MiB, several times the largest batch Event Grid sends.
    public static let defaultMaxFileSize = 256 << 20

    public init(recursive: Bool = true, maxFileSize: Int = ScanOptions.defaultMaxFileSize) {
        self.recursive = recursive
        self.maxFileSize = maxFileSize
    }
}

/// An error that stops a scan before it starts: the directory itself cannot be read.
public struct ScanError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Finds the event files under a directory and reads them, in parallel, into a `RecordingStore`.
///
/// Only `.json`, `.jsonl` and `.ndjson` files, and Event Hubs Capture `.avro` files (any case), are read; hidden files and directories
/// (a leading `.`) and editor leftovers are skipped. Only regular files are ever opened: a FIFO,
/// socket or device with an event file's name is reported, never opened. Symbolic links are
/// followed; a link to a directory already read (a loop) is reported and not read again.
public struct DirectoryScanner: Sendable {
    /// The directory as given.
    public var root: String
    public var options: ScanOptions
    /// Where each Capture file's reading stopped, kept by a watcher so a growing file is read on
    /// from its last complete block; nil (read every file whole) for a one-off scan.
    public var captureTails: CaptureTails?

    public init(root: String, options: ScanOptions = ScanOptions(), captureTails: CaptureTails? = nil) {
        self.root = root
        self.options = options
        self.captureTails = captureTails
    }

    /// What a walk of the tree found: event files (relative paths, sorted) and problems with the rest.
    public struct Listing: Sendable {
        public var files: [String]
        /// Problems keyed by the relative path they concern.
        public var problems: [String: Problem]
        /// The files of `files` listed as symbolic links (to regular files).
        public var symbolicLinks: Set<String> = []
    }

    /// Whether `name` is a file name recdeck reads.
    public static func isEventFileName(_ name: String) -> Bool {
        guard !name.hasPrefix(".") else { return false }
        let lower = name.lowercased()
        return lower.hasSuffix(".json") || lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson")
            || CaptureFileDecoder.isCaptureFileName(lower)
    }

    /// The absolute-or-relative path of a file given relative to the root.
    public func path(of relative: String) -> String {
        relative.isEmpty || relative == "." ? root : (root.hasSuffix("/") ? root + relative : root + "/" + relative)
    }

    /// How many bytes `path(of:)` puts before a relative path (the root and its slash).
    private var rootPrefixLength: Int { root.utf8.count + (root.hasSuffix("/") ? 0 : 1) }

    /// Walks the tree. Throws only when the root itself is not a readable directory.
    public func list() throws(ScanError) -> Listing {
        var info = stat()
        guard stat(root, &info) == 0 else {
            throw ScanError(description: "cannot read \(root): \(String(cString: strerror(errno))); give the directory that holds the event files")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw ScanError(description: "\(root) is not a directory; give the directory that holds it (recdeck reads every event file there)")
        }
        var listing = Listing(files: [], problems: [:])
        var visited: [DirectoryIdentity: String] = [DirectoryIdentity(info): "."]
        walk(relative: "", into: &listing, visited: &visited)
        listing.files.sort()
        return listing
    }

    private struct DirectoryIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private func walk(relative: String, into listing: inout Listing, visited: inout [DirectoryIdentity: String]) {
        guard let directory = opendir(path(of: relative)) else {
            let name = relative.isEmpty ? "." : relative
            listing.problems[name] = Problem(file: name, message: "cannot read the directory: \(String(cString: strerror(errno)))")
            return
        }
        defer { closedir(directory) }
        var subdirectories: [String] = []
        while let entry = readdir(directory) {
            let name = DirectoryEntry.name(of: entry)
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path(of: child), &info) == 0 else { continue }
                type = Self.direntType(info.st_mode)
            }
            guard DirectoryEntry.hasValidName(entry) else {
                // Its repaired name (U+FFFD for each bad byte) names no file: say so rather than skip it.
                if type == Int32(DT_DIR) || type == Int32(DT_LNK) || Self.isEventFileName(name) {
                    listing.problems[child] = Problem(file: child, message: "the name is not valid UTF-8 (each bad byte shows as \u{FFFD}): not read; rename it")
                }
                continue
            }
            if rootPrefixLength + child.utf8.count >= Int(PATH_MAX), type == Int32(DT_DIR) || Self.isEventFileName(name) {
                listing.problems[child] = Problem(file: child, message: "the path is longer than PATH_MAX (\(PATH_MAX) bytes): not read")
                continue
            }
            switch type {
            case Int32(DT_DIR):
                if options.recursive { subdirectories.append(child) }
            case Int32(DT_REG):
                if Self.isEventFileName(name) { listing.files.append(child) }
            case Int32(DT_LNK):
                var info = stat()
                if stat(path(of: child), &info) != 0 {
                    if Self.isEventFileName(name) || errno == ELOOP {
                        let reason = errno == ELOOP ? "symbolic link loop" : "dangling symbolic link (its target does not exist)"
                        listing.problems[child] = Problem(file: child, message: reason)
                    }
                } else if info.st_mode & S_IFMT == S_IFDIR {
                    guard options.recursive else { continue }
                    if let first = visited[DirectoryIdentity(info)] {
                        listing.problems[child] = Problem(
                            file: child, message: "directory link loop: leads to \(first), which is already read; skipped")
                    } else {
                        subdirectories.append(child)
                    }
                } else if Self.isEventFileName(name) {
                    if info.st_mode & S_IFMT == S_IFREG {
                        listing.files.append(child)
                        listing.symbolicLinks.insert(child)
                    } else {
                        listing.problems[child] = Problem(file: child, message: Self.notRegular(info.st_mode))
                    }
                }
            default:
                if Self.isEventFileName(name) {
                    var info = stat()
                    let mode = lstat(path(of: child), &info) == 0 ? info.st_mode : 0
                    listing.problems[child] = Problem(file: child, message: Self.notRegular(mode))
                }
            }
        }
        for child in subdirectories {
            var info = stat()
            guard stat(path(of: child), &info) == 0 else { continue }
            let identity = DirectoryIdentity(info)
            if let first = visited[identity] {
                listing.problems[child] = Problem(
                    file: child, message: "directory link loop: leads to \(first), which is already read; skipped")
                continue
            }
            visited[identity] = child
            walk(relative: child, into: &listing, visited: &visited)
        }
    }

    private static func direntType(_ mode: mode_t) -> Int32 {
        switch mode & S_IFMT {
        case S_IFDIR: Int32(DT_DIR)
        case S_IFREG: Int32(DT_REG)
        case S_IFLNK: Int32(DT_LNK)
        default: Int32(DT_UNKNOWN) - 1
        }
    }

    /// Why a path with an event file's name was not opened.
    static func notRegular(_ mode: mode_t) -> String {
        let kind: String
        switch mode & S_IFMT {
        case S_IFIFO: kind = "a FIFO (named pipe)"
        case S_IFSOCK: kind = "a socket"
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        case S_IFDIR: kind = "a directory"
        default: kind = "not a regular file"
        }
        return "\(kind), not a regular file: not opened"
    }

    /// Reads and decodes one file; `nil` when it no longer exists.
    public func read(_ relative: String) -> FileContents? {
        var interner = StringInterner()
        return read(relative, interner: &interner)
    }

    /// Reads and decodes one file, sharing repeated strings through `interner`. A recording event's
    /// subject is read into its ids and not kept (the store does not need the text; it is on disk).
    /// `info`, when given, receives what `fstat` said of the file as it was opened (left alone when
    /// it could not be opened).
    func read(_ relative: String, interner: inout StringInterner, info: UnsafeMutablePointer<stat>? = nil) -> FileContents? {
        if CaptureFileDecoder.isCaptureFileName(relative) {
            return CaptureFileReader.read(relative, scanner: self, interner: &interner, info: info)
        }
        switch FileReader.read(path: path(of: relative), maxSize: options.maxFileSize, info: info) {
        case .gone:
            return nil
        case .failed(let message):
            return FileContents(problems: [Problem(file: relative, message: message)])
        case .bytes(let buffer):
            defer { buffer.deallocate() }
            var contents = FileDecoder.decode(UnsafeBufferPointer(buffer), file: relative, layout: .init(fileName: relative),
                                              interner: &interner, keepRecordingSubjects: false)
            if let count = receivedDeliveryCount(of: relative) {
                contents.modifyEvents { $0.envelope.deliveryCount = count }
            }
            return contents
        }
    }

    /// Event Grid's delivery count from the `.headers` sidecar of a body `recdeck serve` stored,
    /// when `relative` is one (recognised by its name, so other files cost no extra `open`).
    private func receivedDeliveryCount(of relative: String) -> Int? {
        let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/"))
        let name = slash.map { relative[relative.utf8.index(after: $0)...] } ?? relative[...]
        guard let sidecar = ReceivedFileName.headersName(forBody: name) else { return nil }
        let folder = slash.map { String(relative[...$0]) } ?? ""
        guard case .bytes(let buffer) = FileReader.read(path: path(of: folder + sidecar), maxSize: 1 << 16) else { return nil }
        defer { buffer.deallocate() }
        return DeliveryHeaders(parsing: UnsafeBufferPointer(buffer)).deliveryCount
    }

    /// Lists the tree and reads every file on all cores, applying each to a new store (in path
    /// order, listing problems first) while later ones are still being read.
    public func scan() throws(ScanError) -> RecordingStore {
        let listing = try list()
        var store = RecordingStore()
        var loading = store.startLoading(files: listing.files.count + listing.problems.count,
                                         events: listing.files.count, delta: false)
        for (file, problem) in listing.problems.sorted(by: { $0.key < $1.key }) {
            store.load(FileContents(problems: [problem]), to: file, into: &loading)
        }
        let scanner = self, files = listing.files
        Parallel.stream(files.count, block: Parallel.blockSize(for: files.count, atMost: Self.readBlock), state: StringInterner.init) { interner, index in
            scanner.read(files[index], interner: &interner)
        } consume: { index, contents in
            if let contents { store.load(contents, to: files[index], into: &loading) }
        }
        _ = store.finishLoading(loading)
        return store
    }

    /// Reads `files` in parallel; the result is in the same order, `nil` for files that vanished.
    /// `progress`, when given, is called now and then (from worker threads) with the number read so far.
    public func readAll(_ files: [String], progress: (@Sendable (Int) -> Void)? = nil) -> [FileContents?] {
        let scanner = self
        return readAll(files.count, progress: progress) { interner, index in scanner.read(files[index], interner: &interner) }
    }

    /// Reads `files` in parallel as `readAll` does, each with what `fstat` said of it as it was opened
    /// (all zero when it could not be opened), so that a watcher's first scan need not `stat` every
    /// file again. Each is handed to `consume` on the calling thread, in order, as soon as its block
    /// is read (`Parallel.stream`): the caller's work on a file runs beside the reading of later ones.
    func readAllWithInfo(_ files: [String], progress: (@Sendable (Int) -> Void)?,
                         consume: (Int, FileContents?, stat) -> Void) {
        let scanner = self, counter = Atomic<Int>(0)
        Parallel.stream(files.count, block: Parallel.blockSize(for: files.count, atMost: Self.readBlock), state: StringInterner.init) { interner, index in
            var info = stat()
            let contents = scanner.read(files[index], interner: &interner, info: &info)
            if let progress { Self.report(progress, counter: counter) }
            return (contents, info)
        } consume: { index, read in
            consume(index, read.0, read.1)
        }
    }

    /// `read(interner, index)` of each of `count` files on all cores, in blocks of at most 64 that each
    /// share repeated strings through an interner of their own, reporting `progress`.
    private func readAll<Result>(_ count: Int, progress: (@Sendable (Int) -> Void)?,
                                 _ read: @Sendable (inout StringInterner, Int) -> Result) -> [Result] {
        let counter = Atomic<Int>(0)
        return Parallel.map(count, block: Parallel.blockSize(for: count, atMost: Self.readBlock), state: StringInterner.init) { interner, index in
            let result = read(&interner, index)
            if let progress { Self.report(progress, counter: counter) }
            return result
        }
    }

    /// The most files a worker reads in a row, with one interner.
    private static let readBlock = 64

    /// Reports `progress` every 512 files read (the count just passed, so the figures stay round),
    /// `counter` holding how many are read. Counted file by file: a block may hold fewer than
    /// `readBlock` files (`Parallel.blockSize`), so a block's end says nothing of the files before it.
    private static func report(_ progress: @Sendable (Int) -> Void, counter: borrowing Atomic<Int>) {
        let done = counter.add(1, ordering: .relaxed).newValue
        if done % 512 == 0 { progress(done) }
    }
}
