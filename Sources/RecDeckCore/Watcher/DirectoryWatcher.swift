import Glibc

/// Follows a directory of event files and keeps a `RecordingStore` equal to it, on its own thread.
///
/// It starts with a full scan, then follows changes through kernel notifications (inotify), or by
/// polling (`WatchMode.polling`, and as a fall-back when the kernel's watch limit is reached).
/// New, rewritten, renamed, deleted files and whole sub-directories are followed; the root may
/// disappear and come back. A file that does not decode while it may still be being written is
/// held back until it has been unchanged for `WatchOptions.settleTime`.
///
/// Changes reach the consumer in coalesced batches without ever blocking it: `fileDescriptor` turns
/// readable when a batch waits, so a run loop can `poll()` it together with the keyboard, and
/// `takeBatch()` returns everything since the previous call, merged into one batch.
///
/// ```swift
/// let watcher = try DirectoryWatcher(root: "events")
/// // run loop: poll([stdin, watcher.fileDescriptor]) …
/// if let batch = watcher.takeBatch() { model.apply(batch.delta); header.status = batch.status }
/// ```
///
/// The invariant: once the files have stopped changing (and the settle time is over), the store
/// equals a fresh `DirectoryScanner(root:options:).scan()` of the directory.
public final class DirectoryWatcher: EventSource {
    /// The directory as given.
    public let root: String
    public let options: WatchOptions
    private let shared: WatchShared
    private let thread: WatchThread

    /// Starts watching `root`; the first batch holds the full scan. A directory that does not exist
    /// yet is not an error: the status says `rootMissing` until it appears.
    public init(root: String, options: WatchOptions = WatchOptions()) throws(WatchError) {
        self.root = root
        self.options = options
        let shared = try WatchShared()
        self.shared = shared
        let scanner = DirectoryScanner(root: root, options: options.scan, captureTails: CaptureTails())
        do {
            thread = try WatchThread {
                WatchLoop(shared: shared, scanner: scanner, options: options).run()
            }
        } catch {
            shared.close()
            throw error
        }
    }

    deinit {
        stop()
    }

    /// Readable while a batch waits to be taken; `poll()` it for `POLLIN`, then call `takeBatch()`.
    /// Valid until `stop()`.
    public var fileDescriptor: Int32 { shared.doorbell.readEnd }

    /// `fileDescriptor`, as an `EventSource`.
    public var readinessDescriptor: Int32 { fileDescriptor }

    /// The bytes of one delivery, read back from its file under `root` (see `EventText`).
    public func text(of location: EventLocation) -> Result<String, EventTextError> {
        EventText.read(location, under: root)
    }

    /// Everything that changed since the previous call, merged into one batch; `nil` when nothing did.
    /// Never blocks for longer than a few microseconds.
    public func takeBatch() -> WatchBatch? {
        shared.takeBatch()
    }

    /// Waits up to `timeout` for a batch (for command-line tools and tests; a run loop polls `fileDescriptor`).
    public func waitForBatch(timeout: Duration) -> WatchBatch? {
        let deadline = WatchClock.now() + timeout.watchSeconds
        while true {
            if let batch = takeBatch() { return batch }
            let remaining = deadline - WatchClock.now()
            guard remaining > 0, !shared.isClosed else { return nil }
            var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, Int32(min(1000, (remaining * 1000).rounded(.up))))
        }
    }

    /// A copy of the store as it is now: it holds at least everything in the batches taken so far
    /// (and possibly changes whose batch is still to come; applying a batch to it again is harmless).
    ///
    /// The copy is cheap, but the watcher's next change then copies the store once: take a snapshot
    /// when the whole store is needed (at start, after a reload), not for every batch.
    public func snapshot() -> RecordingStore {
        shared.snapshot()
    }

    /// The status of the latest batch (`scanning` until the first).
    public var status: WatchStatus { shared.status }

    /// Files read so far and in all while a whole listing is being read (the first scan, a
    /// rescan): for a progress line. `nil` otherwise.
    public var progress: (done: Int, total: Int)? { shared.progress }

    /// The notice of the latest batch, such as why kernel notifications are not used.
    public var notice: String? { shared.notice }

    /// Stops following the directory: the store stays as it is until `resume()`.
    public func pause() {
        shared.request { $0.paused = true }
    }

    /// Follows the directory again, catching up on what happened meanwhile.
    public func resume() {
        shared.request { $0.paused = false }
    }

    /// Lists the whole tree again and reconciles the store with it (changed files are read again).
    public func rescan() {
        shared.request { $0.rescan = true }
    }

    /// Ends the watcher thread and closes every descriptor, `fileDescriptor` included. Safe to call
    /// more than once and from any thread; called by `deinit`.
    public func stop() {
        shared.request { $0.stop = true }
        thread.join()
        shared.close()
    }

    /// Counts for tests.
    var counters: WatchShared.Counters { shared.counts }
}

