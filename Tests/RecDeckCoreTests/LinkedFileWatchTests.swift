import Foundation
import Testing
@testable import RecDeckCore
import RecDeckTestSupport

/// A change made through a symbolic link's target outside the tree, or through another hard link,
/// sends no notification for the watched folder: the watcher re-stats such files and sees it.
@Suite struct LinkedFileWatchTests {
    @Test(arguments: WatchFlavor.allCases)
    func changesThroughALinkTargetOrAnotherHardLinkAreSeen(flavor: WatchFlavor) async throws {
        let sandbox = WatcherTests.Sandbox()
        Disk.write(sandbox.outside + "/target.json", Disk.event(1))
        symlink(sandbox.outside + "/target.json", sandbox.path("linked.json"))
        Disk.write(sandbox.path("hard.json"), Disk.event(2))
        link(sandbox.path("hard.json"), sandbox.outside + "/other-name.json")
        let watcher = try DirectoryWatcher(root: sandbox.root, options: flavor.options())
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        try await log.wait(for: "the first scan") { log.recordingsFromBatches.keys.sorted() == ["rec-1", "rec-2"] }
        // Written in place through the target's own path and through the other hard link.
        Disk.write(sandbox.outside + "/target.json", Disk.event(1, recording: "rec-1b"))
        Disk.write(sandbox.outside + "/other-name.json", Disk.event(2, recording: "rec-2b"))
        try await log.wait(for: "both changes") { log.recordingsFromBatches.keys.sorted() == ["rec-1b", "rec-2b"] }
        try await log.expectMatchesFreshScan(of: sandbox.root)
    }
}

/// Thousands of files of one recording arriving while watched: each new event is merged once
/// (rebuilding the recording from all its events on each arrival took 23 s for 3,000 files).
@Suite struct OneRecordingArrivingLiveTests {
    @Test func eachArrivingEventOfOneRecordingIsMergedOnce() async throws {
        let sandbox = WatcherTests.Sandbox()
        let watcher = try DirectoryWatcher(root: sandbox.root, options: WatchFlavor.notifications.options(settle: .milliseconds(50)))
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        try await log.wait(for: "the first scan") { watcher.status == .live }
        let files = 1_000
        let started = Date()
        let base = Timestamp(iso8601: "2026-10-01T08:00:00Z")!
        for index in 0..<files {
            let time = base.advanced(by: Int64(index) * 1_000_000_000)
            Disk.atomicWrite(sandbox.path("f\(index).json"), "[" + EventFixture.recording(
                id: "e\(index)", eventTime: time.iso8601UTC, chunks: [EventFixture.chunk(index: index, document: "d\(index)")]) + "]")
        }
        try await log.wait(for: "every event") { watcher.snapshot().recordings["rec-1"]?.events.count == files }
        print("eachArrivingEventOfOneRecordingIsMergedOnce: \(files) files of one recording caught up in \(Date().timeIntervalSince(started)) s")
        let store = watcher.snapshot()
        #expect(store.recordings["rec-1"]?.chunks.count == files)
        #expect(store.mergedEventCount < 3 * files, "merged \(store.mergedEventCount) events for \(files) arrivals")
    }
}
