import Foundation

/// Reads one event object (Event Grid or CloudEvents envelope) straight from the bytes, in one
/// pass: keys are compared as bytes with the names recdeck reads, those members are noted where
/// they are, every other value is checked (the file stays strictly JSON) and skipped without being
/// built. Only once the object has closed are the noted members turned into values, so a recording
/// event costs the strings its recording keeps and nothing more; any other event keeps its envelope.
///
/// Every field is optional. A field of the wrong kind is reported as a problem at its position
/// and read as missing, so the rest of the event still counts. Problems are reported in the order
/// the fields are read (type, source, id, time, subject, then `data`), whatever the key order.
struct EventDecoder {
    static let recordingEventType = "Microsoft.Communication.RecordingFileStatusUpdated"
    /// The most chunks one event may list (a chunk holds up to four hours: ten thousand would be
    /// four and a half years of one recording); the rest are reported, not read.
    static let maximumChunksPerEvent = 10_000
    static let recordingEventTypeLowercased = recordingEventType.lowercased()

    /// The file's bytes, for turning offsets into line:column.
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    private(set) var problems: [Problem] = []
    /// Chunk metadata documents met where events were expected (`ChunkMetadata`).
    private(set) var metadata: [ChunkMetadata] = []
    /// Timestamps without a zone, read as UTC (`FileContents.zonelessTimes`).
    var zonelessTimes = 0
    /// Repeated strings (topics, types, reasons) share one copy.
    var interner: StringInterner
    /// The last position reported: problems come mostly in file order, and each is counted on from it.
    private var lastPosition: (offset: Int, position: TextPosition)?
    /// Whether a recording event keeps its subject text once its ids are read from it.
    var keepsRecordingSubjects = true

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, interner: StringInterner = StringInterner()) {
        self.bytes = bytes
        self.file = file
        self.interner = interner
    }

    // MARK: - Reading the bytes

    /// Decodes the value at the parser's position (whitespace skipped), which should be an event
    /// object; anything else is skipped and reported with `notAnObject(kind)`.
    mutating func decodeElement(_ parser: inout JSONParser, depth: Int = 0,
                                notAnObject: (String) -> String = { "expected an event object, found \($0)" }) throws(JSONSyntaxError) -> DecodedEvent? {
        let start = parser.position
        guard parser.peek == UInt8(ascii: "{") else {
            let kind = try parser.skipValue(depth: depth)
            report(notAnObject(kind.name), at: start)
            return nil
        }
        var envelope = EnvelopeCapture()
        try parser.forEachMember(depth: depth + 1) { parser, key, depth throws(JSONSyntaxError) in
            let valueStart = parser.position
            if let part = try Self.scanEnvelopeMember(&parser, key: key, depth: depth, into: &envelope) {
                envelope.body.add(part, value: valueStart..<parser.position, in: parser.buffer)
            }
        }
        return evaluate(envelope, range: start..<parser.position, parser: parser)
    }

    private enum EnvelopeKey {
        case id, type, time, data, topic, source, subject, eventType, eventTime, specVersion, dataBase64
    }

    private static func envelopeKey(_ key: JSONStringSpan, _ parser: JSONParser) -> EnvelopeKey? {
        if key.escaped {
            switch parser.string(key) {
            case "id": return .id
            case "type": return .type
            case "time": return .time
            case "data": return .data
            case "topic": return .topic
            case "source": return .source
            case "subject": return .subject
            case "eventType": return .eventType
            case "eventTime": return .eventTime
            case "specversion", "specVersion": return .specVersion
            case "data_base64": return .dataBase64
            default: return nil
            }
        }
        switch key.count {
        case 2: return parser.spanEquals(key, "id") ? .id : nil
        case 4:
            if parser.spanEquals(key, "data") { return .data }
            if parser.spanEquals(key, "type") { return .type }
            if parser.spanEquals(key, "time") { return .time }
            return nil
        case 5: return parser.spanEquals(key, "topic") ? .topic : nil
        case 6: return parser.spanEquals(key, "source") ? .source : nil
        case 7: return parser.spanEquals(key, "subject") ? .subject : nil
        case 9:
            if parser.spanEquals(key, "eventType") { return .eventType }
            if parser.spanEquals(key, "eventTime") { return .eventTime }
            return nil
        case 11:
            if parser.spanEquals(key, "specversion") || parser.spanEquals(key, "specVersion") { return .specVersion }
            if parser.spanEquals(key, "data_base64") { return .dataBase64 }
            return nil
        default: return nil
        }
    }

    /// Notes one top-level member; answers which part of the event's body it is, if it is one.
    private static func scanEnvelopeMember(_ parser: inout JSONParser, key: JSONStringSpan, depth: Int,
                                           into envelope: inout EnvelopeCapture) throws(JSONSyntaxError) -> EventBody.Part? {
        // Only the first member of a name counts, as `members.first { $0.key == name }` did.
        switch envelopeKey(key, parser) {
        case .id?: try capture(&parser, depth: depth, into: &envelope.id)
        case .type?: try capture(&parser, depth: depth, into: &envelope.type)
        case .time?:
            try capture(&parser, depth: depth, into: &envelope.time)
            return .time
        case .topic?: try capture(&parser, depth: depth, into: &envelope.topic)
        case .source?:
            envelope.hasSource = true
            try capture(&parser, depth: depth, into: &envelope.source)
        case .subject?:
            try capture(&parser, depth: depth, into: &envelope.subject)
            return .subject
        case .eventType?:
            envelope.hasEventType = true
            try capture(&parser, depth: depth, into: &envelope.eventType)
        case .eventTime?:
            try capture(&parser, depth: depth, into: &envelope.eventTime)
            return .time
        case .specVersion?:
            envelope.hasSpecVersion = true
            _ = try parser.skipValue(depth: depth)
        case .dataBase64?:
            try capture(&parser, depth: depth, into: &envelope.dataBase64)
            return .data
        case .data?:
            guard case .absent = envelope.data else {
                _ = try parser.skipValue(depth: depth)
                return nil
            }
            let start = parser.position
            envelope.data = try scanData(&parser, depth: depth)
            envelope.dataRange = start..<parser.position
            return .data
        case nil:
            guard let field = DeliveryMetadataField(key, parser) else {
                _ = try parser.skipValue(depth: depth)
                return nil
            }
            switch field {
            case .deadLetterReason: try capture(&parser, depth: depth, into: &envelope.deadLetter.reason)
            case .deliveryAttempts: try capture(&parser, depth: depth, into: &envelope.deadLetter.attempts)
            case .lastDeliveryOutcome: try capture(&parser, depth: depth, into: &envelope.deadLetter.lastOutcome)
            case .lastHttpStatusCode: try capture(&parser, depth: depth, into: &envelope.deadLetter.lastHttpStatus)
            case .publishTime, .lastDeliveryAttemptTime: _ = try parser.skipValue(depth: depth)
            }
            return nil
        }
        return nil
    }

    /// Notes the value at the parser's position in `field` (when `field` holds nothing yet) and consumes it.
    private static func capture(_ parser: inout JSONParser, depth: Int, into field: inout CapturedField) throws(JSONSyntaxError) {
        guard !field.isPresent else {
            _ = try parser.skipValue(depth: depth)
            return
        }
        let offset = parser.position
        switch parser.peek {
        case UInt8(ascii: "\"")?:
            field = CapturedField(value: .string(try parser.scanString()), offset: offset)
        case UInt8(ascii: "-")?, (UInt8(ascii: "0")...UInt8(ascii: "9"))?:
            field = CapturedField(value: .number(try parser.scanNumber()), offset: offset)
        default:
            let kind = try parser.skipValue(depth: depth)
            field = CapturedField(value: kind == .null ? .null : .other(kind), offset: offset)
        }
    }

    /// Reads the value of `data` (or the decoded `data_base64`) at the parser's position.
    private static func scanData(_ parser: inout JSONParser, depth: Int) throws(JSONSyntaxError) -> DataValue {
        let offset = parser.position
        guard parser.peek == UInt8(ascii: "{") else {
            let kind = try parser.skipValue(depth: depth)
            return kind == .null ? .null(offset) : .notObject(kind, offset)
        }
        var data = DataCapture()
        try parser.forEachMember(depth: depth + 1) { parser, key, depth throws(JSONSyntaxError) in
            switch dataKey(key, parser) {
            case .recordingId?: try capture(&parser, depth: depth, into: &data.recordingId)
            case .storageType?: try capture(&parser, depth: depth, into: &data.storageType)
            case .recordingStartTime?: try capture(&parser, depth: depth, into: &data.startTime)
            case .recordingDurationMs?: try capture(&parser, depth: depth, into: &data.durationMs)
            case .sessionEndReason?: try capture(&parser, depth: depth, into: &data.sessionEndReason)
            case .recordingContentType?: try capture(&parser, depth: depth, into: &data.contentType)
            case .recordingChannelType?: try capture(&parser, depth: depth, into: &data.channelType)
            case .recordingFormatType?: try capture(&parser, depth: depth, into: &data.formatType)
            case .recordingStorageInfo?:
                guard case .absent = data.storage else {
                    _ = try parser.skipValue(depth: depth)
                    return
                }
                data.storage = try scanStorage(&parser, depth: depth)
            case nil:
                _ = try parser.skipValue(depth: depth)
            }
        }
        return .object(data, offset)
    }

    private enum DataKey {
        case recordingId, storageType, recordingStartTime, recordingDurationMs, sessionEndReason
        case recordingContentType, recordingChannelType, recordingFormatType, recordingStorageInfo
    }

    private static func dataKey(_ key: JSONStringSpan, _ parser: JSONParser) -> DataKey? {
        if key.escaped {
            switch parser.string(key) {
            case "recordingId": return .recordingId
            case "storageType": return .storageType
            case "recordingStartTime": return .recordingStartTime
            case "recordingDurationMs": return .recordingDurationMs
            case "sessionEndReason": return .sessionEndReason
            case "recordingContentType": return .recordingContentType
            case "recordingChannelType": return .recordingChannelType
            case "recordingFormatType": return .recordingFormatType
            case "recordingStorageInfo": return .recordingStorageInfo
            default: return nil
            }
        }
        switch key.count {
        case 11:
            if parser.spanEquals(key, "recordingId") { return .recordingId }
            if parser.spanEquals(key, "storageType") { return .storageType }
            return nil
        case 16: return parser.spanEquals(key, "sessionEndReason") ? .sessionEndReason : nil
        case 18: return parser.spanEquals(key, "recordingStartTime") ? .recordingStartTime : nil
        case 19:
            if parser.spanEquals(key, "recordingDurationMs") { return .recordingDurationMs }
            if parser.spanEquals(key, "recordingFormatType") { return .recordingFormatType }
            return nil
        case 20:
            if parser.spanEquals(key, "recordingStorageInfo") { return .recordingStorageInfo }
            if parser.spanEquals(key, "recordingContentType") { return .recordingContentType }
            if parser.spanEquals(key, "recordingChannelType") { return .recordingChannelType }
            return nil
        default: return nil
        }
    }

    private static func scanStorage(_ parser: inout JSONParser, depth: Int) throws(JSONSyntaxError) -> DataCapture.Storage {
        let offset = parser.position
        guard parser.peek == UInt8(ascii: "{") else {
            let kind = try parser.skipValue(depth: depth)
            return kind == .null ? .null : .notObject(kind, offset)
        }
        var chunks = DataCapture.Chunks.absent
        try parser.forEachMember(depth: depth + 1) { parser, key, depth throws(JSONSyntaxError) in
            let isChunks = key.escaped ? parser.string(key) == "recordingChunks" : parser.spanEquals(key, "recordingChunks")
            guard isChunks, case .absent = chunks else {
                _ = try parser.skipValue(depth: depth)
                return
            }
            chunks = try scanChunks(&parser, depth: depth)
        }
        return .object(chunks)
    }

    private static func scanChunks(_ parser: inout JSONParser, depth: Int) throws(JSONSyntaxError) -> DataCapture.Chunks {
        let offset = parser.position
        guard parser.peek == UInt8(ascii: "[") else {
            let kind = try parser.skipValue(depth: depth)
            return kind == .null ? .null : .notArray(kind, offset)
        }
        var elements: [ChunkCapture] = []
        var beyondLimit = 0
        try parser.forEachElement(depth: depth + 1) { parser, depth throws(JSONSyntaxError) in
            guard elements.count < Self.maximumChunksPerEvent else {
                // Checked as JSON, not kept: one event must not hold unbounded work and memory.
                _ = try parser.skipValue(depth: depth)
                beyondLimit += 1
                return
            }
            guard parser.peek == UInt8(ascii: "{") else {
                elements.append(ChunkCapture(notAnObject: try parser.skipValue(depth: depth)))
                return
            }
            var chunk = ChunkCapture()
            try parser.forEachMember(depth: depth + 1) { parser, key, depth throws(JSONSyntaxError) in
                switch chunkKey(key, parser) {
                case .index?: try capture(&parser, depth: depth, into: &chunk.index)
                case .documentId?: try capture(&parser, depth: depth, into: &chunk.documentId)
                case .endReason?: try capture(&parser, depth: depth, into: &chunk.endReason)
                case .contentLocation?: try capture(&parser, depth: depth, into: &chunk.contentLocation)
                case .metadataLocation?: try capture(&parser, depth: depth, into: &chunk.metadataLocation)
                case .deleteLocation?: try capture(&parser, depth: depth, into: &chunk.deleteLocation)
                case nil: _ = try parser.skipValue(depth: depth)
                }
            }
            elements.append(chunk)
        }
        return .array(offset, elements, beyondLimit: beyondLimit)
    }

    private enum ChunkKey {
        case index, documentId, endReason, contentLocation, metadataLocation, deleteLocation
    }

    private static func chunkKey(_ key: JSONStringSpan, _ parser: JSONParser) -> ChunkKey? {
        if key.escaped {
            switch parser.string(key) {
            case "index": return .index
            case "documentId": return .documentId
            case "endReason": return .endReason
            case "contentLocation": return .contentLocation
            case "metadataLocation": return .metadataLocation
            case "deleteLocation": return .deleteLocation
            default: return nil
            }
        }
        switch key.count {
        case 5: return parser.spanEquals(key, "index") ? .index : nil
        case 9: return parser.spanEquals(key, "endReason") ? .endReason : nil
        case 10: return parser.spanEquals(key, "documentId") ? .documentId : nil
        case 14: return parser.spanEquals(key, "deleteLocation") ? .deleteLocation : nil
        case 15: return parser.spanEquals(key, "contentLocation") ? .contentLocation : nil
        case 16: return parser.spanEquals(key, "metadataLocation") ? .metadataLocation : nil
        default: return nil
        }
    }

    // MARK: - Turning the noted members into an event

    /// The object at `range` as a chunk metadata document, when it is one (it has no event type,
    /// so it is parsed again whole: such documents are small and rare among events).
    private func metadataDocument(range: Range<Int>, parser: JSONParser) -> ChunkMetadata? {
        var again = JSONParser(bytes: bytes, start: range.lowerBound, end: range.upperBound)
        guard let value = try? again.parseValue() else { return nil }
        return ChunkMetadata(value, location: EventLocation(file: file, offset: range.lowerBound, length: range.count))
    }

    private mutating func evaluate(_ captured: EnvelopeCapture, range: Range<Int>, parser: JSONParser) -> DecodedEvent? {
        var reader = FieldReader(parser: parser, reportOffset: nil)
        let typeField = captured.eventType.isPresent ? (captured.eventType, "eventType") : (captured.type, "type")
        guard typeField.0.isPresent else {
            if let document = metadataDocument(range: range, parser: parser) {
                metadata.append(document)
            } else {
                report("not an Event Grid or CloudEvents event: no \"eventType\" or \"type\"", at: range.lowerBound)
            }
            return nil
        }
        guard let type = reader.string(typeField.0, typeField.1, &self, interned: true) else {
            report("not an Event Grid or CloudEvents event: no \"eventType\" or \"type\"", at: range.lowerBound)
            return nil
        }
        let isCloudEvent = captured.hasSpecVersion || (captured.hasSource && !captured.hasEventType)
        let source = isCloudEvent ? reader.string(captured.source, "source", &self, interned: true)
            : reader.string(captured.topic, "topic", &self, interned: true)
        var id = reader.packedID(captured.id, "id", &self)
        if id == nil {
            report("event has no \"id\": it is kept, but cannot be matched with its redeliveries", at: range.lowerBound)
            id = PackedID("\(file)@\(range.lowerBound)")
        }
        let timeField = captured.eventTime.isPresent ? (captured.eventTime, "eventTime") : (captured.time, "time")
        let time = reader.timestamp(timeField.0, timeField.1, &self)
        let isRecording = type == Self.recordingEventType || type.lowercased() == Self.recordingEventTypeLowercased
        // A recording event's subject is read into its ids, and not kept unless asked: read
        // straight from the file's bytes when they are its plain ASCII text.
        let keepsSubject = !isRecording || keepsRecordingSubjects
        var subject: String?, subjectIds: RecordingSubject?
        if !keepsSubject, case .text(let bytes) = reader.plain(captured.subject), bytes.isAllASCII {
            subjectIds = RecordingSubject(asciiBytes: bytes)
        } else {
            subject = reader.string(captured.subject, "subject", &self)
        }
        let envelope = EventEnvelope(
            key: EventKey(source: source ?? "", packedId: id!, type: type),
            schema: isCloudEvent ? .cloudEvents : .eventGrid,
            time: time,
            subject: keepsSubject ? subject : nil,
            location: EventLocation(file: file, offset: range.lowerBound, length: range.count),
            deadLetter: readDeadLetter(captured.deadLetter, reader: &reader),
            body: captured.body
        )
        guard isRecording else {
            if let kind = CallEventKind(type: type) {
                return .call(decodeCall(kind, envelope: envelope, data: captured.dataRange, parser: parser))
            }
            return .other(envelope)
        }
        return decodeRecording(envelope: envelope, subjectIds: subjectIds ?? RecordingSubject(parsing: subject ?? ""),
                               captured: captured, at: range.lowerBound, parser: parser)
            .map(DecodedEvent.recording)
    }

    private mutating func decodeRecording(envelope: EventEnvelope, subjectIds: RecordingSubject, captured: EnvelopeCapture,
                                          at offset: Int, parser: JSONParser) -> RecordingEvent? {
        var event = RecordingEvent(envelope: envelope, subjectIds: subjectIds)
        switch captured.data {
        case .object(let data, _):
            readData(data, into: &event, reader: FieldReader(parser: parser, reportOffset: nil))
            return event
        case .notObject(let kind, let dataOffset):
            report("expected an object for \"data\", found \(kind.name)", at: dataOffset)
            return nil
        case .absent, .null:
            break
        }
        let member = captured.dataBase64
        switch member.value {
        case .absent, .null:
            report("recording event has no \"data\"", at: offset)
            return nil
        case .string(let span):
            let text = parser.string(span)
            guard let decoded = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else { break }
            return decoded.withUnsafeBytes { raw -> RecordingEvent? in
                var inner = JSONParser(bytes: raw.bindMemory(to: UInt8.self))
                let value: DataValue
                do throws(JSONSyntaxError) {
                    inner.skipWhitespace()
                    value = try Self.scanData(&inner, depth: 0)
                    inner.skipWhitespace()
                    if !inner.isAtEnd { throw inner.failure("expected end of data") }
                } catch {
                    report("\"data_base64\" does not hold JSON: \(error.message) at byte \(error.offset) of the decoded data",
                           at: member.offset)
                    return nil
                }
                switch value {
                case .object(let data, _):
                    // Positions inside the decoded data are not positions in the file: report at `data_base64`.
                    readData(data, into: &event, reader: FieldReader(parser: inner, reportOffset: member.offset))
                    return event
                case .notObject(let kind, _):
                    report("expected an object for \"data\", found \(kind.name)", at: member.offset)
                    return nil
                case .null:
                    report("expected an object for \"data\", found null", at: member.offset)
                    return nil
                case .absent:
                    return nil
                }
            }
        case .number, .other:
            break
        }
        report("\"data_base64\" is not base64 text", at: member.offset)
        return nil
    }

    private mutating func readData(_ data: DataCapture, into event: inout RecordingEvent, reader: FieldReader) {
        var reader = reader
        // Nearly always the subject's recordingId again: then one id serves both.
        event.packedDataRecordingId = reader.packedID(data.recordingId, "recordingId", &self, reusing: event.subjectIds.packedRecordingId)
        event.storageType = reader.string(data.storageType, "storageType", &self, interned: true)
        event.startTime = reader.timestamp(data.startTime, "recordingStartTime", &self)
        event.durationMs = reader.integer(data.durationMs, "recordingDurationMs", &self)
        if let duration = event.durationMs, duration < 0 {
            // Read as missing (the event still counts): a negative length would shrink totals.
            report("\"recordingDurationMs\" is negative: \(duration)", at: reader.at(data.durationMs.offset))
            event.durationMs = nil
        }
        event.sessionEndReason = reader.string(data.sessionEndReason, "sessionEndReason", &self, interned: true)
        event.contentType = reader.string(data.contentType, "recordingContentType", &self, interned: true)
        event.channelType = reader.string(data.channelType, "recordingChannelType", &self, interned: true)
        event.formatType = reader.string(data.formatType, "recordingFormatType", &self, interned: true)
        switch data.storage {
        case .absent, .null:
            return
        case .notObject(let kind, let offset):
            report("expected an object for \"recordingStorageInfo\", found \(kind.name)", at: reader.at(offset))
        case .object(let chunks):
            switch chunks {
            case .absent, .null:
                return
            case .notArray(let kind, let offset):
                report("expected an array for \"recordingChunks\", found \(kind.name)", at: reader.at(offset))
            case .array(let listOffset, let elements, let beyondLimit):
                if beyondLimit > 0 {
                    report("\"recordingChunks\" lists \(elements.count + beyondLimit) chunks: only the first "
                           + "\(elements.count) are read", at: reader.at(listOffset))
                }
                event.chunks.reserveCapacity(elements.count)
                for element in elements {
                    if let kind = element.notAnObject {
                        report("expected an object for a recording chunk, found \(kind.name)", at: reader.at(listOffset))
                        continue
                    }
                    let index = reader.integer(element.index, "index", &self)
                    let documentId = reader.string(element.documentId, "documentId", &self)
                    let endReason = reader.string(element.endReason, "endReason", &self, interned: true)
                    let known = documentId.flatMap {
                        interner.knownLocations(content: reader.plain(element.contentLocation),
                                                metadata: reader.plain(element.metadataLocation),
                                                delete: reader.plain(element.deleteLocation), documentId: $0)
                    }
                    let locations = known ?? interner.locations(
                        content: reader.string(element.contentLocation, "contentLocation", &self),
                        metadata: reader.string(element.metadataLocation, "metadataLocation", &self),
                        delete: reader.string(element.deleteLocation, "deleteLocation", &self),
                        documentId: documentId)
                    event.chunks.append(Chunk(index: index, documentId: documentId, endReason: endReason, locations: locations))
                }
            }
        }
    }

    private mutating func readDeadLetter(_ captured: DeadLetterCapture, reader: inout FieldReader) -> DeadLetter? {
        guard captured.reason.isPresent || captured.attempts.isPresent || captured.lastOutcome.isPresent
            || captured.lastHttpStatus.isPresent else { return nil }
        return DeadLetter(reason: reader.string(captured.reason, "deadLetterReason", &self, interned: true),
                          attempts: reader.integer(captured.attempts, "deliveryAttempts", &self),
                          lastOutcome: reader.string(captured.lastOutcome, "lastDeliveryOutcome", &self, interned: true),
                          lastHttpStatus: reader.integer(captured.lastHttpStatus, "lastHttpStatusCode", &self))
    }

    /// Reports a problem of the whole file, with no position.
    mutating func reportFile(_ message: String) {
        problems.append(Problem(file: file, message: message))
    }

    /// Reports a problem at byte `offset` of the file.
    mutating func report(_ message: String, at offset: Int) {
        let position: TextPosition
        if let known = lastPosition, known.offset <= offset {
            position = TextPosition(of: offset, in: bytes, after: known)
        } else {
            position = TextPosition(of: offset, in: bytes)
        }
        lastPosition = (offset, position)
        problems.append(Problem(file: file, line: position.line, column: position.column, message: message))
    }
}

