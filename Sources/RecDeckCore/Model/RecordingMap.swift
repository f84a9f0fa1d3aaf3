/// Recordings by id: the store's table of recordings, and a delta's added and updated ones.
///
/// The recordings lie in one array, each found by its own `id` through a `SlotIndex`: 8 bytes a
/// recording and 8 bytes a bucket at a load of at most one half, where a `[PackedID: Recording]`
/// holds a 24-byte copy of the key beside each value at a load of at most three quarters (a
/// million recordings took 2,097,152 buckets of 32 bytes: 67 MB). The order is the order of
/// insertion until something is removed (the last recording moves into its place).
public struct RecordingMap: Sendable, Sequence, Equatable {
    /// The recordings, in no particular order.
    public private(set) var values: [Recording] = []
    private var index = SlotIndex()

    public init() {}

    /// The map of `recordings`, whose ids are distinct.
    init(_ recordings: [Recording]) {
        values = recordings
        index.reserveCapacity(recordings.count)
        for (position, recording) in recordings.enumerated() {
            precondition(self.position(of: recording.id) == nil, "distinct ids")
            index.insert(Self.tag(recording.id), slot: Int32(position))
        }
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }
    /// The ids, in the order of `values`.
    public var keys: LazyMapSequence<[Recording], PackedID> { values.lazy.map(\.id) }

    /// The recording with `id`; setting one (whose `id` must be `id`) adds or replaces it, nil removes it.
    public subscript(id: PackedID) -> Recording? {
        get { position(of: id).map { values[$0] } }
        set {
            if let newValue { updateValue(newValue, forKey: id) } else { removeValue(forKey: id) }
        }
    }

    /// Adds `recording` under `id` (its own), or replaces the one there; answers the one replaced.
    @discardableResult
    public mutating func updateValue(_ recording: Recording, forKey id: PackedID) -> Recording? {
        precondition(recording.id == id, "a recording is kept under its own id")
        if let position = position(of: id) {
            defer { values[position] = recording }
            return values[position]
        }
        index.insert(Self.tag(id), slot: Int32(values.count))
        values.append(recording)
        return nil
    }

    /// Removes the recording with `id`; answers it.
    @discardableResult
    public mutating func removeValue(forKey id: PackedID) -> Recording? {
        guard let position = position(of: id) else { return nil }
        let removed = values[position]
        index.remove(Self.tag(id), slot: Int32(position))
        let last = values.count - 1
        if position != last {
            index.replace(Self.tag(values[last].id), slot: Int32(last), with: Int32(position))
            values.swapAt(position, last)
        }
        values.removeLast()
        return removed
    }

    /// Changes the recording with `id` in place (its id must stay), if there is one; answers what `change` did.
    mutating func modify<T>(_ id: PackedID, _ change: (inout Recording) -> T) -> T? {
        guard let position = position(of: id) else { return nil }
        let result = change(&values[position])
        precondition(values[position].id == id, "a recording is kept under its own id")
        return result
    }

    /// Makes room for `capacity` recordings without growing.
    mutating func reserveCapacity(_ capacity: Int) {
        values.reserveCapacity(capacity)
        index.reserveCapacity(capacity)
    }

    public func makeIterator() -> some IteratorProtocol<(key: PackedID, value: Recording)> {
        values.lazy.map { (key: $0.id, value: $0) }.makeIterator()
    }

    /// Equal when both hold the same recordings, whatever their order.
    public static func == (lhs: RecordingMap, rhs: RecordingMap) -> Bool {
        lhs.count == rhs.count && lhs.values.allSatisfy { rhs[$0.id] == $0 }
    }

    private func position(of id: PackedID) -> Int? {
        index.find(Self.tag(id)) { values[Int($0)].id == id }.map(Int.init)
    }

    private static func tag(_ id: PackedID) -> UInt32 { SlotIndex.tag(id.hashValue) }
}
