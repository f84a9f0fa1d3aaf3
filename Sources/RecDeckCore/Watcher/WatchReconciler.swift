import Glibc
import Dispatch

/// Keeps a watcher's store equal to what is on disk, one path or one listing at a time; shared by
/// the kernel-notification and the polling watcher.
///
/// - `refresh(_:now:)` re-reads one path a notification named.
/// - `reconcile(_:within:now:)` compares a listing (of the tree or of a sub-tree) with what the
///   store holds: paths gone are removed, paths whose (device, inode, size, mtime, ctime) stamp
///   changed, or was never trusted, are read again. Used for the first scan, polling, new
///   sub-directories, rescans after a queue overflow and the root's return.
/// - Files that do not decode while they may still be being written are held back ("pending"):
///   not applied, read again when they change, and applied with their problems only once they have
///   stayed unchanged for the settle time (`settleDue(now:)`).
///
/// Every change is applied to the shared store at once and merged into `delta`, which the watcher
/// hands to its consumer in batches.
struct WatchReconciler {
    /// What the store holds for a path, and what it was read from.
    private enum Entry: Equatable {
        /// A file read when it had this stamp. `trusted` when, at the time it was stat'ed, its
        /// modification time was old enough that any later write must move the stamp (file system
        /// clocks tick in milliseconds: a rewrite within the same tick and of the same size would
        /// otherwise go unnoticed by a listing).
        case file(WatchFileStamp, trusted: Bool)
        /// A problem the listing itself reported (a FIFO, a dangling link, an unreadable directory);
        /// rare, so kept out of line: an entry of each of 100,000 files stays the stamp's size.
        indirect case listed(Problem)
    }

    /// What the store holds for one path (a `SlotTable` element: no copy of the path as a
    /// dictionary key, and 8 bytes of index).
    private struct Watched: SlotKeyed, Sendable {
        let path: String
        var entry: Entry
        var slotKey: String { path }
    }

    /// A file held back because it does not decode yet.
    private struct Pending {
        var stamp: WatchFileStamp
        /// When this stamp was first seen (monotonic seconds).
        var firstSeen: Double
        /// When to read it again if nothing happens before (monotonic seconds).
        var due: Double
    }

    /// Whether a notification could be acted on alone.
    enum Refresh {
        case done
        /// The path is neither a regular file nor a directory (a symbolic link, a FIFO, …): only a
        /// listing classifies it the way a scan does.
        case needsListing
    }

    /// A stamp is trusted when its modification time is older than this when stat'ed.
    static let racyWindowNanoseconds: Int64 = 100_000_000

    let scanner: DirectoryScanner
    let shared: WatchShared
    /// Settle time in seconds.
    let settle: Double
    /// Everything applied since the last `takeDelta()`.
    private(set) var delta = StoreDelta()
    private var entries = SlotTable<Watched>()
    /// Files read through a symbolic link or with more than one hard link: a change made through
    /// the link's target or another link sends no notification here, so `restatLinked` looks.
    private var linked = Set<String>()
    /// The linked files being gone through by `restatLinked`, and where it is in them.
    private var linkedRound: [String] = []
    private var linkedCursor = 0
    /// Linked files re-stat'ed per call of `restatLinked` (twice a second): a tree of 100,000
    /// hard-linked files (a `cp -al` copy, an rsync `--link-dest` snapshot) is gone through in
    /// 25 s instead of being stat'ed whole twice a second.
    static let linkedPerRound = 2_000
    /// How many paths of `entries` each parent directory (`""` for the root) holds: whether
    /// anything is under a directory is known without going through the paths.
    private var filesInDirectory: [String: Int] = [:]
    private var pending: [String: Pending] = [:]

    init(scanner: DirectoryScanner, shared: WatchShared, settle: Double) {
        self.scanner = scanner
        self.shared = shared
        self.settle = settle
    }

