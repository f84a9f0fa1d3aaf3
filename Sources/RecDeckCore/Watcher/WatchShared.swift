import Synchronization

/// The state a `DirectoryWatcher`'s thread shares with its consumer, behind two locks.
///
/// The store has a lock of its own, held while the watcher thread changes it (a rescan can take
/// seconds) and by `snapshot()`. Everything the consumer touches on every tick (the batch waiting to
/// be taken, the status, progress, requests) is behind the other lock, which no one holds for
/// longer than a swap: the watcher derives a batch (problems, other events) under the store's lock,
/// then only hands it over under this one, so the screen never waits for the store.
/// The watcher thread is the only writer of the store; `snapshot()` is a copy-on-write copy.
final class WatchShared: Sendable {
    /// What the consumer asked the watcher thread to do.
    struct Requests {
        var stop = false
        var paused = false
        var rescan = false
    }

    /// Counts for tests and diagnostics.
    struct Counters {
        var batches = 0
        var overflows = 0
        var fullRescans = 0
        var fileReads = 0
    }

    /// Everything the two sides share.
    private struct State {
        var unread: WatchBatch?
        var rung = false
        var closed = false
        var status: WatchStatus = .scanning
        var notice: String?
        var progress: (done: Int, total: Int)?
        var requests = Requests()
        var counters = Counters()
    }

    private let state = Mutex(State())
    private let store = Mutex(RecordingStore())

    /// Readable while a batch waits to be taken.
    let doorbell: Doorbell
    /// Wakes the watcher thread when the consumer asks for something.
    let wake: Doorbell

    init() throws(WatchError) {
        doorbell = try Doorbell.open()
        do {
            wake = try Doorbell.open()
        } catch {
            doorbell.close()
            throw error
        }
    }

    // MARK: Store (written by the watcher thread only)

    func apply(_ contents: FileContents, to file: String) -> StoreDelta {
        store.withLock { $0.apply(contents, to: file) }
    }

    func apply(_ batch: [(file: String, contents: FileContents)]) -> StoreDelta {
        guard !batch.isEmpty else { return StoreDelta() }
        return store.withLock { store in
            guard store.summary.files == 0 else { return store.apply(batch) }
            // Into an empty store: build a fresh one (its one-pass bulk build) and swap it in.
            var fresh = RecordingStore()
            let delta = fresh.apply(batch)
            store = fresh
            return delta
        }
    }

    func remove(file: String) -> StoreDelta {
        store.withLock { $0.remove(file: file) }
    }

    func removeEverything() -> StoreDelta {
        store.withLock { store in
            var delta = StoreDelta()
            delta.removed = Set(store.recordings.keys)
            delta.problemsChanged = store.summary.problems > 0
            delta.otherEventsChanged = store.summary.otherEvents > 0
            store = RecordingStore()
            return delta
        }
    }

    func snapshot() -> RecordingStore {
        store.withLock { $0 }
    }

    // MARK: Batches

    /// Hands `delta` to the consumer with the current totals; merges it into the batch still waiting, if any.
    func publish(_ delta: StoreDelta, status: WatchStatus, notice: String?) {
        // Derived under the store's lock (the watcher's own), handed over under the consumer's.
        let batch = store.withLock { store in
            WatchBatch(delta: delta, summary: store.summary,
                       problems: delta.problemsChanged ? store.problems : nil,
                       otherEvents: delta.otherEventsChanged ? store.otherEvents : nil,
                       callEvents: delta.otherEventsChanged ? store.callEvents : nil,
                       status: status, notice: notice)
        }
        state.withLock { state in
            state.status = status
            state.notice = notice
            if state.unread == nil {
                state.unread = batch
            } else {
                state.unread!.merge(batch)
            }
            state.counters.batches += 1
            if !state.rung && !state.closed {
                state.rung = true
                doorbell.ring()
            }
        }
    }

    func takeBatch() -> WatchBatch? {
        state.withLock { state in
            if !state.closed { doorbell.drain() }
            state.rung = false
            defer { state.unread = nil }
            return state.unread
        }
    }

    var status: WatchStatus { state.withLock { $0.status } }

    /// Files read so far and in all while a listing is being read (the first scan, a rescan).
    var progress: (done: Int, total: Int)? { state.withLock { $0.progress } }

    func setProgress(_ progress: (done: Int, total: Int)?) {
        state.withLock { $0.progress = progress }
    }
    var notice: String? { state.withLock { $0.notice } }
    var counts: Counters { state.withLock { $0.counters } }
    var isClosed: Bool { state.withLock { $0.closed } }

    func count(_ update: (inout Counters) -> Void) {
        state.withLock { update(&$0.counters) }
    }

    // MARK: Requests

    func request(_ update: (inout Requests) -> Void) {
        state.withLock { state in
            update(&state.requests)
            if !state.closed { wake.ring() }
        }
    }

    /// Takes the requests: `rescan` is reset, `stop` and `paused` stay as set.
    func takeRequests() -> Requests {
        state.withLock { state in
            if !state.closed { wake.drain() }
            defer { state.requests.rescan = false }
            return state.requests
        }
    }

    /// Closes both pipes, once the watcher thread has ended.
    func close() {
        state.withLock { state in
            guard !state.closed else { return }
            state.closed = true
            doorbell.close()
            wake.close()
        }
    }
}

/// What changed since the consumer last took a batch: the merged store delta, the totals, the
/// problems and the other events when they changed, and the watcher's status.
public struct WatchBatch: Sendable {
    /// Recordings added, updated and removed since the previous batch, merged.
    public var delta: StoreDelta
    /// The store's totals after the changes.
    public var summary: StoreSummary
    /// Every problem in the store, in (file, line, column) order, when the list changed; `nil` when it did not.
    public var problems: [Problem]?
    /// Every non-recording event, oldest first, when the set changed; `nil` when it did not.
    public var otherEvents: [EventRef]?
    /// Every call event with its deliveries (`RecordingStore.callEvents`), when the other events
    /// changed; `nil` when they did not.
    public var callEvents: [(event: CallEvent, deliveries: [EventLocation])]?
    public var status: WatchStatus
    /// Something the user should know about how the directory is followed, such as a fall-back from
    /// kernel notifications to polling; `nil` when there is nothing to say.
    public var notice: String?

    public init(delta: StoreDelta, summary: StoreSummary, problems: [Problem]?, otherEvents: [EventRef]? = nil,
                callEvents: [(event: CallEvent, deliveries: [EventLocation])]? = nil,
                status: WatchStatus, notice: String?) {
        self.delta = delta
        self.summary = summary
        self.problems = problems
        self.otherEvents = otherEvents
        self.callEvents = callEvents
        self.status = status
        self.notice = notice
    }

    /// Folds a later batch into this one, as if both had been delivered at once.
    mutating func merge(_ later: WatchBatch) {
        delta.merge(later.delta)
        summary = later.summary
        if let problems = later.problems { self.problems = problems }
        if let otherEvents = later.otherEvents { self.otherEvents = otherEvents }
        if let callEvents = later.callEvents { self.callEvents = callEvents }
        status = later.status
        notice = later.notice
    }
}