/// How a `DirectoryWatcher` reads, follows and reports a directory.
public struct WatchOptions: Sendable {
    /// Which files are read, as for a one-shot scan.
    public var scan: ScanOptions
    public var mode: WatchMode
    /// How long a file that does not decode must stay unchanged before it counts as a problem:
    /// until then it may still be being written, and it is held back ("pending").
    public var settleTime: Duration
    /// The shortest time between two batches: changes arriving faster are gathered into one.
    /// The first change after a quiet spell is delivered at once.
    public var coalescingInterval: Duration
    /// How often a missing directory is looked for, and a live one checked to still be there.
    public var rootCheckInterval: Duration
    /// The polling interval used when kernel notifications are not available.
    public var fallbackPollInterval: Duration
    /// Tests only: behave as if the kernel refused watches beyond this many (`ENOSPC`).
    var simulatedWatchLimit: Int?

    public init(scan: ScanOptions = ScanOptions(), mode: WatchMode = .notifications,
                settleTime: Duration = .seconds(1), coalescingInterval: Duration = .milliseconds(16),
                rootCheckInterval: Duration = .milliseconds(500), fallbackPollInterval: Duration = .seconds(2)) {
        self.scan = scan
        self.mode = mode
        self.settleTime = settleTime
        self.coalescingInterval = coalescingInterval
        self.rootCheckInterval = rootCheckInterval
        self.fallbackPollInterval = fallbackPollInterval
    }
}

/// How a `DirectoryWatcher` learns about changes.
public enum WatchMode: Sendable, Hashable {
    /// Kernel notifications (inotify): changes show within milliseconds. Falls back to polling, and
    /// says so, when the kernel's watch limit is reached or notifications are unavailable.
    case notifications
    /// Lists the tree every interval and compares (inode, size, modification time) snapshots: for
    /// network file systems (NFS, SMB, blobfuse), where kernel notifications do not fire.
    case polling(every: Duration)
}

/// What a `DirectoryWatcher` is doing, for the dashboard's header.
public enum WatchStatus: Sendable, Hashable, CustomStringConvertible {
    /// Reading the directory for the first time.
    case scanning
    /// Following the directory through kernel notifications.
    case live
    /// Comparing snapshots of the directory every interval.
    case polling(every: Duration)
    /// Not following the directory until resumed; the store stays as it was.
    case paused
    /// The directory does not exist (deleted, moved, unmounted); it is looked for until it comes back.
    case rootMissing

    /// A few words for people: `live`, `polling every 2s`, `paused`, `directory missing`.
    public var description: String {
        switch self {
        case .scanning: "scanning"
        case .live: "live"
        case .polling(let interval): "polling every \(Self.seconds(interval))"
        case .paused: "paused"
        case .rootMissing: "directory missing"
        }
    }

    /// `2s`, `0.5s`, `0.05s`.
    private static func seconds(_ duration: Duration) -> String {
        let milliseconds = Int((duration.watchSeconds * 1000).rounded())
        var text = "\(milliseconds / 1000)"
        if milliseconds % 1000 != 0 {
            var fraction = String(milliseconds % 1000)
            fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "s"
    }
}

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
