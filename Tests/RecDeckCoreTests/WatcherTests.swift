import Foundation
import Testing
@testable import RecDeckCore
import RecDeckTestSupport

/// The two ways a `DirectoryWatcher` follows a directory; every scenario runs in both.
enum WatchFlavor: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case notifications
    case polling

    var testDescription: String { rawValue }

    func options(settle: Duration = .milliseconds(500), scan: ScanOptions = ScanOptions()) -> WatchOptions {
        WatchOptions(scan: scan, mode: self == .polling ? .polling(every: .milliseconds(50)) : .notifications,
                     settleTime: settle, rootCheckInterval: .milliseconds(50))
    }

    var liveStatus: WatchStatus { self == .polling ? .polling(every: .milliseconds(50)) : .live }
}


/// A watcher on `sandbox` and the log of its batches, once the first scan has been delivered.
func startWatching(_ sandbox: WatcherTests.Sandbox, _ options: WatchOptions) async throws -> (DirectoryWatcher, BatchLog) {
    let watcher = try DirectoryWatcher(root: sandbox.root, options: options)
    let log = BatchLog(watcher)
    try await log.wait(for: "the first scan") { !log.batches.isEmpty }
    return (watcher, log)
}

/// Takes every batch a watcher delivers, and remembers what they said.
final class BatchLog {
    let watcher: DirectoryWatcher
    private(set) var batches: [WatchBatch] = []
    /// Files that appeared in any batch's problem list.
    private(set) var problemFiles: Set<String> = []
    /// Files that appeared in a snapshot's problem list while `watchSnapshots` was on.
    private(set) var snapshotProblemFiles: Set<String> = []
    var watchSnapshots = false

    init(_ watcher: DirectoryWatcher) { self.watcher = watcher }

    func drain() {
        while let batch = watcher.takeBatch() {
            batches.append(batch)
            if let problems = batch.problems { problemFiles.formUnion(problems.map(\.file)) }
        }
        if watchSnapshots { snapshotProblemFiles.formUnion(watcher.snapshot().problems.map(\.file)) }
    }

