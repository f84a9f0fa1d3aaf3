/// Which envelope an event came in.
public enum EventSchema: String, Sendable, Hashable {
    case eventGrid
    case cloudEvents
}

/// The envelope fields every event has, whatever its type.
///
/// The fields most events lack (a subject kept as text, a delivery count, a dead letter) are held
/// out of line, together, so that the hundred thousands of envelopes a store keeps stay small.
public struct EventEnvelope: Sendable, Hashable {
    public var key: EventKey
    /// Bit 0: the schema is CloudEvents; bit 1: there is a time. Right after the key, whose last
    /// field is an odd size, so that it takes no room of its own.
    private var flags: UInt8 = 0
    /// The time in nanoseconds when there is one.
    private var timeNanoseconds: Int64 = 0
    public var schema: EventSchema {
        get { flags & 1 != 0 ? .cloudEvents : .eventGrid }
        set { flags = newValue == .cloudEvents ? flags | 1 : flags & ~1 }
    }
    /// `eventTime` (Event Grid) or `time` (CloudEvents).
    public var time: Timestamp? {
        get { flags & 2 != 0 ? Timestamp(nanoseconds: timeNanoseconds) : nil }
        set {
            timeNanoseconds = newValue?.nanoseconds ?? 0
            flags = newValue == nil ? flags & ~2 : flags | 2
        }
    }
    /// Where this delivery's bytes are.
    public var location: EventLocation
    /// The fingerprint that tells a redelivery from a conflicting one (`RedeliveryRule`).
    public var body: EventBody
    /// The fields below; nil while all are missing (nearly always).
    private var rare: OutOfLine<Rare>?

    /// The envelope fields most events lack.
    private struct Rare: Sendable, Hashable {
        var subject: String?
        var deliveryCount: Int?
        var deadLetter: DeadLetter?
    }

    /// The subject text (a recording event's is read into its ids, and kept only when the decoder is asked to).
    public var subject: String? {
        get { rare?.value.subject }
        set { changeRare { $0.subject = newValue } }
    }
    /// Event Grid's `aeg-delivery-count` for the request that brought this delivery, when
    /// `recdeck serve` kept it in the file's `.headers` sidecar (`ReceivedFileName`).
    public var deliveryCount: Int? {
        get { rare?.value.deliveryCount }
        set { changeRare { $0.deliveryCount = newValue } }
    }
    /// What Event Grid added when it dead-lettered the event; nil for an event delivered as usual.
    public var deadLetter: DeadLetter? {
        get { rare?.value.deadLetter }
        set { changeRare { $0.deadLetter = newValue } }
    }

    private mutating func changeRare(_ change: (inout Rare) -> Void) {
        var fields = rare?.value ?? Rare()
        change(&fields)
        rare = fields == Rare() ? nil : OutOfLine(fields)
    }

    public init(key: EventKey, schema: EventSchema, time: Timestamp?, subject: String?, location: EventLocation,
                deliveryCount: Int? = nil, deadLetter: DeadLetter? = nil, body: EventBody = EventBody()) {
        self.key = key
        self.location = location
        self.body = body
        let fields = Rare(subject: subject, deliveryCount: deliveryCount, deadLetter: deadLetter)
        self.rare = fields == Rare() ? nil : OutOfLine(fields)
        self.schema = schema
        self.time = time
    }
}

/// One `Microsoft.Communication.RecordingFileStatusUpdated` event, with every `data` field it had.
///
/// Kept compact (a store holds one per recording): the optional times as plain integers with a
/// bit each for presence, and `data.recordingId` (a preview field) out of line.
public struct RecordingEvent: Sendable, Hashable {
    public var envelope: EventEnvelope
    /// The ids from the subject.
    public var subjectIds: RecordingSubject
    /// Bit 0: `startTime` is present; bit 1: `durationMs` is. Right after the ids, whose last
    /// field is an odd size, so that it takes no room of its own.
    private var present: UInt8 = 0
    /// The open-enum texts, coded (`RecordingEventTexts`).
    private var texts = RecordingEventTexts()
    /// Chunks in the order the event listed them.
    public var chunks: [Chunk]
    /// `startTime` in nanoseconds and `duration` in milliseconds, 0 when missing (`present` says).
    private var startNanoseconds: Int64 = 0
    private var duration: Int64 = 0
    private var storedDataRecordingId: OutOfLine<PackedID>?

