/// One event about a call (`CallStarted`, `CallEnded`, `CallParticipantAdded`/`Removed`, Call
/// Automation's `RecordingStateChanged`, `CallConnected`, `CallDisconnected`), with the `data`
/// fields the call model reads. Every field may be missing.
public struct CallEvent: Sendable, Hashable {
    public var envelope: EventEnvelope
    public var kind: CallEventKind
    /// `data.correlationId`: the call id (the `call/{id}` of a recording's subject).
    public var correlationId: String?
    /// `data.serverCallId`, else the id after `call/` in the subject (`call/{serverCallId}/…`).
    public var serverCallId: String?
    /// `data.callConnectionId` (Call Automation).
    public var callConnectionId: String?
    /// The raw id of `data.startedBy` (flat `rawId` or nested under `communicationIdentifier`).
    public var startedBy: String?
    /// The raw id of `data.endedBy`.
    public var endedBy: String?
    /// The participant added or removed: the raw id of `data.user`.
    public var participant: String?
    /// `data.participantId`: one join of a participant (a user can join twice).
    public var participantId: String?
    /// `data.displayName`.
    public var displayName: String?
    /// `data.durationOfCall` or `data.callDurationInSeconds`, in milliseconds.
    public var durationMs: Int64?
    /// `data.reason` of a `CallEnded`.
    public var reason: CallEndReason?
    /// `data.recordingId` of a `RecordingStateChanged`.
    public var recordingId: String?
    /// `data.state` of a `RecordingStateChanged` (`active`, `inactive`; others kept).
    public var recordingState: String?
    /// `data.startDateTime` of a `RecordingStateChanged`.
    public var stateStartTime: Timestamp?

    public init(envelope: EventEnvelope, kind: CallEventKind, correlationId: String? = nil, serverCallId: String? = nil,
                callConnectionId: String? = nil, startedBy: String? = nil, endedBy: String? = nil,
                participant: String? = nil, participantId: String? = nil, displayName: String? = nil,
                durationMs: Int64? = nil, reason: CallEndReason? = nil, recordingId: String? = nil,
                recordingState: String? = nil, stateStartTime: Timestamp? = nil) {
        self.envelope = envelope
        self.kind = kind
        self.correlationId = correlationId
        self.serverCallId = serverCallId
        self.callConnectionId = callConnectionId
        self.startedBy = startedBy
        self.endedBy = endedBy
        self.participant = participant
        self.participantId = participantId
        self.displayName = displayName
        self.durationMs = durationMs
        self.reason = reason
        self.recordingId = recordingId
        self.recordingState = recordingState
        self.stateStartTime = stateStartTime
    }

    /// When the event says its state began: a state change's `startDateTime`, else the event time.
    public var effectiveTime: Timestamp? {
        kind == .recordingStateChanged ? (stateStartTime ?? envelope.time) : envelope.time
    }
}

/// `data.reason` of a `CallEnded`: `{code, subCode, phrase}`.
public struct CallEndReason: Sendable, Hashable {
    public var code: Int64?
    public var subCode: Int64?
    public var phrase: String?

    public init(code: Int64? = nil, subCode: Int64? = nil, phrase: String? = nil) {
        self.code = code
        self.subCode = subCode
        self.phrase = phrase
    }

    /// The phrase, else `code 1/subCode 1`, for tables and the `endReason` of `calls`.
    public var text: String {
        if let phrase, !phrase.isEmpty { return phrase }
        var parts: [String] = []
        if let code { parts.append("code \(code)") }
        if let subCode { parts.append("subCode \(subCode)") }
        return parts.joined(separator: "/")
    }
}