// MARK: - What one pass notes

/// A member value noted while scanning: where it is and its kind; text is decoded only when read.
struct CapturedField {
    enum Value {
        case absent
        case null
        case string(JSONStringSpan)
        case number(Range<Int>)
        case other(JSONKind)
    }

    var value: Value = .absent
    /// Offset of the value's first byte.
    var offset = 0

    var isPresent: Bool {
        if case .absent = value { return false }
        return true
    }
}

private enum DataValue {
    case absent
    case null(Int)
    case notObject(JSONKind, Int)
    case object(DataCapture, Int)
}

private struct EnvelopeCapture {
    var id = CapturedField(), type = CapturedField(), time = CapturedField(), topic = CapturedField()
    var source = CapturedField(), subject = CapturedField(), eventType = CapturedField(), eventTime = CapturedField()
    var dataBase64 = CapturedField()
    var data = DataValue.absent
    /// The bytes of `data`, for the events (call events) read from it a second time.
    var dataRange: Range<Int>?
    var hasSpecVersion = false, hasSource = false, hasEventType = false
    var deadLetter = DeadLetterCapture()
    var body = EventBody()
}

private struct DeadLetterCapture {
    var reason = CapturedField(), attempts = CapturedField(), lastOutcome = CapturedField(), lastHttpStatus = CapturedField()
}

