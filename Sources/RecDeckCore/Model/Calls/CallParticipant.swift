/// Someone in a call, from `CallParticipantAdded` / `CallParticipantRemoved`: when they joined and
/// left, possibly several times.
public struct CallParticipant: Sendable, Hashable {
    /// One stay in the call; either end may be unknown (a removal without its addition, or still in).
    public struct Stay: Sendable, Hashable {
        public var joined: Timestamp?
        public var left: Timestamp?

        public init(joined: Timestamp?, left: Timestamp?) {
            self.joined = joined
            self.left = left
        }
    }

    /// The participant's raw id (`data.user`), else its `participantId`.
    public var id: String
    public var displayName: String?
    /// Stays in time order.
    public var stays: [Stay]

    public init(id: String, displayName: String? = nil, stays: [Stay] = []) {
        self.id = id
        self.displayName = displayName
        self.stays = stays
    }
}
