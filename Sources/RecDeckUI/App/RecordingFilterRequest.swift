import RecDeckCore

/// Work for a worker: the rows of the recording list that a query lets through, when there are
/// too many to examine between two keys (`Effect.filterRecordings`); the answer is
/// `Msg.recordingsFiltered`. The recordings and rows are the list's own copy-on-write arrays, so
/// handing them over copies nothing.
public struct RecordingFilterRequest: Sendable, Equatable {
    /// The version of the list the rows are slots of, and of its order.
    let version: Int
    let orderVersion: Int
    public let query: RecordingQuery
    let rows: [Int32]
    let all: [Recording]
    let now: Timestamp

    /// Filters the rows (on all cores): the worker's part.
    public func run() -> Msg {
        .recordingsFiltered(RecordingFilterAnswer(version: version, orderVersion: orderVersion, query: query,
                                                  rows: RecordingList.filter(rows, all, query, now: now)))
    }

    /// Requests are told apart by what they are for.
    public static func == (lhs: RecordingFilterRequest, rhs: RecordingFilterRequest) -> Bool {
        lhs.version == rhs.version && lhs.query == rhs.query
    }
}

/// A worker's answer to a `RecordingFilterRequest`: the rows, and what they were filtered for.
public struct RecordingFilterAnswer: Sendable {
    let version: Int
    let orderVersion: Int
    let query: RecordingQuery
    let rows: [Int32]
}
