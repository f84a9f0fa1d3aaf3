import Glibc
import Synchronization

/// The body of a `DirectoryWatcher`'s thread: one loop blocked in `poll()` on the inotify
/// descriptor and the wake pipe, with a timeout for the next timer (a batch to deliver, a file to
/// read again, the root to look for, the next poll).
///
/// Notifications name paths; the loop gathers them per read of the queue and lets the
/// `WatchReconciler` read what they name, so any order of events on a file ends in its current
/// state. Directories are handled as they come: a new one is watched, then listed; one that left
/// takes its files along. Anything a notification cannot settle alone (a queue overflow, a symbolic
/// link, the root's return) is settled by a listing, the same reconcile the polling mode runs.
final class WatchLoop {
    private let shared: WatchShared
    private let scanner: DirectoryScanner
    private let options: WatchOptions
    private var reconciler: WatchReconciler
    private let coalescing: Double
    private let rootCheckInterval: Double
    /// How soon a file that is modified but not yet closed (an appender, a slow writer) is read.
    private static let modifiedReadDelay = 0.1

    private var watches: InotifyWatches?
    /// The polling interval, when polling (chosen, or fallen back to).
    private var pollInterval: Duration?
    private var activeStatus: WatchStatus = .scanning
    private var notice: String?
    private var paused = false
    private var rootIdentity: RootIdentity?
    private var nextRootCheck = Double.infinity
    private var nextPoll = Double.infinity
    /// Files modified but not closed yet, with when to read them.
    private var modified: [String: Double] = [:]
    private var rescanNeeded = false
    private var lastPublish = -Double.infinity
    private var published: (status: WatchStatus, notice: String?)?

    private struct RootIdentity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    init(shared: WatchShared, scanner: DirectoryScanner, options: WatchOptions) {
        self.shared = shared
        self.scanner = scanner
        self.options = options
        reconciler = WatchReconciler(scanner: scanner, shared: shared, settle: options.settleTime.watchSeconds)
        coalescing = options.coalescingInterval.watchSeconds
        rootCheckInterval = options.rootCheckInterval.watchSeconds
        if case .polling(let interval) = options.mode { pollInterval = interval }
    }

    func run() {
        load(now: WatchClock.now())
        while true {
            var deadline = publishIfDue(now: WatchClock.now()) ?? .infinity
            if !paused { deadline = min(deadline, nextWorkDeadline) }
            let notified = wait(until: deadline)
            let requests = shared.takeRequests()
            if requests.stop { break }
            if requests.paused != paused { setPaused(requests.paused, now: WatchClock.now()) }
            if requests.rescan { rescanNeeded = true }
            guard !paused else { continue }
            if notified { processEvents(now: WatchClock.now()) }
            runTimers(now: WatchClock.now())
            if rescanNeeded { rescan(now: WatchClock.now()) }
        }
        watches = nil
    }

    // MARK: Waiting and delivering

    private var nextWorkDeadline: Double {
        var deadline = min(nextRootCheck, nextPoll)
        if let due = reconciler.nextDue { deadline = min(deadline, due) }
        if let due = modified.values.min() { deadline = min(deadline, due) }
        if rescanNeeded { deadline = 0 }
        return deadline
    }

    /// Blocks until the deadline, a request, or (when following it) a notification; returns whether
    /// notifications are waiting.
    private func wait(until deadline: Double) -> Bool {
        var descriptors = [pollfd(fd: shared.wake.readEnd, events: Int16(POLLIN), revents: 0)]
        if !paused, let watches {
            descriptors.append(pollfd(fd: watches.descriptor, events: Int16(POLLIN), revents: 0))
        }
        var timeout: Int32 = -1
        if deadline < .infinity {
            let milliseconds = ((deadline - WatchClock.now()) * 1000).rounded(.up)
            timeout = Int32(max(0, min(milliseconds, 60_000)))
        }
        let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
        return ready > 0 && descriptors.count > 1 && descriptors[1].revents != 0
    }

    /// Delivers what changed if the last batch is at least `coalescing` old (or the status changed);
    /// otherwise returns when to deliver it.
    private func publishIfDue(now: Double) -> Double? {
        let status = paused ? WatchStatus.paused : activeStatus
        let statusChanged = published.map { $0.status != status || $0.notice != notice } ?? true
        guard statusChanged || !reconciler.delta.isEmpty else { return nil }
        let due = lastPublish + coalescing
        guard statusChanged || now >= due else { return due }
        shared.publish(reconciler.takeDelta(), status: status, notice: notice)
        published = (status, notice)
        lastPublish = now
        return nil
    }

