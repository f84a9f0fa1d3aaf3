import Foundation
import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Synchronization
import Testing

/// A download runner that reports what it was asked, sends progress, and ends when the test
/// releases that download (the first asked waits on `gates[0]`, the second on `gates[1]`).
final class GatedDownloads: DownloadRunner, Sendable {
    let asked = Mutex<[String]>([])
    let gates = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]

    func download(_ recording: Recording, chunkPosition: Int?, metadataOnly: Bool,
                  progress: @escaping @Sendable (Int64, Int64?) -> Void) -> DownloadOutcome {
        let number = asked.withLock { asked -> Int in
            asked.append("\(recording.id) \(chunkPosition.map(String.init) ?? "all")")
            return asked.count - 1
        }
        progress(1 << 20, 4 << 20)
        gates[number].wait()
        return DownloadOutcome(saved: 2, failed: 0, message: "\(number + 1) done")
    }
}

/// `d` in the dashboard: a download on a worker, its progress in the downloads line while the
/// keys keep working, and its end in the status bar.
@Suite struct DownloadKeyTests {
    @Test func dDownloadsOnAWorkerWithProgressThenReportsTheEnd() throws {
        let downloads = GatedDownloads()
        let harness = try ProgramHarness(TemporaryDirectory.twoRecordings(), downloads: downloads)
        try harness.waitFor("rec-multi")
        harness.backend.press(.character("d"))
        try harness.waitWhileRunning(for: " ↓ 1 download: 1.0 MiB of 4.0 MiB · rec-multi")
        #expect(harness.line(39) == " ↓ 1 download: 1.0 MiB of 4.0 MiB · rec-multi")
        // The keys still work while it runs: into the chunks pane, a second download of one chunk.
        harness.backend.send([.key(.tab), .key(.character("d"))])
        try harness.waitWhileRunning(for: " ↓ 2 downloads: 2.0 MiB of 8.0 MiB · rec-multi, rec-multi chunk 0")
        #expect(harness.program.state.focus == .chunks)
        // D lists them, each with its progress.
        harness.backend.press(.character("D"))
        let overlay = try harness.waitWhileRunning(for: "Downloads (2)")
        for label in ["rec-multi", "rec-multi chunk 0"] {
            let row = label + String(repeating: " ", count: 40 - label.count) + "  1.0 MiB of 4.0 MiB  25 %"
            #expect(overlay.contains(row), "\(row) not in:\n\(overlay)")
        }
        harness.backend.press(.escape)
        let closing = Date().addingTimeInterval(10)
        while harness.program.state.mode != .browse, Date() < closing { _ = harness.program.step(maximumWait: 10) }
        #expect(harness.program.state.mode == .browse)
        // q asks first while downloads run; another key cancels the question.
        harness.backend.press(.character("q"))
        try harness.waitWhileRunning(for: " 2 downloads running (.part files resume with recdeck fetch): q again to quit")
        harness.backend.send([.key(.character("j")), .key(.character("q"))])
        try harness.waitWhileRunning(for: " 2 downloads running (.part files resume with recdeck fetch): q again to quit")
        #expect(harness.program.state.quitWhileDownloadingAsked)
        downloads.gates[0].signal()
        try harness.waitWhileRunning(for: " rec-multi: 1 done")
        #expect(harness.program.state.downloads.map(\.label) == ["rec-multi chunk 0"])
        downloads.gates[1].signal()
        try harness.waitFor(" rec-multi chunk 0: 2 done")
        #expect(downloads.asked.withLock { $0 } == ["rec-multi all", "rec-multi 0"])
        #expect(harness.program.state.downloads.isEmpty)
    }

    @Test func withoutCredentialsDSaysWhy() throws {
        let harness = try ProgramHarness(TemporaryDirectory.twoRecordings())
        try harness.waitFor("rec-multi")
        try harness.press(.character("d"), thenWaitFor: "rec-multi: cannot download: no credentials")
        #expect(harness.program.state.downloads.isEmpty)
    }
}

