import Foundation
import RecDeckTestSupport
import Testing

/// The built binary in a real terminal (tmux): keys in, screen out.
@Suite(.tags(.terminal)) struct DashboardEndToEndTests {
    /// A directory with two recordings (one with two chunks), another event type and a broken file.
    func fixture() -> TemporaryDirectory {
        let directory = TemporaryDirectory.twoRecordings()
        directory.write("broken.json", "[\n  {\"id\": \"x\",,\n]")
        return directory
    }

    func open(_ directory: TemporaryDirectory, _ extra: [String] = [], width: Int = 120, height: Int = 40,
              environment: [String: String] = [:]) throws -> TmuxSession {
        let session = try TmuxSession(recdeck: [directory.path, "--utc"] + extra, width: width, height: height,
                                      environment: environment)
        try session.waitFor("2 recordings")
        return session
    }

    /// A paste reaches the filter prompt as one input: a line break in it does not close the
    /// prompt (typed, it would be Enter), and a 179-character id is one edit.
    @Test func aPasteIsOneInputNotKeys() throws {
        let directory = fixture()
        let session = try open(directory)
        session.sendKeys("/")
        try session.waitFor(" filter:")
        session.paste("call:99ab\nrec")
        try session.waitFor("filter: call:99ab rec")
        session.sendKeys("C-u")
        let id = String(repeating: "aHR0cHM6Ly9ub3RoaW5nLmV4YW1wbGUv", count: 6).prefix(179)
        session.paste(String(id))
        // The prompt's line scrolls to keep the cursor (at the end) on screen. (Waiting for "0 shown"
        // alone could see the frame before the paste: the filter before Ctrl-U showed none too.)
        let screen = try session.waitFor(" filter: …" + id.suffix(68) + "\n")
        #expect(screen.contains(" 0 shown "))
        session.sendKeys("Escape")
        try session.waitFor("10-01 07:55:55")
        session.sendKeys("q")
        #expect(session.exitStatus() == 0)
    }

    /// In a real terminal Alt-B (ESC b) moves the filter's cursor a word back, and what Enter
    /// submitted comes back with Up in the next run (the history file under `XDG_STATE_HOME`).
    @Test func thePromptEditsWithAltKeysAndRemembersAcrossRuns() throws {
        let directory = fixture()
        let state = TemporaryDirectory()
        let session = try open(directory, environment: ["XDG_STATE_HOME": state.path])
        session.sendKeys("/")
        try session.waitFor(" filter:")
        session.sendKeys("9", "9", "a", "b", "M-b", "c", "a", "l", "l", ":")
        try session.waitFor("filter: call:99ab")
        try session.waitFor("1 shown")
        session.sendKeys("Enter")
        let file = state.path + "/recdeck/history"
        try session.waitUntil { _ in (try? String(contentsOfFile: file, encoding: .utf8)) == "filter\tcall:99ab\n" }
        session.sendKeys("q")
        #expect(session.exitStatus() == 0)

        let next = try open(directory, environment: ["XDG_STATE_HOME": state.path])
        next.sendKeys("/", "Up")
        try next.waitFor("filter: call:99ab")
        try next.waitFor("1 shown")
        next.sendKeys("Escape", "q")
        #expect(next.exitStatus() == 0)
    }

    @Test func browseDrillFilterHelpAndProblems() throws {
        let directory = fixture()
        let session = try open(directory)
        var screen = try session.waitFor("10-01 07:55:55")
        #expect(screen.contains("▶ 10-01 07:55:55"), "newest first, selected")
        #expect(screen.contains("Chunks of rec-multi (2)"))
        // The broken file was written just now: it counts as a problem once it has settled.
        try session.waitFor("1 problem")
        // The event pane shows the raw event, pretty-printed.
        screen = try session.waitFor("\"subject\": \"/recording/call/1027c4aa/recordingId/rec-multi\"")

        session.sendKeys("j")
        screen = try session.waitFor("Chunks of rec-single (1)")
        #expect(screen.contains("▶ 10-01 07:50:00"))

        session.sendKeys("k", "Enter")
        session.sendKeys("j", "Enter")
        // The chunk's fields, one a line, in the chunks pane (right of the recordings pane's border).
        screen = try session.waitFor("││ deleteLocation")
        #expect(screen.contains("0-weu-d20-b/content/video"))
        session.sendKeys("Escape", "Escape")

        session.sendKeys("/")
        session.sendText("call:99ab")
        screen = try session.waitFor("filter: call:99ab")
        screen = try session.waitUntil { !$0.contains("10-01 07:55:55") }
        #expect(screen.contains("10-01 07:50:00"))
        session.sendText(" dur>5x")
        screen = try session.waitFor("bad duration")
        session.sendKeys("Escape")
        try session.waitFor("10-01 07:55:55")

        session.sendKeys("?")
        screen = try session.waitFor("next pane")
        #expect(screen.contains("Keys"))
        session.sendKeys("Escape", "p")
        // Wait for the line itself: a capture can land between two writes of one frame.
        screen = try session.waitFor("broken.json:2:14: expected a string key in object")
        #expect(screen.contains("Problems (1)"))
        session.sendKeys("Escape", "q")
        #expect(session.exitStatus() == 0)
    }

    @Test func newFileAppearsLive() throws {
        let directory = fixture()
        let session = try open(directory)
        let event = EventFixture.recording(id: "e9", call: "77ee0001", recording: "rec-live", start: "2026-10-01T08:30:00Z")
        let temporary = directory.write(".incoming", "[\(event)]")
        #expect(rename(temporary, directory.path + "/2026/10/01/c.json") == 0)
        // Wait for the row as well as the count: a capture can land between two writes of one frame.
        let screen = try session.waitUntil { $0.contains("3 recordings") && $0.contains("10-01 08:30:00") }
        #expect(screen.contains(" 1 new "), "not following: a badge")
        #expect(screen.contains("▶ 10-01 07:55:55"), "the selection stays on its recording")
        session.sendKeys("q")
    }

    /// `--follow` starts the dashboard following arrivals: the title says so, and a recording
    /// whose event arrives is selected (older by start than the one selected, so not the top row).
    @Test func followFromTheCommandLineSelectsEachArrival() throws {
        let directory = fixture()
        let session = try open(directory, ["--follow"])
        try session.waitFor("following")
        let event = EventFixture.recording(id: "e9", call: "77ee0001", recording: "rec-live", start: "2026-10-01T06:30:00Z")
        let temporary = directory.write(".incoming", "[\(event)]")
        #expect(rename(temporary, directory.path + "/2026/10/01/c.json") == 0)
        let screen = try session.waitUntil { $0.contains("3 recordings") && $0.contains("▶ 10-01 06:30:00") }
        #expect(!screen.contains(" 1 new "), "following: no badge")
        session.sendKeys("q")
    }

    @Test func resizeRedrawsAndSmallTerminalsSaySo() throws {
        let directory = fixture()
        let session = try open(directory)
        session.resize(width: 80, height: 24)
        try session.waitUntil { screen in
            let lines = screen.split(separator: "\n")
            return lines.count <= 24 && lines.contains { $0.hasPrefix("┌ Chunks of rec-multi") }
        }
        session.resize(width: 20, height: 5)
        try session.waitFor("too small (30x8)")
        session.resize(width: 120, height: 40)
        try session.waitFor("┌ Event")
        session.sendKeys("C-c")
        #expect(session.exitStatus() == 0)
    }

    @Test func hostileIdsAreShownEscaped() throws {
        let directory = TemporaryDirectory()
        let evil = #"\u001b]0;pwned\u0007\u001b]52;c;aGFja2Vk\u0007\u001b[2J\u009b31m"#
        directory.write("evil.json", "[\(EventFixture.recording(id: "x", call: "c" + evil, recording: "r" + evil))]")
        let session = try TmuxSession(recdeck: [directory.path], width: 120, height: 40)
        let screen = try session.waitFor("1 recording ·")
        #expect(screen.contains(#"\u001b]0;pwned"#) || screen.contains(#"c\u001b"#))
        try session.waitFor(#"\u001b]52;c;aGFja2Vk"#)
        #expect(session.windowTitle() != "pwned")
        #expect(session.clipboard() == nil)
        #expect(screen.contains("recdeck"), "the screen was not cleared")
        session.sendKeys("q")
    }

    @Test func copyThroughTheClipboardAndExport() throws {
        let directory = fixture()
        let session = try open(directory)
        try session.waitFor("Chunks of rec-multi (2)")
        session.sendKeys("y")
        try session.waitFor("content URL of chunk 0")
        session.sendKeys("u")
        try session.waitFor("copied the content URL of chunk 0")
        #expect(session.clipboard() == "https://storage.asm.skype.com/v1/objects/0-weu-d7-e4/content/video")
        let exportDirectory = TemporaryDirectory()
        session.sendKeys("w", "C-u")
        session.sendText(exportDirectory.path + "/out.json")
        session.sendKeys("Enter")
        try session.waitFor("exported 2 rows")
        let exported = try String(contentsOfFile: exportDirectory.path + "/out.json", encoding: .utf8)
        let recordings = try #require(try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [[String: Any]])
        #expect(recordings.compactMap { $0["recordingId"] as? String } == ["rec-multi", "rec-single"])
        session.sendKeys("q")
    }

    /// The dashboard asks for SGR mouse reports (tmux's own X10 reports stop at column 223) and
    /// reads them: a click at column 250 of a 260-column window selects the chunk under it.
    @Test func aClickPastColumn223SelectsTheRowUnderIt() throws {
        let directory = fixture()
        let session = try open(directory, width: 260, height: 40)
        #expect(session.modes().mouseReporting && session.modes().mouseSGR, "\(session.modes())")
        let header = session.capture().split(separator: "\n")[1]
        #expect(header.contains("┌ Chunks of rec-multi") && header.firstRange(of: "┌ Chunks")!.lowerBound.utf16Offset(in: header) < 240)
        // Press and release on the second chunk's row (row 4, column 250; SGR counts from 1).
        session.sendBytes("\u{1B}[<0;251;5M\u{1B}[<0;251;5m")
        session.sendKeys("Enter")
        let screen = try session.waitFor("││ index ")
        // The panes' top half (the event pane below shows both chunks' JSON).
        let detail = screen.split(separator: "\n").prefix(20).joined(separator: "\n")
        #expect(detail.contains("0-weu-d20-b") && !detail.contains("0-weu-d7-e4"), "the detail of the chunk clicked:\n\(screen)")
        session.sendKeys("Escape", "Escape", "q")
        #expect(session.exitStatus() == 0)
        #expect(!session.modes().mouseSGR, "\(session.modes())")
    }

    @Test func noColorKeepsAVisibleSelection() throws {
        let directory = fixture()
        let session = try open(directory, environment: ["NO_COLOR": "1"])
        let styled = session.capture(escapes: true)
        #expect(!styled.contains("38;5;") && !styled.contains("48;5;"), "no colour codes")
        #expect(styled.contains("\u{1B}[7m") || styled.contains(";7m") || styled.contains("[7;"), "reverse for the selection")
        session.sendKeys("q")
    }
}

/// `recdeck demo`: a live feed into a temporary directory, removed on exit.
@Suite(.tags(.terminal)) struct DemoEndToEndTests {
    @Test func demoFeedsTheDashboardAndCleansUp() throws {
        let session = try TmuxSession(recdeck: ["demo", "--utc"], width: 120, height: 40)
        let first = try session.waitFor("recordings")
        #expect(first.contains("demo feed"))
        // Six recordings are written at start, then one every second or two.
        try session.waitUntil(timeout: 15) { screen in
            guard let range = screen.range(of: #"(\d+) recordings"#, options: .regularExpression) else { return false }
            return Int(screen[range].split(separator: " ")[0]).map { $0 >= 7 } ?? false
        }
        let before = (try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []
        #expect(before.contains { $0.hasPrefix("recdeck-demo-") })
        session.sendKeys("q")
        #expect(session.exitStatus() == 0)
        let after = (try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []
        #expect(Set(after.filter { $0.hasPrefix("recdeck-demo-") }).isSubset(of: Set(before.filter { $0.hasPrefix("recdeck-demo-") })))
        #expect(after.filter { $0.hasPrefix("recdeck-demo-") }.count < before.filter { $0.hasPrefix("recdeck-demo-") }.count)
    }
}
