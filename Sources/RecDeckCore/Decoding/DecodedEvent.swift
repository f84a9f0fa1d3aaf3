/// Which envelope an event came in.
public enum EventSchema: String, Sendable, Hashable {
    case eventGrid
    case cloudEvents
}

/// The envelope fields every event has, whatever its type.
public struct EventEnvelope: Sendable, Hashable {
    public var key: EventKey
    public var schema: EventSchema
    /// `eventTime` (Event Grid) or `time` (CloudEvents).
    public var time: Timestamp?
    public var subject: String?
    /// Where this delivery's bytes are.
    public var location: EventLocation
    /// Event Grid's `aeg-delivery-count` for the request that brought this delivery, when
    /// `recdeck serve` kept it in the file's `.headers` sidecar (`ReceivedFileName`).
    public var deliveryCount: Int?
    /// What Event Grid added when it dead-lettered the event; nil for an event delivered as usual.
    public var deadLetter: DeadLetter? {
        get { storedDeadLetter?.value }
        set { storedDeadLetter = newValue.map(OutOfLine.init) }
    }
    private var storedDeadLetter: OutOfLine<DeadLetter>?
    /// The fingerprint that tells a redelivery from a conflicting one (`RedeliveryRule`).
    public var body: EventBody

    public init(key: EventKey, schema: EventSchema, time: Timestamp?, subject: String?, location: EventLocation,
                deliveryCount: Int? = nil, deadLetter: DeadLetter? = nil, body: EventBody = EventBody()) {
        self.key = key
        self.schema = schema
        self.time = time
        self.subject = subject
        self.location = location
        self.deliveryCount = deliveryCount
        self.storedDeadLetter = deadLetter.map(OutOfLine.init)
        self.body = body
    }
}

/// One `Microsoft.Communication.RecordingFileStatusUpdated` event, with every `data` field it had.
public struct RecordingEvent: Sendable, Hashable {
    public var envelope: EventEnvelope
    /// The ids from the subject.
    public var subjectIds: RecordingSubject
    /// `data.recordingId` (bring-your-own-storage preview).
    public var dataRecordingId: String? {
        get { packedDataRecordingId?.text }
        set { packedDataRecordingId = newValue.map { PackedID($0) } }
    }
    public var packedDataRecordingId: PackedID?
    public var startTime: Timestamp?
    public var durationMs: Int64?
    /// The open-enum texts, coded (`RecordingEventTexts`).
    private var texts = RecordingEventTexts()
    public var storageType: String? {
        get { texts[.storageType] }
        set { texts[.storageType] = newValue }
    }
    public var sessionEndReason: String? {
        get { texts[.sessionEndReason] }
        set { texts[.sessionEndReason] = newValue }
    }
    public var contentType: String? {
        get { texts[.contentType] }
        set { texts[.contentType] = newValue }
    }
    public var channelType: String? {
        get { texts[.channelType] }
        set { texts[.channelType] = newValue }
    }
    public var formatType: String? {
        get { texts[.formatType] }
        set { texts[.formatType] = newValue }
    }
    /// Chunks in the order the event listed them.
    public var chunks: [Chunk]

    public init(envelope: EventEnvelope, subjectIds: RecordingSubject = RecordingSubject(), dataRecordingId: String? = nil,
                storageType: String? = nil, startTime: Timestamp? = nil, durationMs: Int64? = nil,
                sessionEndReason: String? = nil, contentType: String? = nil, channelType: String? = nil,
                formatType: String? = nil, chunks: [Chunk] = []) {
        self.envelope = envelope
        self.subjectIds = subjectIds
        self.packedDataRecordingId = dataRecordingId.map { PackedID($0) }
        self.startTime = startTime
        self.durationMs = durationMs
        self.chunks = chunks
        self.storageType = storageType
        self.sessionEndReason = sessionEndReason
        self.contentType = contentType
        self.channelType = channelType
        self.formatType = formatType
    }

    /// The key of the recording this event belongs to: the subject's `recordingId`, then
    /// `data.recordingId`, then the call id with the first chunk's documentId, then the event id.
    public var recordingKey: PackedID {
        if let id = subjectIds.packedRecordingId { return id }
        if let id = packedDataRecordingId, !id.isEmpty { return id }
        let firstDocument = chunks.min { ($0.index ?? .max) < ($1.index ?? .max) }?.documentId
        if let call = subjectIds.callId, let document = firstDocument { return PackedID("\(call)/\(document)") }
        return envelope.key.packedId
    }
}

/// An event read from a file: a recording event, an event about a call (for the call model), or
/// any other type (kept for the all-events view). Call events count as other events too.
public indirect enum DecodedEvent: Sendable, Hashable {
    case recording(RecordingEvent)
    case call(CallEvent)
    case other(EventEnvelope)

    /// The envelope's key, read without copying the rest of the event (the store's hot paths).
    public var key: EventKey {
        switch self {
        case .recording(let event): event.envelope.key
        case .call(let event): event.envelope.key
        case .other(let envelope): envelope.key
        }
    }

    /// The envelope's location, read without copying the rest of the event.
    public var location: EventLocation {
        switch self {
        case .recording(let event): event.envelope.location
        case .call(let event): event.envelope.location
        case .other(let envelope): envelope.location
        }
    }

    /// The recording event this is; only for `.recording` (a recording keeps nothing else).
    var recordingEvent: RecordingEvent {
        guard case .recording(let event) = self else { preconditionFailure("not a recording event") }
        return event
    }

    /// The recording's key (`RecordingEvent.recordingKey`) for a recording event, nil for any other.
    var recordingKey: PackedID? {
        if case .recording(let event) = self { return event.recordingKey }
        return nil
    }

    public var envelope: EventEnvelope {
        get {
            switch self {
            case .recording(let event): event.envelope
            case .call(let event): event.envelope
            case .other(let envelope): envelope
            }
        }
        set {
            switch self {
            case .recording(var event):
                event.envelope = newValue
                self = .recording(event)
            case .call(var event):
                event.envelope = newValue
                self = .call(event)
            case .other:
                self = .other(newValue)
            }
        }
    }
}

/// Everything one file yielded: its events in file order and its problems.
public struct FileContents: Sendable, Hashable {
    public var events: [DecodedEvent]
    public var problems: [Problem]
    /// The chunk metadata documents saved among the events (not events, not problems).
    public var metadata: [ChunkMetadata] = []
    /// Timestamps written without a zone (`2018-10-12T15:14:11.3028183`), read as UTC: not problems,
    /// counted for the one note in `check`'s summary.
    public var zonelessTimes: Int

    public init(events: [DecodedEvent] = [], problems: [Problem] = [], zonelessTimes: Int = 0) {
        self.events = events
        self.problems = problems
        self.zonelessTimes = zonelessTimes
    }
}
