import Foundation
import Testing
@testable import RecDeckCore
import RecDeckTestSupport

@Suite struct EnvelopeTests {
    @Test func eventGridArray() {
        let contents = decode("[\(EventFixture.recording()), \(EventFixture.other())]")
        #expect(contents.problems.isEmpty)
        #expect(contents.events.count == 2)
        let event = try! #require(contents.recordingEvents.first)
        #expect(event.envelope.schema == .eventGrid)
        #expect(event.envelope.key == EventKey(
            source: "/subscriptions/s/resourceGroups/g/providers/microsoft.communication/communicationservices/acs",
            id: "ev-1", type: EventFixture.recordingType))
        #expect(event.subjectIds == RecordingSubject(callId: "call-1", recordingId: "rec-1"))
        #expect(event.durationMs == 6620)
        #expect(event.sessionEndReason == "CallEnded")
        #expect(event.contentType == "AudioVideo" && event.channelType == "Mixed" && event.formatType == "Mp4")
        #expect(event.chunks == [Chunk(
            index: 0, documentId: "0-weu-d7-doc", endReason: "SessionEnded",
            contentLocation: "https://storage.asm.skype.com/v1/objects/0-weu-d7-doc/content/video",
            metadataLocation: "https://storage.asm.skype.com/v1/objects/0-weu-d7-doc/content/acsmetadata",
            deleteLocation: "https://storage.asm.skype.com/v1/objects/0-weu-d7-doc/content/deletedata")])
    }

    @Test func singleObject() {
        let contents = decode(EventFixture.recording())
        #expect(contents.problems.isEmpty)
        #expect(contents.recordingEvents.count == 1)
    }

    @Test(arguments: ["specversion", "specVersion"])
    func cloudEvents(spelling: String) throws {
        let text = """
        {"\(spelling)": "1.0", "id": "ce-1", "source": "/subscriptions/s/acs", "type": "\(EventFixture.recordingType)",
         "time": "2021-07-27T15:20:34.2199328Z", "subject": "/recording/call/c/recordingId/r",
         "data": {"recordingStorageInfo": {"recordingChunks": []}, "recordingDurationMs": 10}}
        """
        let contents = decode(text)
        #expect(contents.problems.isEmpty)
        let event = try #require(contents.recordingEvents.first)
        #expect(event.envelope.schema == .cloudEvents)
        #expect(event.envelope.key.source == "/subscriptions/s/acs")
        #expect(event.envelope.time == Timestamp(iso8601: "2021-07-27T15:20:34.2199328Z"))
        #expect(event.subjectIds.recordingId == "r")
        #expect(event.chunks.isEmpty)
    }

    @Test func cloudEventsDataBase64() throws {
        let data = #"{"recordingStorageInfo": {"recordingChunks": [{"index": 0, "documentId": "d"}]}, "recordingDurationMs": 42}"#
        let encoded = Data(data.utf8).base64EncodedString()
        let text = """
        {"specversion": "1.0", "id": "b64", "source": "/s", "type": "\(EventFixture.recordingType)",
         "subject": "/recording/call/c/recordingId/r", "data_base64": "\(encoded)"}
        """
        let contents = decode(text)
        #expect(contents.problems.isEmpty)
        let event = try #require(contents.recordingEvents.first)
        #expect(event.durationMs == 42)
        #expect(event.chunks.first?.documentId == "d")
    }

    @Test func byteOrderMarkIsSkipped() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("[\(EventFixture.recording())]".utf8)
        let contents = bytes.withUnsafeBufferPointer { FileDecoder.decode($0, file: "bom.json", layout: .json) }
        #expect(contents.problems.isEmpty)
        #expect(contents.events.count == 1)
        #expect(contents.events[0].envelope.location.offset == 4)
    }

    @Test func deadLetterFieldsAreIgnored() {
        let text = EventFixture.recording(extra: #", "deadLetterReason": "MaxDeliveryAttemptsExceeded", "deliveryAttempts": 30, "lastDeliveryOutcome": "Probation""#)
        let contents = decode(text)
        #expect(contents.problems.isEmpty)
        #expect(contents.recordingEvents.count == 1)
    }

    @Test func jsonLinesBadLineSpoilsOnlyItself() {
        let line = { (id: String) in EventFixture.recording(id: id).replacingOccurrences(of: "\n", with: " ") }
        let text = line("a") + "\n" + "{\"id\": \"broken\", \n" + line("c") + "\n\n" + line("d") + "\n"
        let contents = decode(text, file: "events.jsonl")
        #expect(contents.recordingEvents.map(\.envelope.key.id) == ["a", "c", "d"])
        #expect(contents.problems.count == 1)
        #expect(contents.problems.first?.line == 2)
        #expect(contents.problems.first?.file == "events.jsonl")
    }

    @Test func ndjsonExtensionIsJSONLines() {
        #expect(FileDecoder.Layout(fileName: "x.NDJSON") == .jsonLines)
        #expect(FileDecoder.Layout(fileName: "x.JsonL") == .jsonLines)
        #expect(FileDecoder.Layout(fileName: "x.json") == .json)
    }

    @Test func concatenatedValuesInJSONFile() {
        let contents = decode(EventFixture.recording(id: "a") + "\n" + EventFixture.recording(id: "b"))
        #expect(contents.problems.isEmpty)
        #expect(contents.recordingEvents.map(\.envelope.key.id) == ["a", "b"])
    }

    @Test func locationPointsAtTheEventBytes() {
        let first = EventFixture.recording(id: "a"), second = EventFixture.other()
        let text = "[\n  \(first),\n  \(second)\n]"
        let contents = decode(text)
        let bytes = Array(text.utf8)
        for (event, expected) in zip(contents.events, [first, second]) {
            let location = event.envelope.location
            #expect(String(decoding: bytes[location.offset..<location.offset + location.length], as: UTF8.self) == expected)
        }
    }

    @Test func otherEventsAndSubscriptionValidationAreKept() {
        let validation = """
        {"id": "v", "topic": "/subscriptions/x", "subject": "", "data": {"validationCode": "c", "validationUrl": "https://x"},
         "eventType": "Microsoft.EventGrid.SubscriptionValidationEvent", "eventTime": "2018-01-25T22:12:19.4556811Z", "dataVersion": "1"}
        """
        let contents = decode("[\(validation), \(EventFixture.other())]")
        #expect(contents.problems.isEmpty)
        #expect(contents.events.count == 2)
        #expect(contents.recordingEvents.isEmpty)
        guard case .other(let envelope) = contents.events[0] else { Issue.record("not an other event"); return }
        #expect(envelope.key.type == "Microsoft.EventGrid.SubscriptionValidationEvent")
        #expect(envelope.subject == "")
    }
}

