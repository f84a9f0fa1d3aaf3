import Foundation
import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Synchronization
import Testing

/// A download runner that reports what it was asked, sends progress, and ends when the test says.
final class GatedDownloads: DownloadRunner, Sendable {
    let asked = Mutex<[String]>([])
    let release = DispatchSemaphore(value: 0)

    func download(_ recording: Recording, chunkPosition: Int?, progress: @escaping @Sendable (Int64, Int64?) -> Void) -> DownloadOutcome {
        asked.withLock { $0.append("\(recording.id) \(chunkPosition.map(String.init) ?? "all")") }
        progress(1 << 20, 4 << 20)
        release.wait()
        return DownloadOutcome(saved: 2, failed: 0, message: "2 files (4.0 MiB) in recordings/1027c4aa/rec-multi")
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
        downloads.release.signal()
        downloads.release.signal()
        try harness.waitFor("rec-multi chunk 0: 2 files (4.0 MiB) in recordings/1027c4aa/rec-multi")
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
