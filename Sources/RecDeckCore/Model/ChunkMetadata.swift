/// A chunk's metadata document (`metadataLocation`, `…/content/acsmetadata`), as users save it
/// next to the events: chunk start and duration, pauses, recording info and participants.
/// Read leniently (the drift seen in real documents: fractional durations, `sampleRate` as a
/// string, `contentType` and `channelType` swapped); joined to its chunk by `chunkDocumentId`.
public struct ChunkMetadata: Sendable, Hashable {
    /// One pause of the recording within the chunk.
    public struct Pause: Sendable, Hashable {
        public var startTime: Timestamp?
        public var durationMs: Double?
    }

    /// A participant; `channel` only for unmixed audio (which channel is theirs).
    public struct Participant: Sendable, Hashable {
        public var participantId: String?
        public var channel: Int64?
    }

    public var chunkDocumentId: String
    public var chunkIndex: Int64?
    public var chunkStartTime: Timestamp?
    /// Milliseconds (fractional in some documents).
    public var chunkDurationMs: Double?
    public var pauses: [Pause] = []
    public var contentType: String?
    public var channelType: String?
    public var format: String?
    /// `recordingInfo.audioConfiguration` (sample rate, bit rate, channels), as written.
    public var audioConfiguration: [Field] = []
    /// `recordingInfo.videoConfiguration` (sides, frame rate, bit rate), as written.
    public var videoConfiguration: [Field] = []
    public var participants: [Participant] = []
    /// Where the document is.
    public var location: EventLocation

    /// One configuration value, as written (a number's text, or a string).
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public init(chunkDocumentId: String, chunkIndex: Int64? = nil, chunkDurationMs: Double? = nil, location: EventLocation) {
        self.chunkDocumentId = chunkDocumentId
        self.chunkIndex = chunkIndex
        self.chunkDurationMs = chunkDurationMs
        self.location = location
    }

    /// The document in `value` (an object with `chunkDocumentId` and `recordingInfo`), or `nil`
    /// when it is not one.
    public init?(_ value: JSONValue, location: EventLocation) {
        guard let id = value["chunkDocumentId"]?.stringValue, !id.isEmpty, case .object? = value["recordingInfo"] else { return nil }
        self.init(chunkDocumentId: id, chunkIndex: value["chunkIndex"].flatMap(Self.number).flatMap { Int64(exactly: $0.rounded(.towardZero)) },
                  chunkDurationMs: value["chunkDuration"].flatMap(Self.number), location: location)
        chunkStartTime = value["chunkStartTime"]?.stringValue.flatMap { Timestamp(iso8601: $0) }
        if case .array(let items)? = value["pauseResumeIntervals"] {
            pauses = items.map { Pause(startTime: $0["startTime"]?.stringValue.flatMap { Timestamp(iso8601: $0) },
                                       durationMs: $0["duration"].flatMap(Self.number)) }
        }
        let info = value["recordingInfo"]!
        contentType = info["contentType"]?.stringValue
        channelType = info["channelType"]?.stringValue
        format = info["format"]?.stringValue
        audioConfiguration = Self.fields(info["audioConfiguration"])
        videoConfiguration = Self.fields(info["videoConfiguration"])
        if case .array(let items)? = value["participants"] {
            participants = items.map { Participant(participantId: $0["participantId"]?.stringValue,
                                                   channel: $0["channel"].flatMap(Self.number).flatMap { Int64(exactly: $0) }) }
        }
    }

    /// A number, or a string holding one.
    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let text), .string(let text): Double(text).flatMap { $0.isFinite ? $0 : nil }
        default: nil
        }
    }

    /// The scalar members of a configuration object, in document order.
    static func fields(_ value: JSONValue?) -> [Field] {
        guard case .object(let members)? = value else { return [] }
        return members.compactMap { member in
            switch member.value {
            case .number(let text), .string(let text): Field(name: member.key, value: text)
            case .bool(let flag): Field(name: member.key, value: flag ? "true" : "false")
            default: nil
            }
        }
    }
}
