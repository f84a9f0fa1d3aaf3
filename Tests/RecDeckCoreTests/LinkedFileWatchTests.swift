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
