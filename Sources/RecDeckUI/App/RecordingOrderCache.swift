import RecDeckCore

/// The recording list's orders sorted before (by sort), kept so that coming back to one is not a
/// sort of every recording, and the log of slots whose recordings changed or came since: an
/// order kept at log position `at` is made current by taking those slots out and merging them
/// back in where they now belong (`RecordingList` does that, the cache only remembers).
///
/// Nothing is done to a kept order while it is not shown: each delta only appends its slots to
/// the log. Removals renumber slots, so they empty the cache (`reset`) and start a new generation:
/// an order sorted on a worker for an older generation does not fit.
struct RecordingOrderCache: Sendable {
    private var orders: [RecordingSort: (slots: [Int32], at: Int)] = [:]
    /// Slots changed or added, oldest first; `log[0]` is at position `logStart`.
    private var log: [Int32] = []
    private var logStart = 0
    /// Counts the `reset`s.
    private(set) var generation = 0
    /// The log is cut in half past this length (orders older than what is left are dropped).
    let logLimit = 200_000

    /// The position an order sorted now is at.
    var position: Int { logStart + log.count }

    /// The orders kept, for tests.
    var sorts: Set<RecordingSort> { Set(orders.keys) }

    /// Notes the slots whose recordings a delta changed or brought.
    mutating func record(_ slots: [Int32]) {
        log += slots
        guard log.count > logLimit else { return }
        let cut = log.count / 2
        log.removeFirst(cut)
        logStart += cut
        orders = orders.filter { $0.value.at >= logStart }
    }

    /// Keeps `slots`, an order by `sort` of the recordings as they were at log position `at`.
    mutating func keep(_ slots: [Int32], by sort: RecordingSort, at: Int) {
        guard !sort.dependsOnClock, at >= logStart else { return }
        orders[sort] = (slots, at)
    }

    /// Forgets the order kept for `sort` (it is shown, and kept again when another replaces it).
    mutating func forget(_ sort: RecordingSort) {
        orders[sort] = nil
    }

    /// The order kept for `sort`, and the distinct slots changed or added since it was sorted
    /// (in no particular order), unless there are more than `limit` of them.
    func order(by sort: RecordingSort, changesUpTo limit: Int) -> (slots: [Int32], changed: [Int32])? {
        guard let kept = orders[sort], let changed = changes(since: kept.at, upTo: limit) else { return nil }
        return (kept.slots, changed)
    }

    /// The distinct slots changed or added since log position `at`, unless there are more than
    /// `limit` of them or the log no longer reaches back that far.
    func changes(since at: Int, upTo limit: Int) -> [Int32]? {
        guard at >= logStart, at <= position else { return nil }
        var seen = Set<Int32>()
        let distinct = log[(at - logStart)...].filter { seen.insert($0).inserted }
        return distinct.count <= limit ? distinct : nil
    }

    /// Forgets every order and the log (slots were renumbered).
    mutating func reset() {
        orders.removeAll()
        logStart = position
        log.removeAll()
        generation += 1
    }
}