/// The chunk detail shows the chunk's metadata document when one is saved in the folder.
@Suite struct ChunkMetadataDetailTests {
    @Test func theDetailShowsTheDocument() throws {
        let folder = TemporaryDirectory()
        folder.write("events.json", EventFixture.recording(chunks: [EventFixture.chunk(index: 0, document: "doc0")]))
        folder.write("call-1-acsmetadata.doc0.json", """
            {"chunkDocumentId": "doc0", "chunkIndex": 0, "chunkStartTime": "2026-10-01T08:00:00Z", "chunkDuration": 6620.4,
             "pauseResumeIntervals": [{"startTime": "2026-10-01T08:00:02Z", "duration": 1500}],
             "recordingInfo": {"contentType": "audio", "channelType": "unmixed", "format": "wav",
                               "audioConfiguration": {"sampleRate": "16000", "channels": 2}},
             "participants": [{"participantId": "8:acs:one", "channel": 0}, {"participantId": "8:acs:two", "channel": 1}]}
            """)
        let harness = try ProgramHarness(folder, height: 90)
        try harness.waitFor("rec-1")
        let screen = try harness.press(.tab, .enter, thenWaitFor: "participants")
        for expected in ["metadata document", "call-1-acsmetadata.doc0.json", "chunkDuration",
                         "2026-10-01T08:00:02.000Z for 0m01s", "audio · unmixed · wav", "sampleRate 16000, channels 2",
                         "8:acs:one → channel 0, 8:acs:two →"] {
            #expect(screen.contains(expected), "\(expected) not on the screen:\n\(screen)")
        }
    }
}

/// `q` while downloads run: the first asks, a second in a row quits, another key in between cancels.
@Suite struct QuitWhileDownloadingTests {
    @Test func secondQQuits() {
        var state = AppState(directory: "~/events", size: (120, 40), now: Timestamp(iso8601: "2026-10-01T09:00:00Z")!)
        #expect(update(&state, .input(.key(.character("q")))) == [.quit])
        state.downloads = [DownloadStatus(request: DownloadRequest(id: 1, recordingId: "r", chunkPosition: nil), label: "r")]
        #expect(update(&state, .input(.key(.character("q")))) == [])
        #expect(state.message?.text == "1 download running (.part files resume with recdeck fetch): q again to quit")
        #expect(update(&state, .input(.key(.character("t")))) == [])
        #expect(update(&state, .input(.key(.character("q")))) == [])
        #expect(update(&state, .input(.key(.character("q")))) == [.quit])
    }
}

/// A runner that answers at once with the metadata document it "saved", and notes what it was asked.
final class MetadataDownloads: DownloadRunner, Sendable {
    let document: ChunkMetadata
    let asked = Mutex<[String]>([])

    init(document: ChunkMetadata) { self.document = document }

    func download(_ recording: Recording, chunkPosition: Int?, metadataOnly: Bool,
                  progress: @escaping @Sendable (Int64, Int64?) -> Void) -> DownloadOutcome {
        asked.withLock { $0.append("\(recording.id) \(chunkPosition.map(String.init) ?? "all")\(metadataOnly ? " metadata" : "")") }
        return DownloadOutcome(saved: 1, failed: 0, message: "1 file", metadata: [document])
    }
}

/// A chunk whose metadata document is not in the folder: opening the chunk detail downloads the
/// document (only it, not the media), and the detail shows what it says; once known, it is not
/// asked for again.
@Suite struct DownloadedMetadataDetailTests {
    @Test func theDetailFetchesTheDocumentAndShowsIt() throws {
        let folder = TemporaryDirectory()
        folder.write("events.json", EventFixture.recording(chunks: [EventFixture.chunk(index: 0, document: "doc0")]))
        let saved = decode("""
            {"chunkDocumentId": "doc0", "chunkIndex": 0, "chunkStartTime": "2026-10-01T08:00:00Z", "chunkDuration": 6620.4,
             "recordingInfo": {"contentType": "audio", "channelType": "unmixed", "format": "wav"},
             "participants": [{"participantId": "8:acs:one", "channel": 0}]}
            """, file: "rec-1/doc0.acsmetadata.json")
        let document = try #require(saved.metadata.first)
        let downloads = MetadataDownloads(document: document)
        let harness = try ProgramHarness(folder, height: 90, downloads: downloads)
        try harness.waitFor("rec-1")
        let screen = try harness.press(.tab, .enter, thenWaitFor: "participants")
        for expected in ["metadata document", "rec-1/doc0.acsmetadata.json", "audio · unmixed · wav", "8:acs:one → channel 0",
                         "rec-1 chunk 0 metadata: 1 file"] {
            #expect(screen.contains(expected), "\(expected) not on the screen:\n\(screen)")
        }
        // Closed and opened again: the document is known, nothing is downloaded again.
        try harness.press(.escape, .enter, thenWaitFor: "participants")
        #expect(downloads.asked.withLock { $0 } == ["rec-1 0 metadata"])
    }
}
