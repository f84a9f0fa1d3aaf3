/// The calls a query and an order show: every call of a `CallTable` that matches, sorted. What
/// `recdeck calls` prints and what the dashboard's calls view shows (built there on a worker).
public struct CallListing: Sendable {
    /// Every call, matching or not.
    public var table: CallTable
    /// The calls that match, in order.
    public var calls: [Call]

    /// Filters `table` with `query` (nil: every call) and sorts with `sort`; `now` decides `age`
    /// and the clock-bound anomalies.
    public init(table: CallTable, query: RecordingQuery?, sort: CallSort, now: Timestamp) {
        self.table = table
        let matching = query.map { query in table.calls.values.filter { query.matches($0, now: now) } }
            ?? Array(table.calls.values)
        calls = sort.sorted(matching, now: now)
    }
}
