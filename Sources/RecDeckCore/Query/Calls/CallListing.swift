/// The calls a query and an order show: every call of a `CallTable` that matches, sorted. What
/// `recdeck calls` prints and what the dashboard's calls view shows (built there on a worker).
public struct CallListing: Sendable {
    /// Every call, matching or not.
    public var table: CallTable
    /// The calls that match, in order.
    public var calls: [Call]

    /// Filters `table` with `query` (nil: every call; on all cores) and sorts with `sort`; `now`
    /// decides `age` and the clock-bound anomalies.
    public init(table: CallTable, query: RecordingQuery?, sort: CallSort, now: Timestamp) {
        self.table = table
        let all = Array(table.calls.values)
        let matching = query.map { query in Parallel.filter(all) { { query.matches($0, now: now) } } } ?? all
        calls = sort.sorted(matching, now: now)
    }
}