    /// The changes since the last call.
    mutating func takeDelta() -> StoreDelta {
        defer { delta = StoreDelta() }
        return delta
    }

    /// When the earliest pending file is due to be read again (monotonic seconds).
    var nextDue: Double? { pending.values.lazy.map(\.due).min() }

    /// Paths held back as pending.
    var pendingPaths: [String] { Array(pending.keys) }

    /// Whether the store holds anything under the directory `path`.
    func holdsAnything(under path: String) -> Bool {
        let prefix = path + "/"
        return filesInDirectory.keys.contains { $0 == path || $0.hasPrefix(prefix) }
    }

    // MARK: One path

    /// Re-reads `path` after a notification about it; removes it when it is gone.
    mutating func refresh(_ path: String, now: Double) -> Refresh {
        let wall = WatchClock.wallNanoseconds()
        var info = stat()
        guard lstat(scanner.path(of: path), &info) == 0 else {
            remove(path)
            return .done
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            read(path, stamp: WatchFileStamp(info), statWall: wall, now: now)
        case S_IFDIR:
            // A directory by that name replaced a file; directories arrive through their own events.
            remove(path)
        default:
            return .needsListing
        }
        return .done
    }

    /// Reads the pending files whose settle time is over: a file still unchanged and still failing
    /// is applied with its problems; a file that changed meanwhile starts a new wait.
    mutating func settleDue(now: Double) {
        let due = pending.filter { $0.value.due <= now }.keys.sorted()
        for path in due {
            let wall = WatchClock.wallNanoseconds()
            guard let stamp = WatchFileStamp.of(path: scanner.path(of: path)) else {
                remove(path)
                continue
            }
            read(path, stamp: stamp, statWall: wall, now: now)
        }
    }

    private mutating func read(_ path: String, stamp: WatchFileStamp, statWall: Int64, now: Double) {
        shared.count { $0.fileReads += 1 }
        let contents = scanner.read(path)
        accept(path, stamp: stamp, trusted: stamp.age(atWall: statWall) > Self.racyWindowNanoseconds,
               contents: contents, now: now)
    }

    /// Applies what was read from `path`, or holds it back while it may still be being written.
    /// With a `batch`, what is to be applied is added to it instead (applied all at once later).
    private mutating func accept(_ path: String, stamp: WatchFileStamp, trusted: Bool, contents: FileContents?, now: Double,
                                 batch: UnsafeMutablePointer<[(file: String, contents: FileContents)]>? = nil, linked: Bool? = nil) {
        guard let contents else {
            remove(path)
            return
        }
        if !contents.problems.isEmpty && settle > 0 {
            let previous = pending[path]
            let firstSeen = previous?.stamp == stamp ? previous!.firstSeen : now
            // Quiet once the modification time is `settle` old, or once this very stamp has been
            // seen for `settle` (a clock skewed into the future must not hold a file back forever).
            let age = Double(stamp.age(atWall: WatchClock.wallNanoseconds())) / 1e9
            let remaining = min(settle - max(0, age), firstSeen + settle - now)
            if remaining > 0.001 {
                pending[path] = Pending(stamp: stamp, firstSeen: firstSeen, due: now + remaining)
                return
            }
        }
        pending[path] = nil
        put(path, .file(stamp, trusted: trusted), contents, batch: batch, linked: linked)
    }

    // MARK: Listings

