/// Recordings by id: the store's table of recordings, and a delta's added and updated ones.
///
/// A `SlotTable` of the recordings, each found by its own `id`: no copy of the id beside it, and
/// 8 bytes a recording for the index where a `[PackedID: Recording]` took 32 bytes a bucket. The
/// order is the order of insertion until something is removed.
public struct RecordingMap: Sendable, Sequence, Equatable {
    private var table = SlotTable<Recording>()

    public init() {}

    /// The map of `recordings`, whose ids are distinct.
    init(_ recordings: [Recording]) {
        table = SlotTable(recordings)
    }

    /// The recordings, in no particular order.
    public var values: [Recording] { table.elements }
    public var count: Int { table.count }
    public var isEmpty: Bool { table.isEmpty }
    /// The ids, in the order of `values`.
    public var keys: LazyMapSequence<[Recording], PackedID> { values.lazy.map(\.id) }

    /// The recording with `id`; setting one (whose `id` must be `id`) adds or replaces it, nil removes it.
    public subscript(id: PackedID) -> Recording? {
        get { table[id] }
        set {
            if let newValue { updateValue(newValue, forKey: id) } else { removeValue(forKey: id) }
        }
    }

    /// Adds `recording` under `id` (its own), or replaces the one there; answers the one replaced.
    @discardableResult
    public mutating func updateValue(_ recording: Recording, forKey id: PackedID) -> Recording? {
        precondition(recording.id == id, "a recording is kept under its own id")
        return table.update(recording)
    }

    /// Removes the recording with `id`; answers it.
    @discardableResult
    public mutating func removeValue(forKey id: PackedID) -> Recording? {
        table.remove(id)
    }

    /// Changes the recording with `id` in place (its id must stay), if there is one; answers what `change` did.
    mutating func modify<T>(_ id: PackedID, _ change: (inout Recording) -> T) -> T? {
        table.modify(id, change)
    }

    /// Makes room for `capacity` recordings without growing.
    mutating func reserveCapacity(_ capacity: Int) {
        table.reserveCapacity(capacity)
    }

    public func makeIterator() -> some IteratorProtocol<(key: PackedID, value: Recording)> {
        values.lazy.map { (key: $0.id, value: $0) }.makeIterator()
    }

    /// Equal when both hold the same recordings, whatever their order.
    public static func == (lhs: RecordingMap, rhs: RecordingMap) -> Bool {
        lhs.count == rhs.count && lhs.values.allSatisfy { rhs[$0.id] == $0 }
    }
}

extension Recording: SlotKeyed {
    var slotKey: PackedID { id }
}
