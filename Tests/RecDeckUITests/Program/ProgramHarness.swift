import Foundation
import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

/// A clock the test moves by hand.
final class FakeClock: @unchecked Sendable {
    var now: Timestamp

    init(_ start: Timestamp) {
        now = start
    }

    func advance(seconds: Int64) {
        now = Timestamp(nanoseconds: now.nanoseconds + seconds * 1_000_000_000)
    }
}

/// Why a wait for the screen gave up, with the last screen.
struct ScreenTimeout: Error, CustomStringConvertible {
    var description: String
}

/// The whole dashboard in process: the real `Program` following a real `DirectoryWatcher` on a
/// temporary directory, drawing on a `TestBackend`, with a fake clock.
final class ProgramHarness {
    let directory: TemporaryDirectory
    let watcher: DirectoryWatcher
    let backend: TestBackend
    let program: Program
    let clock: FakeClock

    init(_ directory: TemporaryDirectory, width: Int = 120, height: Int = 40, follow: Bool = false,
         now: Timestamp = Timestamp(iso8601: "2026-10-01T09:00:00Z")!, downloads: DownloadRunner? = nil,
         history: PromptHistoryFile? = nil, columns: [RecordingColumn] = RecordingColumn.dashboardDefault) throws {
        self.directory = directory
        clock = FakeClock(now)
        watcher = try DirectoryWatcher(root: directory.path, options: WatchOptions(settleTime: .milliseconds(200)))
        backend = try TestBackend(width: width, height: height)
        var state = AppState(directory: "~/events", size: (width, height), now: now, utc: true, follow: follow)
        state.columns = columns
        let clock = clock
        program = try Program(state: state, backend: backend, source: watcher, clock: { clock.now }, downloads: downloads,
                              downloadsUnavailable: "cannot download: no credentials", history: history)
    }

    deinit {
        watcher.stop()
    }

    /// The screen now.
    var screen: String { backend.text }

    /// One row of the screen, trailing spaces trimmed.
    func line(_ row: Int) -> String {
        var text = Substring(backend.screen.lines[row])
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }

    /// Runs rounds until `condition` holds for the screen (and no effect is still running), or
    /// fails after `seconds` with the last screen.
    @discardableResult
    func waitUntil(_ what: String = "the expected screen", seconds: Double = 10,
                   _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let exit = program.step(maximumWait: 10) { throw ScreenTimeout(description: "the program ended: \(exit)") }
            if program.effectsRunning == 0, condition(screen) { return screen }
            if Date() > deadline { throw ScreenTimeout(description: "no \(what) within \(seconds) s; the screen:\n\(screen)") }
        }
    }

    /// Runs rounds until the screen shows `text`, effects running or not (a download in flight).
    @discardableResult
    func waitWhileRunning(for text: String, seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while !screen.contains(text) {
            if let exit = program.step(maximumWait: 10) { throw ScreenTimeout(description: "the program ended: \(exit)") }
            if Date() > deadline { throw ScreenTimeout(description: "no \"\(text)\" within \(seconds) s; the screen:\n\(screen)") }
        }
        return screen
    }

    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10) throws -> String {
        try waitUntil("\"\(text)\"", seconds: seconds) { $0.contains(text) }
    }

    /// Presses keys, then runs rounds until the screen settles on `text`.
    @discardableResult
    func press(_ keys: Key..., thenWaitFor text: String) throws -> String {
        backend.send(keys.map { .key($0) })
        return try waitFor(text)
    }
}
