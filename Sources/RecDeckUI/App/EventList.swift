import RecDeckCore

/// The rows of the all-events overlay: every event, recording or not, newest first (ties by
/// location), kept sorted in state and changed by the store's deltas, so that opening the overlay,
/// moving in it and drawing it never sort or format every event again.
///
/// Built once, on a second core during the first load; after that a batch of a few recordings
/// costs a few binary searches. A batch larger than `rebuildThreshold` rows builds the list again.
public struct EventList: Sendable, Equatable {
    /// One event and the recording it belongs to (`nil` for other events).
    public struct Row: Sendable, Equatable {
        public var event: EventRef
        public var recordingId: String?
    }

    public private(set) var rows: [Row] = []

    /// Changes larger than this many rows build the list again instead of editing it.
    static let rebuildThreshold = 4096

    public init(recordings: some Collection<Recording>, otherEvents: [EventRef]) {
        rows.reserveCapacity(otherEvents.count + recordings.count)
        for event in otherEvents { rows.append(Row(event: event, recordingId: nil)) }
        for recording in recordings {
            for event in recording.events { rows.append(Row(event: event, recordingId: recording.id)) }
        }
        sortRows()
    }

    /// Sorts `rows` by moving indexes, not rows (a row is large), on the time as an integer; the
    /// locations are compared only between events of the same time.
    private mutating func sortRows() {
        let rows = rows
        let times = rows.map { $0.event.time?.nanoseconds ?? .min }
        var order = Array(rows.indices)
        order.sort { lhs, rhs in
            times[lhs] != times[rhs] ? times[lhs] > times[rhs] : rows[lhs].event.location < rows[rhs].event.location
        }
        self.rows = order.map { rows[$0] }
    }

    public var count: Int { rows.count }

    public subscript(index: Int) -> Row { rows[index] }

    /// Whether changing `rows` rows is cheaper done in place than by building the list again.
    static func editsInPlace(_ rows: Int) -> Bool { rows <= rebuildThreshold }

    /// The events of `leaving` recordings go, those of `arriving` ones come in, each at its place.
    mutating func replace(leaving: [Recording], arriving: [Recording]) {
        for recording in leaving {
            for event in recording.events { remove(Row(event: event, recordingId: recording.id)) }
        }
        for recording in arriving {
            for event in recording.events { insert(Row(event: event, recordingId: recording.id)) }
        }
    }

    /// The other events (not of a recording) are now `events`.
    mutating func replaceOtherEvents(_ events: [EventRef]) {
        rows.removeAll { $0.recordingId == nil }
        if Self.editsInPlace(events.count) {
            for event in events { insert(Row(event: event, recordingId: nil)) }
        } else {
            rows.append(contentsOf: events.map { Row(event: $0, recordingId: nil) })
            sortRows()
        }
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
