import RecDeckCore

/// Work for a worker: every recording of the list in a new order, when there are too many to
/// sort between two keys and the order was not sorted before (`Effect.sortRecordings`); the
/// answer is `Msg.recordingsSorted`. The recordings are the list's own copy-on-write array, so
/// handing them over copies nothing.
public struct RecordingSortRequest: Sendable, Equatable {
    /// The list's generation of slots and the position in its change log the recordings are at.
    let generation: Int
    let at: Int
    public let sort: RecordingSort
    let all: [Recording]
    /// Each slot's place in id order, when the list knows it (ties then read no id); when it
    /// does not, the worker puts the ids in order first and hands them back for the later sorts.
    let idRanks: [UInt32]?
    let now: Timestamp

    /// Sorts the recordings: the worker's part.
    public func run() -> Msg {
        let ids = idRanks == nil ? RecordingList.idOrder(of: all) : nil
        return .recordingsSorted(RecordingSortAnswer(generation: generation, at: at, sort: sort,
                                                     slots: RecordingList.order(of: all, by: sort, idRanks: idRanks ?? ids?.ranks, now: now),
                                                     byId: ids?.order))
    }

    /// Requests are told apart by what they are for.
    public static func == (lhs: RecordingSortRequest, rhs: RecordingSortRequest) -> Bool {
        lhs.generation == rhs.generation && lhs.at == rhs.at && lhs.sort == rhs.sort
    }
}

/// A worker's answer to a `RecordingSortRequest`: the slots in order, and what they were sorted for.
public struct RecordingSortAnswer: Sendable {
    let generation: Int
    let at: Int
    let sort: RecordingSort
    let slots: [Int32]
    /// Every slot in id order, when the worker had to put them in order.
    let byId: [Int32]?
}