private struct DataCapture {
    enum Chunks {
        case absent, null
        case notArray(JSONKind, Int)
        /// The list's offset, its first `maximumChunksPerEvent` elements, and how many more it had.
        case array(Int, [ChunkCapture], beyondLimit: Int)
    }

    enum Storage {
        case absent, null
        case notObject(JSONKind, Int)
        case object(Chunks)
    }

    var recordingId = CapturedField(), storageType = CapturedField(), startTime = CapturedField()
    var durationMs = CapturedField(), sessionEndReason = CapturedField(), contentType = CapturedField()
    var channelType = CapturedField(), formatType = CapturedField()
    var storage = Storage.absent
}

private struct ChunkCapture {
    var index = CapturedField(), documentId = CapturedField(), endReason = CapturedField()
    var contentLocation = CapturedField(), metadataLocation = CapturedField(), deleteLocation = CapturedField()
    /// Set when the list element was not an object.
    var notAnObject: JSONKind?

    init() {}

    init(notAnObject kind: JSONKind) {
        notAnObject = kind
    }
}

/// A string field as the file holds it: absent (or null), unescaped UTF-8 bytes, or something
/// that must be read (escaped, or of another kind, which is reported when read).
enum PlainField {
    case absent
    case text(UnsafeBufferPointer<UInt8>)
    case needsReading

