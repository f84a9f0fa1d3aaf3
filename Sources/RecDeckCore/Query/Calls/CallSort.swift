/// An order for calls, as given to `recdeck calls --sort FIELD[:asc|desc]`: the same rules as
/// `RecordingSort` (missing values last either way, ties by call id, text ignoring case).
public struct CallSort: Sendable, Hashable, CustomStringConvertible {
    /// What calls can be sorted by; the raw value is what users type.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case start, end, duration, recorded, coverage, participants, recordings, events, age, call, anomalies

        /// Newest, longest and largest first, youngest first for `age`, A to Z for `call`.
        public var defaultAscending: Bool { self == .age || self == .call }
    }

    public var field: Field
    public var ascending: Bool

    /// Newest start first: the order `calls` and the calls view use unless told otherwise.
    public init() {
        self.init(field: .start)
    }

    public init(field: Field, ascending: Bool? = nil) {
        self.field = field
        self.ascending = ascending ?? field.defaultAscending
    }

    /// Parses `FIELD`, `FIELD:asc` or `FIELD:desc` (any case, surrounding spaces ignored).
    public init(parsing text: String) throws(QueryError) {
        let (field, ascending): (Field, Bool?) = try SortText.parse(text, rows: "calls")
        self.init(field: field, ascending: ascending)
    }

    public var description: String { "\(field.rawValue):\(ascending ? "asc" : "desc")" }

    /// `calls` in this order; `now` decides `age` and the clock-bound anomalies.
    public func sorted(_ calls: [Call], now: Timestamp) -> [Call] {
        if field == .call {
            let keys = calls.map { $0.id.lowercased() }
            return calls.indices.sorted { a, b in
                keys[a] != keys[b] ? (ascending ? keys[a] < keys[b] : keys[a] > keys[b]) : calls[a].id < calls[b].id
            }.map { calls[$0] }
        }
        let keys = calls.map { number($0, now: now) }
        return calls.indices.sorted { a, b in
            switch (keys[a], keys[b]) {
            case let (x?, y?) where x != y: return ascending ? x < y : x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return calls[a].id < calls[b].id
            }
        }.map { calls[$0] }
    }

    private func number(_ call: Call, now: Timestamp) -> Int64? {
        switch field {
        case .start: call.startTime?.nanoseconds
        case .end: call.endTime?.nanoseconds
        case .duration: call.durationMs
        case .recorded: call.recordedMs
        case .coverage: call.coverage.map { Int64(($0 * 1_000_000).rounded()) }
        case .participants: Int64(call.participants.count)
        case .recordings: Int64(call.recordings.count)
        case .events: Int64(call.eventCount)
        case .age: (call.lastEventTime ?? call.startTime).map { now.nanoseconds(since: $0) }
        case .anomalies: Int64(call.anomalies(now: now).count)
        case .call: nil
        }
    }
}