    private func setPaused(_ value: Bool, now: Double) {
        paused = value
        guard !value else { return }
        // Catch up: the kernel kept what happened meanwhile (or says it overflowed).
        if pollInterval != nil { nextPoll = now } else { nextRootCheck = now }
    }

    private func runTimers(now: Double) {
        if !modified.isEmpty {
            for path in modified.filter({ $0.value <= now }).keys.sorted() {
                modified[path] = nil
                refresh(path, now: now)
            }
        }
        if let due = reconciler.nextDue, due <= now { reconciler.settleDue(now: now) }
        if now >= nextPoll { pollDirectory(now: now) }
        if now >= nextRootCheck { checkRoot(now: now) }
    }

    private func refresh(_ path: String, now: Double) {
        if reconciler.refresh(path, now: now) == .needsListing { rescanNeeded = true }
    }

    // MARK: The root

    /// (Re)starts following the root: watches (or polls) it and reconciles the store with a full listing.
    private func load(now: Double) {
        guard let identity = Self.rootIdentity(of: scanner.root) else {
            enterRootMissing(now: now)
            return
        }
        rootIdentity = identity
        if pollInterval != nil {
            pollDirectory(now: now)
            return
        }
        do throws(InotifyWatches.Unavailable) {
            if watches == nil {
                watches = try InotifyWatches(scanner: scanner, simulatedLimit: options.simulatedWatchLimit)
            }
            try watches?.rewatchAll()
        } catch {
            fallBack(error.message, now: now)
            return
        }
        guard watches?.rootWatch != nil, let listing = try? scanner.list() else {
            enterRootMissing(now: now)
            return
        }
        reconciler.reconcile(listing, within: nil, now: now)
        activeStatus = .live
        nextRootCheck = WatchClock.now() + rootCheckInterval
    }

    /// Kernel notifications cannot be used: poll instead, and say so.
    private func fallBack(_ reason: String, now: Double) {
        watches = nil
        modified = [:]
        let interval = options.fallbackPollInterval
        pollInterval = interval
        nextRootCheck = .infinity
        notice = "\(reason): \(WatchStatus.polling(every: interval)) instead"
        pollDirectory(now: now)
    }

    /// The root is gone as far as the watches know: follow whatever is at its path now.
    private func rootGone(now: Double) {
        watches = nil // drops every watch, and whatever is still queued about the old directory
        modified = [:]
        if Self.rootIdentity(of: scanner.root) != nil {
            load(now: now)
        } else {
            enterRootMissing(now: now)
        }
    }

    private func enterRootMissing(now: Double) {
        watches = nil
        modified = [:]
        rootIdentity = nil
        reconciler.removeAll()
        activeStatus = .rootMissing
        if let pollInterval {
            nextPoll = now + pollInterval.watchSeconds
        } else {
            nextRootCheck = now + rootCheckInterval
        }
    }

    /// Looks for a missing root, or checks that the live one is still the directory at its path
    /// (a parent renamed away sends no notification).
    private func checkRoot(now: Double) {
        nextRootCheck = now + rootCheckInterval
        let identity = Self.rootIdentity(of: scanner.root)
        if activeStatus == .rootMissing {
            if identity != nil { load(now: now) }
        } else if identity != rootIdentity {
            rootGone(now: now)
        } else if pollInterval == nil {
            reconciler.restatLinked(now: now)
        }
    }

    private static func rootIdentity(of path: String) -> RootIdentity? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return RootIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    // MARK: Listings

    /// Polling: one listing of the tree, reconciled.
    private func pollDirectory(now: Double) {
        guard let interval = pollInterval else { return }
        defer { nextPoll = WatchClock.now() + interval.watchSeconds }
        guard let listing = try? scanner.list() else {
            if activeStatus != .rootMissing {
                reconciler.removeAll()
                activeStatus = .rootMissing
            }
            return
        }
        reconciler.reconcile(listing, within: nil, now: now)
        activeStatus = .polling(every: interval)
    }

    /// A full listing reconciled with the store, after a queue overflow or anything a notification
    /// could not settle alone.
    private func rescan(now: Double) {
        rescanNeeded = false
        shared.count { $0.fullRescans += 1 }
        if pollInterval != nil {
            pollDirectory(now: now)
            return
        }
        guard activeStatus != .rootMissing else {
            checkRoot(now: now)
            return
        }
        guard let watches, Self.rootIdentity(of: scanner.root) == rootIdentity else {
            rootGone(now: now)
            return
        }
        do throws(InotifyWatches.Unavailable) {
            try watches.rewatchAll()
        } catch {
            fallBack(error.message, now: now)
            return
        }
        guard watches.rootWatch != nil, let listing = try? scanner.list() else {
            rootGone(now: now)
            return
        }
        reconciler.reconcile(listing, within: nil, now: now)
    }

