import Foundation
import RecDeckCore

/// A simulated live feed for `recdeck demo`: writes Event Grid deliveries into a directory the way a
/// webhook collector would (write to a temporary name, then rename), a new recording every second
/// or two, some in several chunks, now and then a failed chunk, a redelivery or a broken file.
final class DemoFeed: @unchecked Sendable {
    let directory: String
    private let lock = NSLock()
    private var running = true
    private var thread: Thread?
    private var sequence = 0
    private var random = SystemRandomNumberGenerator()

    init(directory: String) {
        self.directory = directory
    }

    /// Writes a few recordings at once so the first screen is not empty, then starts the feed.
    func start() {
        for _ in 0..<6 { writeNext(ageSeconds: Int.random(in: 60...5400)) }
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: Double.random(in: 1.0...2.0))
                // Written under the lock, so that `stop()` waits for a write under way: the folder
                // removed after it stays removed.
                lock.lock()
                let running = running
                if running { writeNext(ageSeconds: 0) }
                lock.unlock()
                if !running { break }
            }
        }
        thread.start()
        self.thread = thread
    }

    /// Ends the feed; returns once no file is being written.
    func stop() {
        lock.lock()
        running = false
        lock.unlock()
    }

    private var lastEvent: String?

    private func writeNext(ageSeconds: Int) {
        sequence += 1
        let now = Timestamp.now()
        let roll = Int.random(in: 0..<20)
        if roll == 0, let lastEvent {
            // At-least-once delivery: the same event again, in another file.
            deliver("[\n\(lastEvent)\n]\n")
            return
        }
        if roll == 1 {
            // A collector that crashed half-way through a write.
            let broken = "[\n  {\"id\": \"\(UUID().uuidString.lowercased())\", \"eventType\": \"\(EventDecoderName.recording)\",\n    \"data\": {\"recordingDurationMs\": 12"
            deliver(broken)
            return
        }
        let chunkCount = roll < 6 ? Int.random(in: 2...4) : 1
        let durationMs = chunkCount > 1 ? Int64(chunkCount - 1) * 14_400_000 + Int64.random(in: 60_000...3_000_000)
            : Int64.random(in: 4_000...3_600_000)
        let end = now.nanoseconds - Int64(ageSeconds) * 1_000_000_000
        let start = Timestamp(nanoseconds: end - durationMs * 1_000_000)
        let failed = roll == 2 || roll == 3
        let event = Self.event(start: start, eventTime: Timestamp(nanoseconds: end), durationMs: durationMs,
                               chunks: chunkCount, failedChunk: failed ? chunkCount - 1 : nil)
        lastEvent = event
        deliver("[\n\(event)\n]\n")
    }

    /// Writes `text` into a date folder, under a temporary name first and then renamed.
    private func deliver(_ text: String) {
        let c = Timestamp.now().components()
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let folder = "\(directory)/\(c.year)/\(two(c.month))/\(two(c.day))"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let name = String(format: "eventgrid-%07d.json", sequence)
        FileWriter.write(Array(text.utf8), to: "\(folder)/\(name)")
    }

    static func event(start: Timestamp, eventTime: Timestamp, durationMs: Int64, chunks: Int, failedChunk: Int?) -> String {
        let call = UUID().uuidString.lowercased()
        let recording = Data("{\"PlatformEndpointId\":\"\(UUID().uuidString.lowercased())\",\"ResourceSpecificId\":\"\(UUID().uuidString.lowercased())\"}".utf8)
            .base64EncodedString().replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
        let formats = [("Mp4", "AudioVideo"), ("Mp3", "Audio"), ("Wav", "Audio")]
        let (format, content) = formats.randomElement()!
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("id", UUID().uuidString.lowercased())
        writer.field("topic", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/demo/providers/Microsoft.Communication/communicationServices/recdeck-demo")
        writer.field("subject", "/recording/call/\(call)/recordingId/\(recording)")
        writer.key("data")
        writer.beginObject()
        writer.key("recordingStorageInfo")
        writer.beginObject()
        writer.key("recordingChunks")
        writer.beginArray()
        for index in 0..<chunks {
            let document = "0-weu-d\(Int.random(in: 1...20))-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let base = "https://weu-storage.asm.skype.com/v1/objects/\(document)"
            writer.beginObject()
            writer.field("documentId", document)
            writer.field("index", Int64(index))
            writer.field("endReason", index == failedChunk ? "ChunkUploadFailure"
                         : index == chunks - 1 ? "SessionEnded" : "ChunkMaximumTimeExceeded")
            writer.field("contentLocation", base + "/content/video")
            writer.field("metadataLocation", base + "/content/acsmetadata")
            writer.field("deleteLocation", base)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        writer.field("recordingStartTime", start.iso8601UTC)
        writer.field("recordingDurationMs", durationMs)
        writer.field("sessionEndReason", Bool.random() ? "CallEnded" : "InitiatorLeft")
        writer.field("recordingContentType", content)
        writer.field("recordingChannelType", "Mixed")
        writer.field("recordingFormatType", format)
        writer.endObject()
        writer.field("eventType", EventDecoderName.recording)
        writer.field("dataVersion", "1.0")
        writer.field("metadataVersion", "1")
        writer.field("eventTime", eventTime.iso8601UTC)
        writer.endObject()
        return writer.text
    }
}

/// The event type the demo writes.
private enum EventDecoderName {
    static let recording = "Microsoft.Communication.RecordingFileStatusUpdated"
}