    /// Makes the store agree with `listing`, a walk of the whole tree (`scope` nil) or of the
    /// sub-tree at `scope` (paths relative to the root either way).
    mutating func reconcile(_ listing: DirectoryScanner.Listing, within scope: String?, now: Double) {
        let scope = scope.flatMap { $0.isEmpty ? nil : $0 }
        let holdsNothing = entries.isEmpty && pending.isEmpty
        if !holdsNothing {
            var listed = Set(listing.files)
            listed.formUnion(listing.problems.keys)
            for path in paths(within: scope) where !listed.contains(path) { remove(path) }
            for path in pending.keys where Self.isWithin(path, scope) && !listed.contains(path) { pending[path] = nil }
        }

        // What is to be applied is gathered and applied at once: into an empty store (the first
        // scan) that builds it in one pass.
        var batch: [(file: String, contents: FileContents)] = []
        defer { delta.merge(shared.apply(batch)) }
        for (path, problem) in listing.problems.sorted(by: { $0.key < $1.key }) where entries[path]?.entry != .listed(problem) {
            pending[path] = nil
            put(path, .listed(problem), FileContents(problems: [problem]), batch: &batch)
        }

        // The first scan: nothing to compare with, so read everything at once and take each stamp
        // from the descriptor it was read through (no separate pass stat'ing 100,000 files).
        if holdsNothing && !listing.files.isEmpty {
            readEverything(listing, now: now, batch: &batch)
            return
        }

        // Stat every listed file, then read (in parallel) those whose stamp moved or was not trusted.
        let wall = WatchClock.wallNanoseconds()
        let scanner = scanner
        let files = listing.files
        let stamps = Parallel.map(files.count, block: 64, threshold: 256) { WatchFileStamp.of(path: scanner.path(of: files[$0])) }
        var changed: [(path: String, stamp: WatchFileStamp)] = []
        for (path, stamp) in zip(listing.files, stamps) {
            guard let stamp else {
                remove(path)
                continue
            }
            if let waiting = pending[path] {
                if waiting.stamp == stamp { continue }
            } else if case .file(stamp, trusted: true)? = entries[path]?.entry {
                continue
            }
            changed.append((path, stamp))
        }
        guard !changed.isEmpty else { return }
        shared.count { $0.fileReads += changed.count }
        let total = changed.count
        let shared = shared
        shared.setProgress((0, total))
        let contents = scanner.readAll(changed.map(\.path)) { done in shared.setProgress((done, total)) }
        defer { shared.setProgress(nil) }
        for ((path, stamp), contents) in zip(changed, contents) {
            accept(path, stamp: stamp, trusted: stamp.age(atWall: wall) > Self.racyWindowNanoseconds,
                   contents: contents, now: now, batch: &batch)
        }
    }

    /// Reads every file of `listing` (none of them held yet), stamped from the open descriptor,
    /// taking each in as soon as it is read while later ones are still being read.
    private mutating func readEverything(_ listing: DirectoryScanner.Listing, now: Double,
                                         batch: UnsafeMutablePointer<[(file: String, contents: FileContents)]>) {
        // The clock before any stat: a stamp taken later can only look younger, never wrongly trusted.
        let wall = WatchClock.wallNanoseconds()
        let files = listing.files
        shared.count { $0.fileReads += files.count }
        let total = files.count
        let shared = shared
        shared.setProgress((0, total))
        defer { shared.setProgress(nil) }
        entries.reserveCapacity(entries.count + files.count)
        batch.pointee.reserveCapacity(batch.pointee.count + files.count)
        scanner.readAllWithInfo(files, progress: { done in shared.setProgress((done, total)) }) { index, contents, info in
            guard let contents else { return }  // gone since the listing
            let path = files[index]
            // A file that could not be opened (permission, a FIFO swapped in) was not stat'ed: stat it now.
            let opened = info.st_ino != 0 || info.st_dev != 0
            guard let stamp = opened ? WatchFileStamp(info) : WatchFileStamp.of(path: scanner.path(of: path)) else { return }
            // Whether it is reached through a link, from the listing and the descriptor (no `lstat`).
            let linked = opened ? Self.isLinked(symbolic: listing.symbolicLinks.contains(path), names: info.st_nlink) : nil
            accept(path, stamp: stamp, trusted: stamp.age(atWall: wall) > Self.racyWindowNanoseconds,
                   contents: contents, now: now, batch: batch, linked: linked)
        }
    }

    // MARK: Removal