    /// `.some(nil)` when absent, `.some(bytes)` for text, `nil` when it must be read.
    var bytes: UnsafeBufferPointer<UInt8>?? {
        switch self {
        case .absent: .some(nil)
        case .text(let bytes): .some(bytes)
        case .needsReading: nil
        }
    }
}

/// Turns noted fields into values; a wrong kind is reported (at `reportOffset` when given, else
/// at the field) and read as missing.
private struct FieldReader {
    let parser: JSONParser
    let reportOffset: Int?

    func at(_ offset: Int) -> Int { reportOffset ?? offset }

    private func raw(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: parser.buffer[range])
    }

    /// A field as its bytes in the file, when no string needs to be built to know it.
    func plain(_ field: CapturedField) -> PlainField {
        switch field.value {
        case .absent, .null: .absent
        case .string(let span) where !span.escaped: .text(raw(span.start..<span.end))
        default: .needsReading
        }
    }

    /// The field as a string.
    mutating func string(_ field: CapturedField, _ key: String, _ decoder: inout EventDecoder, interned: Bool = false) -> String? {
        switch field.value {
        case .absent, .null:
            return nil
        case .string(let span):
            if interned && !span.escaped {
                return decoder.interner.intern(raw(span.start..<span.end))
            }
            return parser.string(span)
        case .number(let range):
            return String(decoding: raw(range), as: UTF8.self)
        case .other(let kind):
            decoder.report("expected a string for \"\(key)\", found \(kind.name)", at: at(field.offset))
            return nil
        }
    }

    /// `string(_:_:_:)` as an id, packed from the file's bytes when the text needs no unescaping;
    /// `reusing` is returned instead when the field's bytes are its text.
    mutating func packedID(_ field: CapturedField, _ key: String, _ decoder: inout EventDecoder,
                           reusing known: PackedID? = nil) -> PackedID? {
        if case .string(let span) = field.value, !span.escaped {
            let bytes = raw(span.start..<span.end)
            if let known, known.withUTF8({ $0.count == bytes.count && ($0.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0) }) {
                return known
            }
            return PackedID(utf8: bytes)
        }
        return string(field, key, &decoder).map { PackedID($0) }
    }

    mutating func integer(_ field: CapturedField, _ key: String, _ decoder: inout EventDecoder) -> Int64? {
        let text: String
        switch field.value {
        case .absent, .null:
            return nil
        case .number(let range):
            if let value = Self.plainInteger(raw(range)) { return value }
            text = String(decoding: raw(range), as: UTF8.self)
        case .string(let span):
            text = parser.string(span).trimmingCharacters(in: .whitespaces)
        case .other(let kind):
            decoder.report("expected an integer for \"\(key)\", found \(kind.name)", at: at(field.offset))
            return nil
        }
        if let value = Int64(text) { return value }
        if let value = Double(text), value.rounded() == value, abs(value) < 9.0e18 { return Int64(value) }
        decoder.report("expected an integer for \"\(key)\", found \(SafeText.quoted(text))", at: at(field.offset))
        return nil
    }

    /// `-?[0-9]{1,18}`, the common case, without building a string.
    private static func plainInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { index = 1 }
        let digits = bytes.count - index
        guard digits > 0, digits <= 18 else { return nil }
        var value: Int64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
            index += 1
        }
        return negative ? -value : value
    }

    mutating func timestamp(_ field: CapturedField, _ key: String, _ decoder: inout EventDecoder) -> Timestamp? {
        if case .string(let span) = field.value, !span.escaped,
           let time = Timestamp.parse(raw(span.start..<span.end)) {
            return time
        }
        guard let text = string(field, key, &decoder) else { return nil }
        if let time = Timestamp(iso8601: text) { return time }
        if let time = Timestamp(iso8601: text, zonelessAsUTC: true) {
            decoder.zonelessTimes += 1
            return time
        }
        decoder.report(Timestamp.problem(key: key, text: text), at: at(field.offset))
        return nil
    }
}