    // MARK: Notifications

    private func processEvents(now: Double) {
        guard let watches else { return }
        let recursive = scanner.options.recursive
        var touched: [String] = []
        var touchedSet: Set<String> = []
        var rootWentAway = false
        var unavailable: String?
        _ = watches.readEvents { event in
            guard !rootWentAway, unavailable == nil else { return }
            if event.has(IN_Q_OVERFLOW) {
                rescanNeeded = true
                shared.count { $0.overflows += 1 }
                return
            }
            guard let directory = watches.directory(of: event.watch) else { return }
            if directory.isEmpty && event.has(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT) {
                rootWentAway = true
                return
            }
            if event.has(IN_IGNORED) {
                watches.forget(event.watch)
                return
            }
            // Events about a sub-directory itself are also reported, by name, to its parent.
            if event.name.isEmpty || event.name.hasPrefix(".") { return }
            let path = directory.isEmpty ? event.name : directory + "/" + event.name
            let gone = event.has(IN_DELETE | IN_MOVED_FROM)
            if event.has(IN_ISDIR) {
                guard recursive else { return }
                if gone {
                    removeTree(path)
                } else if event.has(IN_CREATE | IN_MOVED_TO | IN_ATTRIB) {
                    do throws(InotifyWatches.Unavailable) {
                        try addTree(path, watches: watches, now: now)
                    } catch {
                        unavailable = error.message
                    }
                }
                return
            }
            if gone && (watches.isWatched(path) || reconciler.holdsAnything(under: path)) {
                removeTree(path) // a symbolic link to a directory
            }
            guard DirectoryScanner.isEventFileName(event.name) else {
                if recursive && event.has(IN_CREATE | IN_MOVED_TO) && Self.isSymbolicLink(scanner.path(of: path)) {
                    rescanNeeded = true // it may lead to a directory the scan would read
                }
                return
            }
            if gone || event.has(IN_CLOSE_WRITE | IN_MOVED_TO) {
                modified[path] = nil
                if touchedSet.insert(path).inserted { touched.append(path) }
            } else if modified[path] == nil {
                modified[path] = now + Self.modifiedReadDelay
            }
        }
        if let unavailable {
            fallBack(unavailable, now: now)
            return
        }
        if rootWentAway {
            rootGone(now: now)
            return
        }
        for path in touched { refresh(path, now: now) }
    }

    /// A directory appeared: watch it (and everything under it) first, then read what is already there.
    private func addTree(_ path: String, watches: InotifyWatches, now: Double) throws(InotifyWatches.Unavailable) {
        try watches.watchTree(from: path)
        let subtree = DirectoryScanner(root: scanner.path(of: path), options: scanner.options)
        guard let listing = try? subtree.list() else {
            removeTree(path)
            return
        }
        reconciler.reconcile(Self.rebase(listing, under: path), within: path, now: now)
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// A directory left (deleted, moved away): forget its watches and its files.
    private func removeTree(_ path: String) {
        watches?.unwatchTree(path)
        reconciler.removeTree(path)
        for file in modified.keys where WatchReconciler.isWithin(file, path) { modified[file] = nil }
    }

    /// A listing of the sub-tree at `path`, with paths relative to the root.
    private static func rebase(_ listing: DirectoryScanner.Listing, under path: String) -> DirectoryScanner.Listing {
        var problems: [String: Problem] = [:]
        for (key, problem) in listing.problems {
            let full = key == "." ? path : path + "/" + key
            var moved = problem
            moved.file = full
            problems[full] = moved
        }
        return DirectoryScanner.Listing(files: listing.files.map { path + "/" + $0 }, problems: problems,
                                        symbolicLinks: Set(listing.symbolicLinks.map { path + "/" + $0 }))
    }
}

/// A dedicated POSIX thread running one closure, joined exactly once.
final class WatchThread: Sendable {
    private final class Context {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    private typealias Handle = pthread_t
    /// The thread, until it has been joined.
    private let handle: Mutex<Handle?>

    /// Starts a thread running `body`.
    init(_ body: @escaping @Sendable () -> Void) throws(WatchError) {
        let context = Unmanaged.passRetained(Context(body)).toOpaque()
        var started: Handle = 0
        let result = pthread_create(&started, nil, { raw in
            Unmanaged<Context>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, context)
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
            pthread_join(thread, nil)
        }
    }
}

/// The clocks the watcher reads: a monotonic one for its timers, the wall clock to age modification times.
enum WatchClock {
    /// Seconds on the monotonic clock (arbitrary origin; never jumps).
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Nanoseconds since 1970 on the wall clock, the clock file modification times are written in.
    static func wallNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Timestamp(seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec)).nanoseconds
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var watchSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