    /// Forgets `path`, and anything under it.
    mutating func removeTree(_ path: String) {
        for file in paths(within: path) { remove(file) }
        for file in pending.keys where Self.isWithin(file, path) { pending[file] = nil }
    }

    /// Forgets everything: the root is gone.
    mutating func removeAll() {
        delta.merge(shared.removeEverything())
        scanner.captureTails?.forgetAll()
        entries = SlotTable()
        filesInDirectory = [:]
        pending = [:]
        linked = []
    }

    /// Forgets one path.
    mutating func remove(_ path: String) {
        pending[path] = nil
        linked.remove(path)
        scanner.captureTails?.forget(path)
        guard entries.remove(path) != nil else { return }
        delta.merge(shared.remove(file: path))
        let parent = Self.parent(of: path)
        if let count = filesInDirectory[parent] { filesInDirectory[parent] = count > 1 ? count - 1 : nil }
    }

    /// Takes `contents` in for `path`; `linked` says whether the file is reached through a link
    /// (a symbolic one, or a hard one: more than one name), nil when it is yet to be found out.
    private mutating func put(_ path: String, _ entry: Entry, _ contents: FileContents,
                              batch: UnsafeMutablePointer<[(file: String, contents: FileContents)]>? = nil, linked: Bool? = nil) {
        if let batch {
            batch.pointee.append((path, contents))
        } else {
            delta.merge(shared.apply(contents, to: path))
        }
        if entries.update(Watched(path: path, entry: entry)) == nil {
            filesInDirectory[Self.parent(of: path), default: 0] += 1
        }
        if case .file = entry {
            let isLinked = linked ?? {
                var info = stat()
                return lstat(scanner.path(of: path), &info) == 0 && Self.isLinked(symbolic: info.st_mode & S_IFMT == S_IFLNK, names: info.st_nlink)
            }()
            if isLinked { self.linked.insert(path) } else { self.linked.remove(path) }
        }
    }

    /// Whether a file is reached through a link, which notifications for the folder do not cover:
    /// it is a symbolic link, or it has more than one name.
    private static func isLinked(symbolic: Bool, names: nlink_t) -> Bool {
        symbolic || names > 1
    }

    /// Stats the files read through a link again and re-reads those that changed (notifications
    /// mode; a listing sees these changes by itself).
    mutating func restatLinked(now: Double) {
        guard !linked.isEmpty else { return }
        let wall = WatchClock.wallNanoseconds()
        if linkedCursor >= linkedRound.count {
            linkedRound = linked.sorted()
            linkedCursor = 0
        }
        let end = min(linkedRound.count, linkedCursor + Self.linkedPerRound)
        defer { linkedCursor = end }
        for path in linkedRound[linkedCursor..<end] {
            guard linked.contains(path), case .file(let old, _)? = entries[path]?.entry, pending[path] == nil else { continue }
            guard let stamp = WatchFileStamp.of(path: scanner.path(of: path)) else {
                remove(path)
                continue
            }
            if stamp != old { read(path, stamp: stamp, statWall: wall, now: now) }
        }
    }

    // MARK: Paths

    /// Every path the store holds at or under `scope` (everything when `scope` is nil).
    private func paths(within scope: String?) -> [String] {
        guard let scope, !scope.isEmpty else { return entries.elements.map(\.path) }
        // One pass over the paths (a directory's going or coming is rare), none when nothing is under it.
        guard entries[scope] != nil || holdsAnything(under: scope) else { return [] }
        return entries.elements.lazy.map(\.path).filter { Self.isWithin($0, scope) }
    }

    static func isWithin(_ path: String, _ scope: String?) -> Bool {
        guard let scope, !scope.isEmpty else { return true }
        return path == scope || (path.hasPrefix(scope) && path.utf8.dropFirst(scope.utf8.count).first == UInt8(ascii: "/"))
    }

    static func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }
}

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
        let (mtime, ctime) = (info.st_mtim, info.st_ctim)
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
