import RecDeckCore

/// The rows of the all-events overlay: every event, recording or not, newest first (ties by
/// location), kept sorted in state and changed by the store's deltas, so that opening the overlay,
/// moving in it and drawing it never sort or format every event again.
///
/// Built once, on a second core during the first load. After that a batch of a few events costs a
/// binary search each; a larger one (a rescan, the other events replaced) one pass that drops the
/// rows leaving and merges the arriving ones, sorted, into the rest, never a search and an array
/// shift per row.
public struct EventList: Sendable, Equatable {
    /// One event and the recording it belongs to (`nil` for other events).
    ///
    /// A row of a recording's event holds the recording (one reference) and the event's position
    /// in it, not a copy of the event: sixteen bytes a row, where a copy took 144.
    public struct Row: Sendable, Equatable {
        private enum Source: Sendable {
            case recording(Recording, event: Int32)
            indirect case other(EventRef)
        }

        private let source: Source

        /// A row of the `index`th event of `recording`.
        init(_ recording: Recording, event index: Int) {
            source = .recording(recording, event: Int32(index))
        }

        /// A row of an event that is not a recording's.
        init(other event: EventRef) {
            source = .other(event)
        }

        public var event: EventRef {
            switch source {
            case .recording(let recording, let index): recording.event(at: Int(index))
            case .other(let event): event
            }
        }

        /// The recording the event belongs to; nil for another event.
        public var recordingId: PackedID? {
            if case .recording(let recording, _) = source { return recording.id }
            return nil
        }

        public static func == (lhs: Row, rhs: Row) -> Bool {
            lhs.recordingId == rhs.recordingId && lhs.event == rhs.event
        }
    }

    public private(set) var rows: [Row] = []

    /// Changes of up to this many rows are made in place, one binary search each.
    static let inPlaceLimit = 64

    public init(recordings: some Collection<Recording>, otherEvents: [EventRef]) {
        var rows: [Row] = []
        rows.reserveCapacity(recordings.reduce(otherEvents.count) { $0 + $1.eventCount })
        for event in otherEvents { rows.append(Row(other: event)) }
        for recording in recordings {
            for index in 0..<recording.eventCount { rows.append(Row(recording, event: index)) }
        }
        self.rows = Self.sorted(rows)
    }

    public var count: Int { rows.count }

    public subscript(index: Int) -> Row { rows[index] }

    /// The events of `leaving` recordings go, those of `arriving` ones come in, each at its place.
    mutating func replace(leaving: [Recording], arriving: [Recording]) {
        let gone = leaving.flatMap(Self.rows(of:)), new = arriving.flatMap(Self.rows(of:))
        if gone.count + new.count <= Self.inPlaceLimit {
            for row in gone { remove(row) }
            for row in new { insert(row) }
        } else {
            let ids = Set(leaving.map(\.id))
            rows.removeAll { $0.recordingId.map(ids.contains) ?? false }
            merge(Self.sorted(new))
        }
    }

    /// The other events (not of a recording) are now `events`.
    mutating func replaceOtherEvents(_ events: [EventRef]) {
        rows.removeAll { $0.recordingId == nil }
        merge(Self.sorted(events.map(Row.init(other:))))
    }

    private static func rows(of recording: Recording) -> [Row] {
        (0..<recording.eventCount).map { Row(recording, event: $0) }
    }

    /// `rows` in order, sorted by moving indexes, not rows (a row is large), on the time as an
    /// integer; the locations are compared only between events of the same time.
    private static func sorted(_ rows: [Row]) -> [Row] {
        let times = rows.map { $0.event.time?.nanoseconds ?? .min }
        var order = Array(rows.indices)
        order.sort { lhs, rhs in
            times[lhs] != times[rhs] ? times[lhs] > times[rhs] : rows[lhs].event.location < rows[rhs].event.location
        }
        return order.map { rows[$0] }
    }

    /// Merges `sorted` rows into `rows` in one pass.
    private mutating func merge(_ sorted: [Row]) {
        guard !sorted.isEmpty else { return }
        var merged: [Row] = []
        merged.reserveCapacity(rows.count + sorted.count)
        var old = 0, new = 0
        while old < rows.count || new < sorted.count {
            if new < sorted.count, old == rows.count || Self.precedes(sorted[new], rows[old]) {
                merged.append(sorted[new])
                new += 1
            } else {
                merged.append(rows[old])
                old += 1
            }
        }
        rows = merged
    }

    private mutating func insert(_ row: Row) {
        rows.insert(row, at: firstIndex(notPreceding: row))
    }

    private mutating func remove(_ row: Row) {
        var index = firstIndex(notPreceding: row)
        while index < rows.count, !Self.precedes(row, rows[index]) {
            if rows[index] == row {
                rows.remove(at: index)
                return
            }
            index += 1
        }
    }

    /// The first index whose row does not come before `row` (binary search).
    private func firstIndex(notPreceding row: Row) -> Int {
        var low = 0, high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(rows[middle], row) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Newest first; events without a time last; ties by location.
    static func precedes(_ lhs: Row, _ rhs: Row) -> Bool {
        let left = lhs.event.time?.nanoseconds ?? .min, right = rhs.event.time?.nanoseconds ?? .min
        return left != right ? left > right : lhs.event.location < rhs.event.location
    }
}
