import RecDeckCore

/// Work for a worker: list the calls of the dashboard's recordings and call events for a query
/// and an order (`Effect.listCalls`); the answer is `Msg.callsListed`. The recordings are the
/// state's own copy-on-write array, so handing them over copies nothing.
public struct CallsRequest: Sendable, Equatable {
    /// What a listing is for: the data's version, the query and the order.
    public struct Key: Sendable, Equatable {
        public var dataVersion: Int
        public var query: RecordingQuery
        public var sort: CallSort
    }

    public let key: Key
    /// The table built at `key.dataVersion` already, when there is one (only filtering and sorting are left).
    let table: CallTable?
    let recordings: [Recording]
    let callEvents: [(event: CallEvent, deliveries: [EventLocation])]
    let now: Timestamp

    /// Joins (unless the table is given), filters and sorts: the worker's part.
    public func run() -> Msg {
        let table = table ?? CallTable(recordings: recordings, callEvents: callEvents)
        let listing = CallListing(table: table, query: key.query.isEmpty ? nil : key.query, sort: key.sort, now: now)
        return .callsListed(CallsAnswer(key: key, listing: listing))
    }

    /// Requests are told apart by what they are for.
    public static func == (lhs: CallsRequest, rhs: CallsRequest) -> Bool { lhs.key == rhs.key }
}

/// A worker's answer to a `CallsRequest`: the listing, and what it was made for.
public struct CallsAnswer: Sendable {
    public var key: CallsRequest.Key
    public var listing: CallListing
}
