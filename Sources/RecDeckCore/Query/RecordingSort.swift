/// An order for recordings: a field and a direction, as given to `--sort FIELD[:asc|desc]`.
///
/// Recordings missing the field's value come last in either direction; equal values are ordered
/// by `id`, ascending, so the order is total and stable across runs. Text compares ignoring case.
public struct RecordingSort: Sendable, Hashable, CustomStringConvertible {
    /// What to sort by.
    public var field: SortField
    /// Smallest, oldest or A first when true; missing values are last either way.
    public var ascending: Bool

    /// Newest start first: the order `list` and the dashboard use unless told otherwise.
    public init() {
        self.init(field: .start, ascending: false)
    }

    /// Sorts by `field`, in its default direction unless `ascending` says otherwise.
    public init(field: SortField, ascending: Bool? = nil) {
        self.field = field
        self.ascending = ascending ?? field.defaultAscending
    }

    /// Parses `FIELD`, `FIELD:asc` or `FIELD:desc` (any case, surrounding spaces ignored).
    public init(parsing text: String) throws(QueryError) {
        let (field, ascending): (SortField, Bool?) = try SortText.parse(text)
        self.init(field: field, ascending: ascending)
    }

    /// `start:desc`: the form `--sort` takes.
    public var description: String { "\(field.rawValue):\(ascending ? "asc" : "desc")" }

    /// `recordings` in this order; `now` decides `age`.
    public func sorted(_ recordings: [Recording], now: Timestamp) -> [Recording] {
        RecordingSortKeys(sorting: recordings, by: self, now: now).order.map { recordings[$0] }
    }

    /// The positions of `recordings` in this order, sorted on keys computed once per recording;
    /// `idRanks[i]`, when given, is the place of `recordings[i]` among their ids in ascending
    /// order, so that ties never read an id (a list that keeps its recordings in id order knows them).
    public func order(of recordings: [Recording], idRanks: [UInt32]? = nil, now: Timestamp) -> [Int] {
        RecordingSortKeys(sorting: recordings, by: self, now: now, idRanks: idRanks).order
    }

    /// The positions of `recordings` in the order of their ids (the order of every sort's ties).
    public static func idOrder(of recordings: [Recording]) -> [Int] {
        RecordingSortKeys(idOrderOf: recordings).order
    }

    /// Whether `lhs` comes before `rhs` in this order (distinct ids), as `sorted(_:now:)` places them:
    /// for keeping a sorted list up to date one recording at a time.
    public func precedes(_ lhs: Recording, _ rhs: Recording, now: Timestamp) -> Bool {
        if field.isText {
            switch (textKey(lhs), textKey(rhs)) {
            case let (a?, b?):
                let result = compareIgnoringCase(a, b)
                if result != 0 { return ascending ? result < 0 : result > 0 }
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): break
            }
        } else {
            switch (numberKey(lhs, now: now), numberKey(rhs, now: now)) {
            case let (a?, b?):
                if a != b { return ascending ? a < b : a > b }
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): break
            }
        }
        return lhs.id < rhs.id
    }

    /// Whether the order depends on the clock (`age`), so a list sorted earlier may be out of order now.
    public var dependsOnClock: Bool { field.facet.dependsOnClock }

    /// The text sorted by, for text fields.
    func textKey(_ recording: Recording) -> String? {
        guard case .text(let key) = field.facet.key else { return nil }
        return key(recording)
    }

    /// The number sorted by, for the other fields.
    func numberKey(_ recording: Recording, now: Timestamp) -> Int64? {
        guard case .number(let key) = field.facet.key else { return nil }
        return key(recording, now)
    }
}