@Suite struct FieldTests {
    @Test func everyFieldMayBeNullOrMissing() throws {
        let text = """
        {"id": "n", "topic": null, "subject": "/recording/call/c", "eventType": "\(EventFixture.recordingType)",
         "eventTime": null, "data": {"recordingStorageInfo": {"recordingChunks": [{"documentId": null, "index": null,
         "endReason": null, "contentLocation": null, "metadataLocation": null, "deleteLocation": null}]},
         "recordingStartTime": null, "recordingDurationMs": null, "sessionEndReason": null,
         "recordingContentType": null, "recordingChannelType": null, "recordingFormatType": null,
         "storageType": null, "recordingId": null}}
        """
        let contents = decode(text)
        #expect(contents.problems.isEmpty)
        let event = try #require(contents.recordingEvents.first)
        #expect(event.envelope.key.source == "")
        #expect(event.envelope.time == nil && event.startTime == nil && event.durationMs == nil)
        #expect(event.chunks == [Chunk()])
        #expect(event.recordingKey == "n")
    }

    @Test func nullAndMissingStorageInfo() {
        let nullChunks = decode("""
        {"id": "a", "subject": "/recording/call/c", "eventType": "\(EventFixture.recordingType)",
         "data": {"recordingStorageInfo": {"recordingChunks": null}}}
        """)
        #expect(nullChunks.problems.isEmpty)
        #expect(nullChunks.recordingEvents.first?.chunks == [])
        let noStorage = decode(#"{"id": "b", "eventType": "\#(EventFixture.recordingType)", "data": {}}"#)
        #expect(noStorage.problems.isEmpty)
        #expect(noStorage.recordingEvents.count == 1)
    }

    @Test func sixtyFourBitNumbersStayExact() throws {
        let contents = decode(EventFixture.recording(
            durationMs: "9007199254740993", chunks: [EventFixture.chunk(index: 0).replacingOccurrences(of: "\"index\": 0", with: "\"index\": 9223372036854775807")]))
        let event = try #require(contents.recordingEvents.first)
        #expect(event.durationMs == 9_007_199_254_740_993)
        #expect(event.chunks.first?.index == Int64.max)
    }

    @Test func numbersWrittenAsStringsAreRead() throws {
        let contents = decode(EventFixture.recording(durationMs: "\"6620\""))
        #expect(contents.problems.isEmpty)
        #expect(contents.recordingEvents.first?.durationMs == 6620)
    }

    @Test func openEnumsAreKeptVerbatim() throws {
        let text = EventFixture.recording().replacingOccurrences(of: "\"AudioVideo\"", with: "\"aUdIoViDeO\"")
            .replacingOccurrences(of: "\"Mixed\"", with: "\"SomeFutureChannelType\"")
        let event = try #require(decode(text).recordingEvents.first)
        #expect(event.contentType == "aUdIoViDeO")
        #expect(event.channelType == "SomeFutureChannelType")
    }

    @Test func bringYourOwnStorageFields() throws {
        let text = EventFixture.recording(recording: nil).replacingOccurrences(
            of: "\"recordingFormatType\": \"Mp4\"", with: "\"recordingFormatType\": \"Mp4\", \"storageType\": \"blobstorage\", \"recordingId\": \"byos-1\"")
        let event = try #require(decode(text).recordingEvents.first)
        #expect(event.storageType == "blobstorage")
        #expect(event.dataRecordingId == "byos-1")
        #expect(event.recordingKey == "byos-1")
    }

    @Test func wrongKindIsReportedAndTheEventKept() throws {
        let contents = decode(EventFixture.recording(durationMs: "{\"ms\": 5}"))
        #expect(contents.recordingEvents.count == 1)
        #expect(contents.recordingEvents.first?.durationMs == nil)
        let problem = try #require(contents.problems.first)
        #expect(problem.message.contains("recordingDurationMs"))
        #expect(problem.line == 8)
    }

    @Test func badTimestampIsReported() throws {
        let contents = decode(EventFixture.recording(start: "yesterday"))
        #expect(contents.recordingEvents.first?.startTime == nil)
        #expect(try #require(contents.problems.first).message.contains("recordingStartTime"))
    }

    @Test func dataNullIsAProblem() {
        let contents = decode(#"[{"id": "x", "eventType": "\#(EventFixture.recordingType)", "data": null}]"#)
        #expect(contents.events.isEmpty)
        #expect(contents.problems.count == 1)
        #expect(contents.problems.first?.message.contains("data") == true)
    }
}

@Suite struct SubjectTests {
    @Test(arguments: [
        ("/recording/call/C", RecordingSubject(callId: "C")),
        ("/recording/call/C/recordingId/R", RecordingSubject(callId: "C", recordingId: "R")),
        ("/recording/call/C/serverCallId/S", RecordingSubject(callId: "C", serverCallId: "S")),
        ("/recording/call/C/serverCallId/S/recordingId/R", RecordingSubject(callId: "C", serverCallId: "S", recordingId: "R")),
        ("/recording/call/C/recordingId/R/serverCallId/S", RecordingSubject(callId: "C", serverCallId: "S", recordingId: "R")),
        ("", RecordingSubject()),
        ("/recording/call", RecordingSubject()),
    ])
    func variants(subject: String, expected: RecordingSubject) {
        #expect(RecordingSubject(parsing: subject) == expected)
    }

    @Test func serverCallIdDecodes() {
        let url = "https://apac-api.asm.skype.com/v1/conversations/19:meeting_abc@thread.v2"
        let encoded = Data(url.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        #expect(RecordingSubject.decodedServerCallId(encoded) == url)
        #expect(RecordingSubject.decodedServerCallId("not base64!") == nil)
    }

    @Test func keyFallsBackToCallAndFirstDocument() throws {
        let text = EventFixture.recording(recording: nil, chunks: [EventFixture.chunk(index: 1, document: "d1"), EventFixture.chunk(index: 0, document: "d0")])
        let event = try #require(decode(text).recordingEvents.first)
        #expect(event.recordingKey == "call-1/d0")
    }
}

@Suite struct ProblemTests {
    @Test func truncatedFileKeepsCompleteEventsAndSaysWhere() throws {
        let text = "[\n\(EventFixture.recording(id: "a")),\n\(EventFixture.recording(id: "b"))"
        let cut = String(text.dropLast(40))
        let contents = decode(cut)
        #expect(contents.recordingEvents.map(\.envelope.key.id) == ["a"])
        let problem = try #require(contents.problems.first)
        #expect(problem.line != nil && problem.column != nil)
        #expect(problem.message.contains("end of input"))
    }

    @Test func syntaxErrorLineAndColumn() throws {
        let contents = decode("[\n  {\"id\": \"x\",\n    \"eventType\" 5}\n]")
        let problem = try #require(contents.problems.first)
        #expect(problem.line == 3)
        #expect(problem.column == 17)
        #expect(problem.message == "expected ':' after object key, found '5'")
        #expect(problem.description == "events.json:3:17: expected ':' after object key, found '5'")
    }

    @Test func emptyFile() {
        #expect(decode("  \n").problems.first?.message == "the file is empty")
    }

    @Test func notAnEvent() {
        let contents = decode(#"[{"hello": "world"}, 42]"#)
        #expect(contents.events.isEmpty)
        #expect(contents.problems.count == 2)
        #expect(contents.problems[0].message.contains("eventType"))
        #expect(contents.problems[1].message.contains("number"))
    }

    @Test func utf16IsReported() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("[]".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let contents = bytes.withUnsafeBufferPointer { FileDecoder.decode($0, file: "u.json", layout: .json) }
        #expect(contents.problems.first?.message.contains("UTF-16") == true)
    }

    @Test func invalidUTF8IsReported() {
        var bytes = Array(EventFixture.recording().utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "c"))!
        bytes[at] = 0xC3
        bytes.insert(0x28, at: at + 1)
        let contents = bytes.withUnsafeBufferPointer { FileDecoder.decode($0, file: "x.json", layout: .json) }
        #expect(contents.problems.first?.message == "invalid UTF-8 in string")
    }

    @Test func deepNestingIsAProblemNotACrash() {
        let text = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        let contents = decode(text)
        #expect(contents.problems.first?.message.contains("nested more than") == true)
    }
}

/// Chunk URLs are kept as a shape around the documentId, matched against the file's bytes: every
/// URL must read back exactly as written, whatever its shape.
@Suite struct ChunkURLShapeTests {
    private func chunk(_ document: String, content: String?, metadata: String?, delete: String?) -> String {
        func field(_ name: String, _ value: String?) -> String { value.map { ", \"\(name)\": \"\($0)\"" } ?? "" }
        return "{\"documentId\": \"\(document)\", \"index\": 0"
            + field("contentLocation", content) + field("metadataLocation", metadata) + field("deleteLocation", delete) + "}"
    }

    @Test func everyShapeReadsBackAsWritten() throws {
        let base = "https://storage.asm.skype.com/v1/objects/"
        let cases: [(document: String, content: String?, metadata: String?, delete: String?, expected: [String?])] = [
            ("0-weu-d1-aaaa", base + "0-weu-d1-aaaa/content/video", base + "0-weu-d1-aaaa/content/acsmetadata",
             base + "0-weu-d1-aaaa/content/deletedata",
             [base + "0-weu-d1-aaaa/content/video", base + "0-weu-d1-aaaa/content/acsmetadata", base + "0-weu-d1-aaaa/content/deletedata"]),
            // The same shape around a longer id (shared with the first chunk).
            ("0-weu-d1-bbbbbbbb", base + "0-weu-d1-bbbbbbbb/content/video", base + "0-weu-d1-bbbbbbbb/content/acsmetadata",
             base + "0-weu-d1-bbbbbbbb/content/deletedata",
             [base + "0-weu-d1-bbbbbbbb/content/video", base + "0-weu-d1-bbbbbbbb/content/acsmetadata",
              base + "0-weu-d1-bbbbbbbb/content/deletedata"]),
            // The same prefix and suffix, but no metadata URL: not the first shape.
            ("0-weu-d1-cc", base + "0-weu-d1-cc/content/video", nil, base + "0-weu-d1-cc/content/deletedata",
             [base + "0-weu-d1-cc/content/video", nil, base + "0-weu-d1-cc/content/deletedata"]),
            // Escaped in the file (`\/`): read as a string, then shaped.
            ("0-weu-d1-dd", "https:\\/\\/storage.asm.skype.com\\/v1\\/objects\\/0-weu-d1-dd\\/content\\/video",
             base + "0-weu-d1-dd/content/acsmetadata", base + "0-weu-d1-dd/content/deletedata",
             [base + "0-weu-d1-dd/content/video", base + "0-weu-d1-dd/content/acsmetadata", base + "0-weu-d1-dd/content/deletedata"]),
            // The id twice in a URL, and a URL without it: kept verbatim.
            ("twice", "https://x/twice/twice/video", "https://x/other/acsmetadata", nil,
             ["https://x/twice/twice/video", "https://x/other/acsmetadata", nil]),
            // Beyond ASCII, and an id that is also part of the first shape's prefix.
            ("objects", "https://s/é/objects/ü", base + "objects/content/acsmetadata", base + "objects/content/deletedata",
             ["https://s/é/objects/ü", base + "objects/content/acsmetadata", base + "objects/content/deletedata"]),
        ]
        let events = cases.enumerated().map { number, item in
            EventFixture.recording(id: "ev-\(number)", recording: "rec-\(number)",
                                   chunks: [chunk(item.document, content: item.content, metadata: item.metadata, delete: item.delete)])
        }
        let contents = decode("[" + events.joined(separator: ",") + "]")
        #expect(contents.problems.isEmpty)
        let chunks = contents.recordingEvents.map { $0.chunks.first }
        #expect(chunks.count == cases.count)
        for (item, chunk) in zip(cases, chunks) {
            let chunk = try #require(chunk)
            #expect([chunk.contentLocation, chunk.metadataLocation, chunk.deleteLocation] == item.expected, "\(item.document)")
        }
    }
}

/// Strings are scanned sixteen bytes at a time: whatever ends, escapes or spoils a string must be
/// seen at every position of a long one, not only at the start of a sixteen-byte step.
@Suite struct LongStringScanTests {
    private func contents(topic: [UInt8]) -> FileContents {
        let before = Array(#"{"id": "e", "topic": ""#.utf8)
        let after = Array(#"", "subject": "s", "eventType": "T", "eventTime": "2026-10-01T08:00:00Z", "data": {}}"#.utf8)
        let bytes = before + topic + after
        return bytes.withUnsafeBufferPointer { FileDecoder.decode($0, file: "x.json", layout: .json) }
    }

    @Test(arguments: Array(0..<40))
    func everyPositionOfALongString(at position: Int) {
        let plain = Array(repeating: UInt8(ascii: "a"), count: 48)
        var invalid = plain
        invalid.replaceSubrange(position..<(position + 1), with: [0xC3, 0x28])
        #expect(contents(topic: invalid).problems.map(\.message) == ["invalid UTF-8 in string"])
        var control = plain
        control[position] = 0x01
        #expect(contents(topic: control).problems.map(\.message) == ["unescaped control character in string, found byte 0x1"])
        var escaped = plain
        escaped.replaceSubrange(position..<(position + 1), with: Array(#"\""#.utf8))
        let quoted = contents(topic: escaped)
        #expect(quoted.problems.isEmpty)
        #expect(quoted.events.first?.envelope.key.source == String(repeating: "a", count: position) + "\"" + String(repeating: "a", count: 47 - position))
        var accented = plain
        accented.replaceSubrange(position..<(position + 1), with: Array("é".utf8))
        #expect(contents(topic: accented).events.first?.envelope.key.source == String(repeating: "a", count: position) + "é" + String(repeating: "a", count: 47 - position))
    }
}
