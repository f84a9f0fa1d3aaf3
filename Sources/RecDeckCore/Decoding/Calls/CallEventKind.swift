/// The event types that describe a call rather than a recording file, by their `eventType`/`type`.
public enum CallEventKind: String, Sendable, Hashable, CaseIterable {
    case callStarted = "Microsoft.Communication.CallStarted"
    case callEnded = "Microsoft.Communication.CallEnded"
    case participantAdded = "Microsoft.Communication.CallParticipantAdded"
    case participantRemoved = "Microsoft.Communication.CallParticipantRemoved"
    /// Call Automation's callback when recording starts (`active`) or stops (`inactive`).
    case recordingStateChanged = "Microsoft.Communication.RecordingStateChanged"
    /// Call Automation: the call connection was established.
    case callConnected = "Microsoft.Communication.CallConnected"
    /// Call Automation: the call connection ended.
    case callDisconnected = "Microsoft.Communication.CallDisconnected"

    /// Every type by its lower-cased name, and the older names of the same events: the calling
    /// server preview SDKs (2021–2022) named the recording state callback `CallRecordingStateChanged`,
    /// with the same `recordingId`, `state` and `startDateTime`.
    private static let byLowercasedType: [String: CallEventKind] =
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue.lowercased(), $0) })
            .merging(["microsoft.communication.callrecordingstatechanged": .recordingStateChanged]) { current, _ in current }

    /// The kind of an event type, compared ignoring case; nil for every other type.
    public init?(type: String) {
        if let exact = CallEventKind(rawValue: type) {
            self = exact
            return
        }
        guard type.utf8.count >= 30, let kind = Self.byLowercasedType[type.lowercased()] else { return nil }
        self = kind
    }
}