    /// Drains batches until `condition` holds; records an issue after `timeout` seconds.
    @discardableResult
    func wait(for what: String, timeout: Double = 20, sourceLocation: SourceLocation = #_sourceLocation,
              _ condition: () -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            drain()
            if condition() { return true }
            if Date() > deadline {
                Issue.record("timed out after \(timeout)s waiting for \(what)", sourceLocation: sourceLocation)
                return false
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Drains batches (and watches snapshots) for `seconds`: a pause in a writer's work.
    func pump(for seconds: Double) async throws {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            drain()
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// The invariant: once the files have settled, the watcher's store equals a fresh scan.
    func expectMatchesFreshScan(of root: String, options: ScanOptions = ScanOptions(),
                                sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let fresh = try DirectoryScanner(root: root, options: options).scan()
        let matched = try await wait(for: "the store to equal a fresh scan", sourceLocation: sourceLocation) {
            Self.same(watcher.snapshot(), fresh)
        }
        if !matched {
            let store = watcher.snapshot()
            Issue.record("""
                store \(store.summary) vs scan \(fresh.summary)
                only in store: \(Set(store.recordings.keys).subtracting(fresh.recordings.keys).sorted().prefix(10))
                only in scan: \(Set(fresh.recordings.keys).subtracting(store.recordings.keys).sorted().prefix(10))
                problems: \(store.problems.prefix(5)) vs \(fresh.problems.prefix(5))
                """, sourceLocation: sourceLocation)
        }
        // The batches tell the same story as the store.
        if let last = batches.last {
            #expect(last.summary == fresh.summary, sourceLocation: sourceLocation)
        }
    }

    static func same(_ store: RecordingStore, _ fresh: RecordingStore) -> Bool {
        store.summary == fresh.summary && store.recordings == fresh.recordings && store.problems == fresh.problems
            && store.otherEvents == fresh.otherEvents && Set(store.filePaths) == Set(fresh.filePaths)
    }

    /// The recordings the consumer would hold after applying every batch taken so far to an empty model.
    var recordingsFromBatches: RecordingMap {
        var model = RecordingMap()
        for batch in batches {
            for id in batch.delta.removed { model[id] = nil }
            for (id, recording) in [batch.delta.added, batch.delta.updated].joined() { model[id] = recording }
        }
        return model
    }
}

/// Work done on a dedicated thread, as another process would: the Swift concurrency pool may be
/// busy with other tests (two cores), and a writer's pauses must not stretch with it.
final class Writer: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = false

    init(_ work: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            work()
            lock.withLock { finished = true }
        }
        thread.start()
    }

    var isFinished: Bool { lock.withLock { finished } }

    /// Runs `work` on its own thread and waits for it without holding a thread of the pool.
    static func run(_ work: @escaping @Sendable () -> Void) async throws {
        let writer = Writer(work)
        while !writer.isFinished { try await Task.sleep(for: .milliseconds(5)) }
    }
}

/// A number one thread writes and another reads.
final class Measured: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0.0
    var value: Double {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// File operations done the way writers do them, with plain system calls.
enum Disk {
    /// One recording event, as an Event Grid delivery (a JSON array).
    static func event(_ number: Int, recording: String? = nil, duration: Int = 6620) -> String {
        "[" + EventFixture.recording(id: "ev-\(number)", call: "call-\(number)", recording: recording ?? "rec-\(number)",
                                     durationMs: "\(duration)") + "]\n"
    }

    /// Writes `text` in place (create or truncate, write, close).
    static func write(_ path: String, _ text: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        precondition(descriptor >= 0, "cannot write \(path): \(String(cString: strerror(errno)))")
        append(descriptor, text)
        close(descriptor)
    }

    static func append(_ descriptor: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let wrote = bytes[done...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            precondition(wrote > 0)
            done += wrote
        }
    }

    /// Writes `text` to a hidden temporary name in the same directory, then renames it to `path`.
    static func atomicWrite(_ path: String, _ text: String) {
        let slash = path.lastIndex(of: "/")!
        let temporary = String(path[..<slash]) + "/." + String(path[path.index(after: slash)...]) + ".tmp"
        write(temporary, text)
        move(temporary, path)
    }

    static func move(_ from: String, _ to: String) {
        precondition(rename(from, to) == 0, "cannot rename \(from): \(String(cString: strerror(errno)))")
    }

    static func makeDirectories(_ path: String) {
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    static func remove(_ path: String) {
        try! FileManager.default.removeItem(atPath: path)
    }
}

@Suite struct WatcherTests {
    /// A temporary folder holding the watched root (`root`) and a place outside it (`outside`).
    final class Sandbox {
        let temporary = TemporaryDirectory()
        var root: String { temporary.path + "/root" }
        var outside: String { temporary.path + "/outside" }

        init() {
            Disk.makeDirectories(temporary.path + "/root")
            Disk.makeDirectories(temporary.path + "/outside")
        }

        func path(_ relative: String) -> String { root + "/" + relative }
    }

    @Test(arguments: WatchFlavor.allCases)
    func atomicWriteAndRename(flavor: WatchFlavor) async throws {
        let sandbox = Sandbox()
        Disk.write(sandbox.path("before.json"), Disk.event(0))
        let watcher = try DirectoryWatcher(root: sandbox.root, options: flavor.options())
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        try await log.wait(for: "the first scan") { log.batches.last?.summary.recordings == 1 }
        #expect(log.batches.first?.status == flavor.liveStatus)
        #expect(log.batches.first?.delta.added.keys.sorted() == ["rec-0"])

        for number in 1...20 { Disk.atomicWrite(sandbox.path("atomic-\(number).json"), Disk.event(number)) }
        try await log.wait(for: "20 renamed-in files") { log.recordingsFromBatches.count == 21 }
        try await log.expectMatchesFreshScan(of: sandbox.root)
        #expect(log.recordingsFromBatches == watcher.snapshot().recordings)
        #expect(log.problemFiles.isEmpty)
    }

    @Test(arguments: WatchFlavor.allCases)
    func slowInPlaceWriteNeverShowsAsAProblem(flavor: WatchFlavor) async throws {
        let sandbox = Sandbox()
        let (watcher, log) = try await startWatching(sandbox, flavor.options(settle: .seconds(2)))
        defer { watcher.stop() }
        log.watchSnapshots = true

        // One writer keeps the file open between the halves; the other closes it and appends later.
        let held = sandbox.path("held.json"), closed = sandbox.path("closed.json")
        let pause = Measured()
        let writer = Writer {
            let heldText = Disk.event(1), closedText = Disk.event(2)
            let descriptor = open(held, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            Disk.append(descriptor, String(heldText.prefix(heldText.count / 2)))
            Disk.write(closed, String(closedText.prefix(closedText.count / 2)))
            let start = Date()
            usleep(300_000)
            pause.value = Date().timeIntervalSince(start)
            Disk.append(descriptor, String(heldText.dropFirst(heldText.count / 2)))
            close(descriptor)
            let appender = open(closed, O_WRONLY | O_APPEND | O_CLOEXEC)
            Disk.append(appender, String(closedText.dropFirst(closedText.count / 2)))
            close(appender)
        }
        try await log.wait(for: "the writer") { writer.isFinished }
        try await log.wait(for: "both files") { log.recordingsFromBatches.count == 2 }
        try await log.expectMatchesFreshScan(of: sandbox.root)
        // (Only a machine stalled for longer than the settle time could make a half file look final.)
        #expect(log.problemFiles.isEmpty, "the writer paused \(pause.value) s")
        #expect(log.snapshotProblemFiles.isEmpty, "the writer paused \(pause.value) s")
        #expect(watcher.snapshot().problems.isEmpty)
    }

    @Test(arguments: WatchFlavor.allCases)
    func brokenFileBecomesAProblemOnceQuiet(flavor: WatchFlavor) async throws {
        let sandbox = Sandbox()
        let (watcher, log) = try await startWatching(sandbox, flavor.options(settle: .milliseconds(300)))
        defer { watcher.stop() }
        Disk.write(sandbox.path("good.json"), Disk.event(1))
        Disk.write(sandbox.path("broken.json"), "[{\"id\": \"x\",")
        try await log.wait(for: "the broken file as a problem") { log.problemFiles.contains("broken.json") }
        #expect(log.batches.last?.problems?.map(\.file) == ["broken.json"])
        try await log.expectMatchesFreshScan(of: sandbox.root)

        // Fixed: the problem goes.
        Disk.write(sandbox.path("broken.json"), Disk.event(2))
        try await log.wait(for: "the problem to go") { log.batches.last?.problems == [] }
        try await log.expectMatchesFreshScan(of: sandbox.root)
    }

    @Test(arguments: WatchFlavor.allCases)
    func overwriteReplacesTheFilesEvents(flavor: WatchFlavor) async throws {
        let sandbox = Sandbox()
        Disk.write(sandbox.path("a.json"), Disk.event(1, recording: "first"))
        let watcher = try DirectoryWatcher(root: sandbox.root, options: flavor.options())
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        try await log.wait(for: "the first scan") { log.recordingsFromBatches.keys.sorted() == ["first"] }

        // In place, same size: only the content differs.
        Disk.write(sandbox.path("a.json"), Disk.event(1, recording: "secnd"))
        try await log.wait(for: "the overwrite") { log.recordingsFromBatches.keys.sorted() == ["secnd"] }
        // Atomically, with another duration.
        Disk.atomicWrite(sandbox.path("a.json"), Disk.event(1, recording: "secnd", duration: 99))
        try await log.wait(for: "the atomic overwrite") { log.recordingsFromBatches["secnd"]?.durationMs == 99 }
        #expect(log.batches.contains { $0.delta.updated["secnd"] != nil })
        try await log.expectMatchesFreshScan(of: sandbox.root)
    }

    @Test(arguments: WatchFlavor.allCases)
    func deletedFilesLeaveTheStore(flavor: WatchFlavor) async throws {
        let sandbox = Sandbox()
        for number in 1...5 { Disk.write(sandbox.path("f\(number).json"), Disk.event(number)) }
        // Two deliveries of one recording in two files: it stays until both are gone.
        Disk.write(sandbox.path("twice-a.json"), Disk.event(9))
        Disk.write(sandbox.path("twice-b.json"), Disk.event(9))
        let watcher = try DirectoryWatcher(root: sandbox.root, options: flavor.options())
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        try await log.wait(for: "the first scan") { log.recordingsFromBatches.count == 6 }

        for number in 1...3 { Disk.remove(sandbox.path("f\(number).json")) }
        Disk.remove(sandbox.path("twice-a.json"))
        // The three removals and the fourth may come in different batches: wait for all four.
        try await log.wait(for: "four removals") {
            log.recordingsFromBatches.count == 3 && watcher.snapshot().summary.duplicateDeliveries == 0
        }
        #expect(log.recordingsFromBatches["rec-9"] != nil)
        Disk.remove(sandbox.path("twice-b.json"))
        try await log.wait(for: "the last delivery to go") { log.recordingsFromBatches["rec-9"] == nil }
        try await log.expectMatchesFreshScan(of: sandbox.root)
    }

    @Test(arguments: WatchFlavor.allCases)
    func renameOutOfTheTreeAndBackIn(flavor: WatchFlavor) async throws {
        let sandbox = Sandbox()
        Disk.write(sandbox.path("a.json"), Disk.event(1))
        Disk.makeDirectories(sandbox.path("day/hour"))
        Disk.write(sandbox.path("day/b.json"), Disk.event(2))
        Disk.write(sandbox.path("day/hour/c.json"), Disk.event(3))
        let watcher = try DirectoryWatcher(root: sandbox.root, options: flavor.options())
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        try await log.wait(for: "the first scan") { log.recordingsFromBatches.count == 3 }

        Disk.move(sandbox.path("a.json"), sandbox.outside + "/a.json")
        Disk.move(sandbox.path("day"), sandbox.outside + "/day")
        try await log.wait(for: "everything to leave") { log.recordingsFromBatches.isEmpty }
        try await log.expectMatchesFreshScan(of: sandbox.root)

        // Changes in the moved-away directory are not the watcher's business any more.
        Disk.write(sandbox.outside + "/day/ignored.json", Disk.event(4))

        Disk.move(sandbox.outside + "/a.json", sandbox.path("a.json"))
        Disk.move(sandbox.outside + "/day", sandbox.path("renamed-day"))
        try await log.wait(for: "everything to come back") { log.recordingsFromBatches.count == 4 }
        #expect(watcher.snapshot().recordings["rec-3"]?.events.first?.location.file == "renamed-day/hour/c.json")
        // The directory that came back is watched again.
        Disk.write(sandbox.path("renamed-day/hour/d.json"), Disk.event(5))
        try await log.wait(for: "a file in the directory that came back") { log.recordingsFromBatches.count == 5 }
        // Renamed within the tree.
        Disk.move(sandbox.path("renamed-day"), sandbox.path("day-again"))
        try await log.wait(for: "the rename within the tree") {
            watcher.snapshot().recordings["rec-5"]?.events.first?.location.file == "day-again/hour/d.json"
        }
        try await log.expectMatchesFreshScan(of: sandbox.root)
    }

    @Test(arguments: WatchFlavor.allCases)
    func newNestedDirectoryWithFilesWrittenAtOnce(flavor: WatchFlavor) async throws {
        let sandbox = Sandbox()
        let (watcher, log) = try await startWatching(sandbox, flavor.options())
        defer { watcher.stop() }

        var expected = 0
        for round in 0..<10 {
            Disk.makeDirectories(sandbox.path("r\(round)/a/b"))
            Disk.write(sandbox.path("r\(round)/a/b/deep.json"), Disk.event(round * 10 + 1))
            Disk.write(sandbox.path("r\(round)/a/shallow.json"), Disk.event(round * 10 + 2))
            Disk.makeDirectories(sandbox.path("r\(round)/a/b/c/d"))
            Disk.atomicWrite(sandbox.path("r\(round)/a/b/c/d/deeper.json"), Disk.event(round * 10 + 3))
            expected += 3
        }
        try await log.wait(for: "every file in the new directories") { log.recordingsFromBatches.count == expected }
        try await log.expectMatchesFreshScan(of: sandbox.root)
        // Hidden directories stay out, as in a scan.
        Disk.makeDirectories(sandbox.path(".git/objects"))
        Disk.write(sandbox.path(".git/objects/x.json"), Disk.event(99))
        Disk.write(sandbox.path("r0/last.json"), Disk.event(98))
        try await log.wait(for: "the last file") { log.recordingsFromBatches["rec-98"] != nil }
        try await log.expectMatchesFreshScan(of: sandbox.root)
        #expect(log.recordingsFromBatches["rec-99"] == nil)
    }

    @Test(arguments: WatchFlavor.allCases)
    func rootRemovedAndRecreated(flavor: WatchFlavor) async throws {
        let sandbox = Sandbox()
        Disk.makeDirectories(sandbox.path("sub"))
        Disk.write(sandbox.path("a.json"), Disk.event(1))
        Disk.write(sandbox.path("sub/b.json"), Disk.event(2))
        let watcher = try DirectoryWatcher(root: sandbox.root, options: flavor.options())
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        try await log.wait(for: "the first scan") { log.recordingsFromBatches.count == 2 }

        Disk.remove(sandbox.root)
        try await log.wait(for: "the root to be missing") {
            watcher.status == .rootMissing && log.recordingsFromBatches.isEmpty && watcher.snapshot().summary.files == 0
        }
        #expect(log.batches.last?.delta.removed.isEmpty == false || log.batches.contains { !$0.delta.removed.isEmpty })
        #expect(WatchStatus.rootMissing.description == "directory missing")

        Disk.makeDirectories(sandbox.path("sub"))
        Disk.write(sandbox.path("sub/c.json"), Disk.event(3))
        Disk.write(sandbox.path("d.json"), Disk.event(4))
        try await log.wait(for: "the root to come back") {
            watcher.status == flavor.liveStatus && log.recordingsFromBatches.count == 2
        }
        // And it is followed again.
        Disk.atomicWrite(sandbox.path("sub/e.json"), Disk.event(5))
        try await log.wait(for: "a file in the new root") { log.recordingsFromBatches.count == 3 }
        try await log.expectMatchesFreshScan(of: sandbox.root)

        // Moved away instead of deleted, then another directory moved into its place.
        Disk.move(sandbox.root, sandbox.outside + "/old-root")
        try await log.wait(for: "the root to be missing again") { watcher.status == .rootMissing }
        Disk.makeDirectories(sandbox.outside + "/next")
        Disk.write(sandbox.outside + "/next/f.json", Disk.event(6))
        Disk.move(sandbox.outside + "/next", sandbox.root)
        try await log.wait(for: "the replacement root") { log.recordingsFromBatches.keys.sorted() == ["rec-6"] }
        try await log.expectMatchesFreshScan(of: sandbox.root)
    }

    @Test(arguments: WatchFlavor.allCases)
    func burstOf5000FilesArrivesInFewBatches(flavor: WatchFlavor) async throws {
        // Creating a file is slow on some disks (about 1 ms here), renaming one and rewriting one
        // are not: the files are created beforehand, so that the burst is a burst on any machine.
        let sandbox = Sandbox()
        let rewritten = 1000, renamed = 4000
        Disk.makeDirectories(sandbox.path("in-place"))
        Disk.makeDirectories(sandbox.path("burst"))
        Disk.makeDirectories(sandbox.outside + "/staged")
        let root = sandbox.root, staged = sandbox.outside + "/staged"
        try await Writer.run {
            for number in 0..<rewritten { Disk.write(root + "/in-place/f\(number).json", Disk.event(number)) }
        }
        let watcher = try DirectoryWatcher(root: sandbox.root, options: flavor.options())
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        try await Writer.run {
            for number in 0..<renamed { Disk.write(staged + "/f\(number).json", Disk.event(10_000 + number)) }
        }
        try await log.wait(for: "the first scan") { log.recordingsFromBatches.count == rewritten }
        let before = log.batches.count

        let writer = Writer {
            var next = 0
            for step in 0..<(rewritten + renamed) {
                if step % 5 == 0 {
                    let number = step / 5
                    Disk.write(root + "/in-place/f\(number).json", Disk.event(20_000 + number))
                } else {
                    Disk.move(staged + "/f\(next).json", root + (next % 2 == 0 ? "/" : "/burst/") + "f\(next).json")
                    next += 1
                }
            }
        }
        try await log.wait(for: "the writer", timeout: 120) { writer.isFinished }
        try await log.wait(for: "all \(rewritten + renamed) files", timeout: 60) {
            log.recordingsFromBatches.count == rewritten + renamed && log.recordingsFromBatches["rec-0"] == nil
        }
        try await log.expectMatchesFreshScan(of: sandbox.root)
        let batches = log.batches.count - before
        #expect(batches < (rewritten + renamed) / 10, "\(batches) batches for \(rewritten + renamed) files")
        #expect(log.recordingsFromBatches == watcher.snapshot().recordings)
    }

    @Test(arguments: WatchFlavor.allCases)
    func notRecursiveIgnoresSubdirectories(flavor: WatchFlavor) async throws {
        let sandbox = Sandbox()
        let scan = ScanOptions(recursive: false)
        Disk.makeDirectories(sandbox.path("sub"))
        let (watcher, log) = try await startWatching(sandbox, flavor.options(scan: scan))
        defer { watcher.stop() }
        Disk.write(sandbox.path("sub/a.json"), Disk.event(1))
        Disk.makeDirectories(sandbox.path("new/deeper"))
        Disk.write(sandbox.path("new/deeper/b.json"), Disk.event(2))
        Disk.write(sandbox.path("top.json"), Disk.event(3))
        try await log.wait(for: "the top-level file") { log.recordingsFromBatches["rec-3"] != nil }
        try await log.expectMatchesFreshScan(of: sandbox.root, options: scan)
        #expect(watcher.snapshot().recordings.count == 1)
    }

    @Test(arguments: WatchFlavor.allCases)
    func pauseHoldsTheStoreAndResumeCatchesUp(flavor: WatchFlavor) async throws {
        let sandbox = Sandbox()
        Disk.write(sandbox.path("a.json"), Disk.event(1))
        let watcher = try DirectoryWatcher(root: sandbox.root, options: flavor.options())
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        try await log.wait(for: "the first scan") { log.recordingsFromBatches.count == 1 }
        watcher.pause()
        try await log.wait(for: "the paused status") { watcher.status == .paused }
        #expect(WatchStatus.paused.description == "paused")
        Disk.write(sandbox.path("b.json"), Disk.event(2))
        Disk.remove(sandbox.path("a.json"))
        try await log.pump(for: 0.2)
        #expect(watcher.snapshot().recordings.keys.sorted() == ["rec-1"])
        watcher.resume()
        try await log.wait(for: "the catch-up") { log.recordingsFromBatches.keys.sorted() == ["rec-2"] }
        #expect(watcher.status == flavor.liveStatus)
        try await log.expectMatchesFreshScan(of: sandbox.root)
    }

    @Test(arguments: WatchFlavor.allCases)
    func oddEntriesEndAsAScanSeesThem(flavor: WatchFlavor) async throws {
        let sandbox = Sandbox()
        let (watcher, log) = try await startWatching(sandbox, flavor.options())
        defer { watcher.stop() }

        Disk.write(sandbox.outside + "/target.json", Disk.event(1))
        Disk.makeDirectories(sandbox.outside + "/linked-dir")
        Disk.write(sandbox.outside + "/linked-dir/inside.json", Disk.event(2))
        #expect(symlink(sandbox.outside + "/target.json", sandbox.path("link.json")) == 0)
        #expect(symlink(sandbox.outside + "/nowhere.json", sandbox.path("dangling.json")) == 0)
        #expect(symlink(sandbox.outside + "/linked-dir", sandbox.path("linked")) == 0)
        #expect(mkfifo(sandbox.path("pipe.json"), 0o644) == 0)
        Disk.makeDirectories(sandbox.path("folder.json/deep/deeper"))
        Disk.write(sandbox.path("folder.json/deep/deeper/x.json"), Disk.event(3))
        try await log.wait(for: "the linked files") { log.recordingsFromBatches.count == 3 }
        try await log.expectMatchesFreshScan(of: sandbox.root)
        #expect(Set(watcher.snapshot().problems.map(\.file)) == ["dangling.json", "pipe.json"])

        Disk.remove(sandbox.path("linked"))
        Disk.remove(sandbox.path("pipe.json"))
        Disk.remove(sandbox.path("folder.json"))
        try await log.wait(for: "the removals") { log.recordingsFromBatches.keys.sorted() == ["rec-1"] }
        try await log.expectMatchesFreshScan(of: sandbox.root)
    }

    @Test func queueOverflowIsReconciledByARescan() async throws {
        let sandbox = Sandbox()
        for number in 0..<100 { Disk.write(sandbox.path("old\(number).json"), Disk.event(100_000 + number)) }
        let watcher = try DirectoryWatcher(root: sandbox.root, options: WatchFlavor.notifications.options())
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        try await log.wait(for: "the first scan") { log.recordingsFromBatches.count == 100 }
        // While paused nobody reads the kernel's queue: overflow it with attribute changes that
        // alternate between files (the kernel merges only repeats of the last event), then change
        // files in ways only a rescan can now tell.
        watcher.pause()
        try await log.wait(for: "the paused status") { watcher.status == .paused }
        let queueLimit = Int(try String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 16384
        let count = 300
        let root = sandbox.root
        let writer = Writer {
            for change in 0..<(queueLimit + 1000) {
                chmod(root + "/old\(change % 100).json", change % 200 < 100 ? 0o600 : 0o644)
            }
            for number in 0..<count { Disk.write(root + "/new\(number).json", Disk.event(number)) }
            for number in 0..<50 { unlink(root + "/old\(number).json") }
            Disk.write(root + "/old99.json", Disk.event(200_099, recording: "rewritten"))
        }
        try await log.wait(for: "the writer", timeout: 120) { writer.isFinished }
        watcher.resume()
        try await log.wait(for: "the catch-up", timeout: 60) { log.recordingsFromBatches.count == count + 50 }
        try await log.expectMatchesFreshScan(of: sandbox.root)
        #expect(watcher.counters.overflows >= 1)
        #expect(watcher.counters.fullRescans >= 1)
        #expect(log.recordingsFromBatches["rewritten"] != nil)
    }

    @Test func watchLimitFallsBackToPolling() async throws {
        let sandbox = Sandbox()
        Disk.makeDirectories(sandbox.path("a/b"))
        Disk.write(sandbox.path("a/b/x.json"), Disk.event(1))
        var options = WatchFlavor.notifications.options()
        options.fallbackPollInterval = .milliseconds(50)
        options.simulatedWatchLimit = 2
        let watcher = try DirectoryWatcher(root: sandbox.root, options: options)
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        try await log.wait(for: "the first scan") { log.recordingsFromBatches.count == 1 }
        #expect(watcher.status == .polling(every: .milliseconds(50)))
        #expect(watcher.status.description == "polling every 0.05s")
        let notice = try #require(watcher.notice)
        #expect(notice.contains("fs.inotify.max_user_watches = "), "the sysctl to raise, by its name")
        #expect(notice.hasSuffix("polling every 0.05s instead"))
        Disk.write(sandbox.path("a/b/y.json"), Disk.event(2))
        Disk.remove(sandbox.path("a/b/x.json"))
        try await log.wait(for: "changes while polling") { log.recordingsFromBatches.keys.sorted() == ["rec-2"] }
        try await log.expectMatchesFreshScan(of: sandbox.root)

        // A limit reached later, on a new directory, falls back too.
        var later = WatchFlavor.notifications.options()
        later.fallbackPollInterval = .milliseconds(50)
        later.simulatedWatchLimit = 3
        let second = try DirectoryWatcher(root: sandbox.root, options: later)
        defer { second.stop() }
        let secondLog = BatchLog(second)
        try await secondLog.wait(for: "the first scan") { second.status == .live }
        Disk.makeDirectories(sandbox.path("c/d"))
        Disk.write(sandbox.path("c/d/z.json"), Disk.event(3))
        try await secondLog.wait(for: "the fall-back") { second.status == .polling(every: .milliseconds(50)) }
        try await secondLog.expectMatchesFreshScan(of: sandbox.root)
    }

    @Test func missingRootAtStartIsWaitedFor() async throws {
        let sandbox = Sandbox()
        Disk.remove(sandbox.root)
        let watcher = try DirectoryWatcher(root: sandbox.root, options: WatchFlavor.notifications.options())
        defer { watcher.stop() }
        let log = BatchLog(watcher)
        try await log.wait(for: "the missing status") { watcher.status == .rootMissing }
        Disk.makeDirectories(sandbox.root)
        Disk.write(sandbox.path("a.json"), Disk.event(1))
        try await log.wait(for: "the root") { log.recordingsFromBatches.count == 1 && watcher.status == .live }
        try await log.expectMatchesFreshScan(of: sandbox.root)
    }

    @Test func stopEndsTheThreadAndIsIdempotent() async throws {
        let sandbox = Sandbox()
        Disk.write(sandbox.path("a.json"), Disk.event(1))
        let watcher = try DirectoryWatcher(root: sandbox.root)
        let first = watcher.waitForBatch(timeout: .seconds(20))
        #expect(first?.summary.recordings == 1)
        #expect(first?.status == .live)
        watcher.stop()
        watcher.stop()
        #expect(watcher.takeBatch() == nil)
        #expect(watcher.waitForBatch(timeout: .milliseconds(50)) == nil)
        // Released without stop(): deinit stops it.
        for _ in 0..<20 {
            _ = try DirectoryWatcher(root: sandbox.root, options: WatchOptions(mode: .polling(every: .milliseconds(10))))
        }
        _ = try DirectoryWatcher(root: sandbox.root).waitForBatch(timeout: .seconds(20))
    }
}
