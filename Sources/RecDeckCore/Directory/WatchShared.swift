/// The state a `DirectoryWatcher`'s thread shares with its consumer, all behind one lock: the store,
/// the batch waiting to be taken, the status, and the consumer's requests (stop, pause, rescan).
///
/// The watcher thread is the only writer of the store; the consumer reads it through `snapshot()`
/// (a copy-on-write copy, so it costs nothing until the watcher next changes the store).
final class WatchShared: @unchecked Sendable {
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

    private let lock = WatchLock()
    private var store = RecordingStore()
    private var unread: WatchBatch?
    private var rung = false
    private var closed = false
    private var currentStatus: WatchStatus = .scanning
    private var currentNotice: String?
    private var currentProgress: (done: Int, total: Int)?
    private var requests = Requests()
    private var counters = Counters()

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
        lock.withLock { store.apply(contents, to: file) }
    }

    /// Applies many files at once (`RecordingStore.apply(_:)`). Into an empty store (the first
    /// scan) the new store is built outside the lock, so the consumer is never held up by it.
    func apply(_ batch: [(file: String, contents: FileContents)]) -> StoreDelta {
        guard !batch.isEmpty else { return StoreDelta() }
        // The watcher thread is the only writer: the store cannot fill up in between.
        if lock.withLock({ store.summary.files == 0 }) {
            var fresh = RecordingStore()
            let delta = fresh.apply(batch)
            lock.withLock { store = fresh }
            return delta
        }
        return lock.withLock { store.apply(batch) }
    }

    func remove(file: String) -> StoreDelta {
        lock.withLock { store.remove(file: file) }
    }

    /// Empties the store; the delta removes every recording.
    func removeEverything() -> StoreDelta {
        lock.withLock {
            var delta = StoreDelta()
            delta.removed = Set(store.recordings.keys)
            delta.problemsChanged = store.summary.problems > 0
            delta.otherEventsChanged = store.summary.otherEvents > 0
            store = RecordingStore()
            return delta
        }
    }

    func snapshot() -> RecordingStore {
        lock.withLock { store }
    }

    // MARK: Batches

    /// Hands `delta` to the consumer with the current totals; merges it into the batch still waiting, if any.
    func publish(_ delta: StoreDelta, status: WatchStatus, notice: String?) {
        lock.withLock {
            let batch = WatchBatch(delta: delta, summary: store.summary,
                                   problems: delta.problemsChanged ? store.problems : nil,
                                   otherEvents: delta.otherEventsChanged ? store.otherEvents : nil,
                                   callEvents: delta.otherEventsChanged ? store.callEvents : nil,
                                   status: status, notice: notice)
            currentStatus = status
            currentNotice = notice
            if unread == nil {
                unread = batch
            } else {
                unread!.merge(batch)
            }
            counters.batches += 1
            if !rung && !closed {
                rung = true
                doorbell.ring()
            }
        }
    }

    func takeBatch() -> WatchBatch? {
        lock.withLock {
            if !closed { doorbell.drain() }
            rung = false
            defer { unread = nil }
            return unread
        }
    }

    var status: WatchStatus { lock.withLock { currentStatus } }

    /// Files read so far and in all while a listing is being read (the first scan, a rescan).
    var progress: (done: Int, total: Int)? { lock.withLock { currentProgress } }

    func setProgress(_ progress: (done: Int, total: Int)?) {
        lock.withLock { currentProgress = progress }
    }
    var notice: String? { lock.withLock { currentNotice } }
    var counts: Counters { lock.withLock { counters } }
    var isClosed: Bool { lock.withLock { closed } }

    func count(_ update: (inout Counters) -> Void) {
        lock.withLock { update(&counters) }
    }

    // MARK: Requests

    func request(_ update: (inout Requests) -> Void) {
        lock.withLock {
            update(&requests)
            if !closed { wake.ring() }
        }
    }

    /// Takes the requests: `rescan` is reset, `stop` and `paused` stay as set.
    func takeRequests() -> Requests {
        lock.withLock {
            if !closed { wake.drain() }
            defer { requests.rescan = false }
            return requests
        }
    }

    /// Closes both pipes, once the watcher thread has ended.
    func close() {
        lock.withLock {
            guard !closed else { return }
            closed = true
            doorbell.close()
            wake.close()
        }
    }
}
