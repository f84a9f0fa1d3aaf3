import Foundation

/// Turns one parsed event object (Event Grid or CloudEvents envelope) into a `DecodedEvent`.
///
/// Every field is optional. A field of the wrong kind is reported as a problem at its position
/// and read as missing, so the rest of the event still counts.
struct EventDecoder {
    static let recordingEventType = "Microsoft.Communication.RecordingFileStatusUpdated"
    static let recordingEventTypeLowercased = recordingEventType.lowercased()

    /// The file's bytes, for turning offsets into line:column.
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    private(set) var problems: [Problem] = []

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Decodes the object whose text is `range` of the file; `nil` (with a problem) when it is no event.
    mutating func decode(_ value: JSONValue, range: Range<Int>) -> DecodedEvent? {
        guard case .object(let members) = value else {
            report("expected an event object, found \(value.kindName)", at: range.lowerBound)
            return nil
        }
        let location = EventLocation(file: file, offset: range.lowerBound, length: range.count)
        let typeMember = members.first { $0.key == "eventType" } ?? members.first { $0.key == "type" }
        guard let type = string(typeMember) else {
            report("not an Event Grid or CloudEvents event: no \"eventType\" or \"type\"", at: range.lowerBound)
            return nil
        }
        let isCloudEvent = members.contains { $0.key == "specversion" || $0.key == "specVersion" }
            || (members.contains { $0.key == "source" } && !members.contains { $0.key == "eventType" })
        let source = string(members.first { $0.key == (isCloudEvent ? "source" : "topic") })
        var id = string(members.first { $0.key == "id" })
        if id == nil {
            report("event has no \"id\": it is kept, but cannot be matched with its redeliveries", at: range.lowerBound)
            id = "\(file)@\(range.lowerBound)"
        }
        let timeMember = members.first { $0.key == "eventTime" } ?? members.first { $0.key == "time" }
        let envelope = EventEnvelope(
            key: EventKey(source: source ?? "", id: id!, type: type),
            schema: isCloudEvent ? .cloudEvents : .eventGrid,
            time: timestamp(timeMember),
            subject: string(members.first { $0.key == "subject" }),
            location: location
        )
        guard type == Self.recordingEventType || type.lowercased() == Self.recordingEventTypeLowercased else {
            return .other(envelope)
        }
        return decodeRecording(envelope: envelope, members: members, at: range.lowerBound).map(DecodedEvent.recording)
    }

    private mutating func decodeRecording(envelope: EventEnvelope, members: [JSONMember], at offset: Int) -> RecordingEvent? {
        var event = RecordingEvent(envelope: envelope, subjectIds: RecordingSubject(parsing: envelope.subject ?? ""))
        let data: JSONValue
        let dataOffset: Int
        if let member = members.first(where: { $0.key == "data" }), !member.value.isNull {
            data = member.value
            dataOffset = member.valueOffset
        } else if let member = members.first(where: { $0.key == "data_base64" }), !member.value.isNull {
            guard let decoded = base64JSON(member) else { return nil }
            data = decoded
            dataOffset = member.valueOffset
        } else {
            report("recording event has no \"data\"", at: offset)
            return nil
        }
        guard case .object(let fields) = data else {
            report("expected an object for \"data\", found \(data.kindName)", at: dataOffset)
            return nil
        }
        func field(_ name: String) -> JSONMember? { fields.first { $0.key == name } }
        event.dataRecordingId = string(field("recordingId"))
        event.storageType = string(field("storageType"))
        event.startTime = timestamp(field("recordingStartTime"))
        event.durationMs = integer(field("recordingDurationMs"))
        event.sessionEndReason = string(field("sessionEndReason"))
        event.contentType = string(field("recordingContentType"))
        event.channelType = string(field("recordingChannelType"))
        event.formatType = string(field("recordingFormatType"))
        if let storage = field("recordingStorageInfo"), !storage.value.isNull {
            guard case .object = storage.value else {
                report("expected an object for \"recordingStorageInfo\", found \(storage.value.kindName)", at: storage.valueOffset)
                return event
            }
            if let list = storage.value.member("recordingChunks"), !list.value.isNull {
                guard case .array(let elements) = list.value else {
                    report("expected an array for \"recordingChunks\", found \(list.value.kindName)", at: list.valueOffset)
                    return event
                }
                for element in elements {
                    guard case .object(let chunkFields) = element else {
                        report("expected an object for a recording chunk, found \(element.kindName)", at: list.valueOffset)
                        continue
                    }
                    func chunkField(_ name: String) -> JSONMember? { chunkFields.first { $0.key == name } }
                    event.chunks.append(Chunk(
                        index: integer(chunkField("index")),
                        documentId: string(chunkField("documentId")),
                        endReason: string(chunkField("endReason")),
                        contentLocation: string(chunkField("contentLocation")),
                        metadataLocation: string(chunkField("metadataLocation")),
                        deleteLocation: string(chunkField("deleteLocation"))
                    ))
                }
            }
        }
        return event
    }

    // MARK: - Field readers: wrong kinds are reported and read as missing.

    private mutating func string(_ member: JSONMember?) -> String? {
        guard let member else { return nil }
        switch member.value {
        case .string(let text): return text
        case .null: return nil
        case .number(let text): return text
        default:
            report("expected a string for \"\(member.key)\", found \(member.value.kindName)", at: member.valueOffset)
            return nil
        }
    }

    private mutating func integer(_ member: JSONMember?) -> Int64? {
        guard let member else { return nil }
        let text: String
        switch member.value {
        case .null: return nil
        case .number(let raw): text = raw
        case .string(let raw): text = raw.trimmingCharacters(in: .whitespaces)
        default:
            report("expected an integer for \"\(member.key)\", found \(member.value.kindName)", at: member.valueOffset)
            return nil
        }
        if let value = Int64(text) { return value }
        if let value = Double(text), value.rounded() == value, abs(value) < 9.0e18 { return Int64(value) }
        report("expected an integer for \"\(member.key)\", found \(text.debugDescription)", at: member.valueOffset)
        return nil
    }

    private mutating func timestamp(_ member: JSONMember?) -> Timestamp? {
        guard let text = string(member), let member else { return nil }
        if let time = Timestamp(iso8601: text) { return time }
        report("\"\(member.key)\" is not an ISO 8601 timestamp: \(text.debugDescription)", at: member.valueOffset)
        return nil
    }

    private mutating func base64JSON(_ member: JSONMember) -> JSONValue? {
        guard let text = member.value.stringValue,
              let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
            report("\"data_base64\" is not base64 text", at: member.valueOffset)
            return nil
        }
        let parsed: Result<JSONValue, JSONSyntaxError> = data.withUnsafeBytes { raw in
            var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self))
            do throws(JSONSyntaxError) {
                let value = try parser.parseValue()
                parser.skipWhitespace()
                if !parser.isAtEnd { throw parser.failure("expected end of data") }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        switch parsed {
        case .success(let value):
            return value
        case .failure(let error):
            report("\"data_base64\" does not hold JSON: \(error.message) at byte \(error.offset) of the decoded data",
                   at: member.valueOffset)
            return nil
        }
    }

    /// Reports a problem of the whole file, with no position.
    mutating func reportFile(_ message: String) {
        problems.append(Problem(file: file, message: message))
    }

    /// Reports a problem at byte `offset` of the file.
    mutating func report(_ message: String, at offset: Int) {
        let position = TextPosition(of: offset, in: bytes)
        problems.append(Problem(file: file, line: position.line, column: position.column, message: message))
    }
}
