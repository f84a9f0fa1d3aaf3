import Foundation
import RecDeckCore

/// A fresh directory under /tmp, removed when the value is released.
public final class TemporaryDirectory {
    public let path: String

    public init() {
        var template = Array("/tmp/recdeck-test-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The directory as a file URL.
    public var url: URL { URL(fileURLWithPath: path) }

    /// Writes `text` to `relative` (creating parent folders) and returns the full path.
    @discardableResult
    public func write(_ relative: String, _ text: String) -> String {
        write(relative, bytes: Array(text.utf8))
    }

    @discardableResult
    public func write(_ relative: String, bytes: [UInt8]) -> String {
        let full = path + "/" + relative
        try? FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileWriter.write(bytes, to: full)
        return full
    }
}

/// Event JSON text for tests, in either envelope.
public enum EventFixture {
    public static let recordingType = "Microsoft.Communication.RecordingFileStatusUpdated"

    /// One chunk object; its URLs under `base` (the media host).
    public static func chunk(index: Int, document: String = "0-weu-d7-doc", endReason: String = "SessionEnded",
                             base: String = "https://storage.asm.skype.com") -> String {
        """
        {"documentId": "\(document)", "index": \(index), "endReason": "\(endReason)",
         "contentLocation": "\(base)/v1/objects/\(document)/content/video",
         "metadataLocation": "\(base)/v1/objects/\(document)/content/acsmetadata",
         "deleteLocation": "\(base)/v1/objects/\(document)/content/deletedata"}
        """
    }

    /// A RecordingFileStatusUpdated event in the Event Grid schema.
    public static func recording(
        id: String = "ev-1", topic: String? = "/subscriptions/s/resourceGroups/g/providers/microsoft.communication/communicationservices/acs",
        call: String = "call-1", recording: String? = "rec-1", serverCallId: String? = nil,
        eventTime: String = "2026-10-01T08:00:10.5Z", start: String? = "2026-10-01T08:00:00.1234567Z",
        durationMs: String = "6620", endReason: String = "CallEnded", chunks: [String]? = nil,
        extra: String = ""
    ) -> String {
        var subject = "/recording/call/\(call)"
        if let serverCallId { subject += "/serverCallId/\(serverCallId)" }
        if let recording { subject += "/recordingId/\(recording)" }
        let chunkList = (chunks ?? [chunk(index: 0)]).joined(separator: ",")
        return """
        {"id": "\(id)", \(topic.map { "\"topic\": \"\($0)\"," } ?? "")
         "subject": "\(subject)",
         "data": {"recordingStorageInfo": {"recordingChunks": [\(chunkList)]},
                  \(start.map { "\"recordingStartTime\": \"\($0)\"," } ?? "")
                  "recordingDurationMs": \(durationMs), "sessionEndReason": "\(endReason)",
                  "recordingContentType": "AudioVideo", "recordingChannelType": "Mixed", "recordingFormatType": "Mp4"},
         "eventType": "\(recordingType)", "dataVersion": "1.0", "metadataVersion": "1",
         "eventTime": "\(eventTime)"\(extra)}
        """
    }

    /// An event of another type, Event Grid schema.
    public static func other(id: String = "other-1", type: String = "Microsoft.Communication.CallStarted",
                      eventTime: String = "2026-10-01T07:59:00Z") -> String {
        """
        {"id": "\(id)", "topic": "/subscriptions/s", "subject": "call/x", "data": {"x": 1},
         "eventType": "\(type)", "dataVersion": "1.0", "eventTime": "\(eventTime)"}
        """
    }
}

/// Decodes `text` as if it were the file `name`.
public func decode(_ text: String, file name: String = "events.json") -> FileContents {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { FileDecoder.decode($0, file: name, layout: .init(fileName: name)) }
}

extension FileContents {
    /// The recording events, in file order.
    public var recordingEvents: [RecordingEvent] {
        events.compactMap { if case .recording(let event) = $0 { event } else { nil } }
    }
}

extension TemporaryDirectory {
    /// The dashboard tests' directory: two recordings (rec-multi with two chunks, rec-single) in
    /// `2026/10/01/`, and another event type in `calls.json`.
    public static func twoRecordings() -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        directory.write("2026/10/01/a.json", "[\(EventFixture.recording(id: "e1", call: "1027c4aa", recording: "rec-multi", eventTime: "2026-10-01T08:58:00Z", start: "2026-10-01T07:55:55Z", durationMs: "3725000", chunks: [EventFixture.chunk(index: 0, document: "0-weu-d7-e4", endReason: "ChunkMaximumTimeExceeded"), EventFixture.chunk(index: 1, document: "0-weu-d20-b", endReason: "SessionEnded")]))]")
        directory.write("2026/10/01/b.json", "[\(EventFixture.recording(id: "e2", call: "99ab01ff", recording: "rec-single", eventTime: "2026-10-01T08:57:00Z", start: "2026-10-01T07:50:00Z", durationMs: "6000"))]")
        directory.write("calls.json", EventFixture.other())
        return directory
    }
}