    /// `data.recordingId` (bring-your-own-storage preview).
    public var dataRecordingId: String? {
        get { packedDataRecordingId?.text }
        set { packedDataRecordingId = newValue.map { PackedID($0) } }
    }
    public var packedDataRecordingId: PackedID? {
        get { storedDataRecordingId?.value }
        set { storedDataRecordingId = newValue.map(OutOfLine.init) }
    }
    public var startTime: Timestamp? {
        get { present & 1 != 0 ? Timestamp(nanoseconds: startNanoseconds) : nil }
        set {
            startNanoseconds = newValue?.nanoseconds ?? 0
            present = newValue == nil ? present & ~1 : present | 1
        }
    }
    public var durationMs: Int64? {
        get { present & 2 != 0 ? duration : nil }
        set {
            duration = newValue ?? 0
            present = newValue == nil ? present & ~2 : present | 2
        }
    }
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

    public init(envelope: EventEnvelope, subjectIds: RecordingSubject = RecordingSubject(), dataRecordingId: String? = nil,
                storageType: String? = nil, startTime: Timestamp? = nil, durationMs: Int64? = nil,
                sessionEndReason: String? = nil, contentType: String? = nil, channelType: String? = nil,
                formatType: String? = nil, chunks: [Chunk] = []) {
        self.envelope = envelope
        self.subjectIds = subjectIds
        self.chunks = chunks
        self.dataRecordingId = dataRecordingId
        self.startTime = startTime
        self.durationMs = durationMs
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

    /// The envelope's time, read without copying the rest of the event.
    public var time: Timestamp? {
        switch self {
        case .recording(let event): event.envelope.time
        case .call(let event): event.envelope.time
        case .other(let envelope): envelope.time
        }
    }

    /// The recording event this is; only for `.recording` (a recording keeps nothing else).
    var recordingEvent: RecordingEvent {
        guard case .recording(let event) = self else { preconditionFailure("not a recording event") }
        return event
    }

    /// The chunks a recording event lists (a reference to its array, not a copy of the event).
    var recordingChunks: [Chunk] { withRecordingEvent { $0.chunks } }

    /// `read` of the recording event this is, read in place (a field of it without a copy of the
    /// whole event, which would retain every text and array it holds); only for `.recording`.
    @inline(__always)
    func withRecordingEvent<T>(_ read: (borrowing RecordingEvent) -> T) -> T {
        guard case .recording(let event) = self else { preconditionFailure("not a recording event") }
        return read(event)
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
    /// The events: a file of one event (what a webhook delivery of one event makes, and the most
    /// common file there is) holds it without an array of its own.
    private enum Held: Sendable, Hashable {
        case one(DecodedEvent)
        case many([DecodedEvent])

        init(_ events: [DecodedEvent]) {
            self = events.count == 1 ? .one(events[0]) : .many(events)
        }
    }

    private var held: Held
    /// Its events in file order.
    public var events: [DecodedEvent] {
        get {
            switch held {
            case .one(let event): [event]
            case .many(let events): events
            }
        }
        set { held = Held(newValue) }
    }
    public var problems: [Problem]
    /// The chunk metadata documents saved among the events (not events, not problems).
    public var metadata: [ChunkMetadata] = []
    /// Timestamps written without a zone (`2018-10-12T15:14:11.3028183`), read as UTC: not problems,
    /// counted for the one note in `check`'s summary.
    public var zonelessTimes: Int

    public init(events: [DecodedEvent] = [], problems: [Problem] = [], zonelessTimes: Int = 0) {
        self.held = Held(events)
        self.problems = problems
        self.zonelessTimes = zonelessTimes
    }

    /// How many events it has (`events.count`, without building the array).
    public var eventCount: Int {
        switch held {
        case .one: 1
        case .many(let events): events.count
        }
    }

    /// The `index`th event (`events[index]`, without building the array).
    public func event(at index: Int) -> DecodedEvent {
        switch held {
        case .one(let event):
            precondition(index == 0, "index out of range")
            return event
        case .many(let events): return events[index]
        }
    }

    /// Adds `event` after the others (in place, not through a copy of `events`).
    public mutating func append(_ event: DecodedEvent) {
        modifyList { $0.append(event) }
    }

    /// Changes every event in place.
    public mutating func modifyEvents(_ change: (inout DecodedEvent) -> Void) {
        modifyList { events in
            for index in events.indices { change(&events[index]) }
        }
    }

    /// Changes the events as an array that nothing else holds, so that it changes in place.
    private mutating func modifyList(_ change: (inout [DecodedEvent]) -> Void) {
        var events: [DecodedEvent]
        switch held {
        case .one(let event): events = [event]
        case .many(let list): events = list
        }
        held = .many([])  // lets go of the array
        change(&events)
        held = Held(events)
    }
}
