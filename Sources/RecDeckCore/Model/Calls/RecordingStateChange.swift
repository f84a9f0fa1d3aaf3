/// One `RecordingStateChanged` callback of a call: a recording went `active` or `inactive`.
public struct RecordingStateChange: Sendable, Hashable {
    /// `data.startDateTime`, else the event time.
    public var time: Timestamp?
    public var recordingId: String?
    /// `data.state` as written (`active`, `inactive`, or a value recdeck does not know).
    public var state: String

    public init(time: Timestamp?, recordingId: String?, state: String) {
        self.time = time
        self.recordingId = recordingId
        self.state = state
    }

    /// Whether the state is `active` (any case).
    public var isActive: Bool { state.lowercased() == "active" }
}

/// A stretch during which a recording was `active`, from its state changes; `end` is nil when no
/// `inactive` followed.
public struct RecordingActiveInterval: Sendable, Hashable {
    public var recordingId: String?
    public var start: Timestamp?
    public var end: Timestamp?

    public init(recordingId: String?, start: Timestamp?, end: Timestamp?) {
        self.recordingId = recordingId
        self.start = start
        self.end = end
    }
}
