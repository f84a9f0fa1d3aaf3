import Foundation
import RecDeckTestSupport
import Testing

/// The interactive mode refuses to start where it cannot draw, with one line and exit status 2;
/// and the tmux harness itself works (so end-to-end failures are about recdeck, not the harness).
@Suite(.tags(.terminal)) struct TerminalStartupTests {
    /// An empty directory to watch, removed afterwards by the caller.
    /// The screen's non-blank lines.
    private func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// Runs `commandLine` in tmux until `expected` shows; returns the exit status and the lines
    /// left on the screen.
    private func runToExit(_ commandLine: String, expecting expected: String) throws -> (status: Int32?, lines: [String]) {
        let session = try TmuxSession(commandLine, width: 200, height: 10)
        try session.waitFor(expected, timeout: 20)
        let status = session.exitStatus(timeout: 20)
        return (status, lines(session.capture()))
    }

    @Test func refusesDumbTerminal() throws {
        let temporary = TemporaryDirectory()
        let directory = temporary.url
        for form in [["watch", directory.path], [directory.path]] {
            let line = "TERM=dumb " + ([CommandRunner.binary] + form).map(TmuxSession.quoted).joined(separator: " ")
            let (status, screen) = try runToExit(line, expecting: "recdeck")
            #expect(status == 2, "recdeck \(form.joined(separator: " ")) with TERM=dumb: \(screen)")
            #expect(screen.count == 1, "expected one line, got \(screen)")
            #expect(screen.first?.contains("dumb") == true, "\(screen)")
            #expect(screen.first?.contains("recdeck list") == true, "\(screen)")
        }
    }

    @Test func refusesUnsetTerm() throws {
        let temporary = TemporaryDirectory()
        let directory = temporary.url
        let line = "env -u TERM " + [CommandRunner.binary, "watch", directory.path].map(TmuxSession.quoted).joined(separator: " ")
        let (status, screen) = try runToExit(line, expecting: "recdeck")
        #expect(status == 2, "\(screen)")
        #expect(screen.count == 1, "expected one line, got \(screen)")
        #expect(screen.first?.contains("TERM") == true, "\(screen)")
    }

    @Test func refusesWhenStandardOutputIsNotATerminal() throws {
        let temporary = TemporaryDirectory()
        let directory = temporary.url
        let output = directory.appendingPathComponent("stdout.txt").path
        let line = [CommandRunner.binary, "watch", directory.path].map(TmuxSession.quoted).joined(separator: " ")
            + " > " + TmuxSession.quoted(output)
        let (status, screen) = try runToExit(line, expecting: "recdeck")
        #expect(status == 2, "\(screen)")
        #expect(screen.count == 1, "expected one line, got \(screen)")
        #expect(screen.first?.contains("standard output is not a terminal") == true, "\(screen)")
        #expect(screen.first?.contains("recdeck list") == true, "\(screen)")
        let written = (try? String(contentsOfFile: output, encoding: .utf8)) ?? "(missing)"
        #expect(written.isEmpty, "nothing may be written to a non-terminal standard output: \(written.debugDescription)")
    }

    @Test func refusesWithoutAnyTerminal() throws {
        let temporary = TemporaryDirectory()
        let directory = temporary.url
        let result = CommandRunner.recdeck("watch", directory.path)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.isEmpty, "\(result.stdout.debugDescription)")
        let errorLines = lines(result.stderr)
        #expect(errorLines.count == 1, "expected one line, got \(errorLines)")
        #expect(errorLines.first?.contains("not a terminal") == true, "\(errorLines)")
    }
}

/// The tmux harness on plain shell commands.
@Suite(.tags(.terminal)) struct TmuxSessionTests {
    @Test func waitsSendsResizesAndReadsTheExitStatus() throws {
        let session = try TmuxSession("printf 'hello\\n'; sleep 30", width: 100, height: 30)
        let screen = try session.waitFor("hello")
        #expect(screen.split(separator: "\n", omittingEmptySubsequences: false).first == "hello")
        #expect(session.paneSize().map { "\($0.width)x\($0.height)" } == "100x30")
        session.resize(width: 60, height: 12)
        try session.waitUntil { _ in session.paneSize().map { "\($0.width)x\($0.height)" } == "60x12" }
        #expect(session.capture().contains("hello"))
        #expect(session.exitStatus(timeout: 0) == nil, "still running")
        session.sendKeys("C-c")
        #expect(session.exitStatus() == 128 + SIGINT)
    }

    @Test func typesTextAndKeys() throws {
        let session = try TmuxSession("printf 'ready\\n'; read line; printf 'got:%s\\n' \"$line\"; exit 3", width: 80, height: 10)
        try session.waitFor("ready")
        session.sendText("abc -x 'q' é")
        session.sendKeys("Enter")
        try session.waitFor("got:abc -x 'q' é")
        #expect(session.exitStatus() == 3)
        #expect(session.capture().contains("got:abc -x 'q' é"), "a dead pane keeps its normal-screen text")
    }

    @Test func programSeesTheSizeChange() throws {
        let script = "trap 'printf \"size:%s\\n\" \"$(stty size)\"' WINCH; printf 'ready\\n'; while :; do sleep 0.05; done"
        let session = try TmuxSession(script, width: 80, height: 24)
        try session.waitFor("ready")
        session.resize(width: 70, height: 20)
        try session.waitFor("size:20 70")
    }

    @Test func cleanEnvironment() throws {
        let line = #"printf 'TERM=%s LANG=%s NO_COLOR=%s EXTRA=%s\n' "$TERM" "$LANG" "${NO_COLOR-unset}" "$EXTRA"; sleep 30"#
        let session = try TmuxSession(line, width: 100, height: 5, environment: ["EXTRA": "yes"])
        try session.waitFor("TERM=tmux-256color LANG=C.UTF-8 NO_COLOR=unset EXTRA=yes")
    }

    @Test func readsEscapesTitleAndClipboard() throws {
        let session = try TmuxSession(#"printf '\033[1;31mred\033[0m plain\n'; sleep 30"#, width: 80, height: 5)
        try session.waitFor("red plain")
        let styled = session.capture(escapes: true)
        #expect(styled.contains("\u{1B}[") && styled.contains("31"), "\(styled.debugDescription)")
        #expect(session.clipboard() == nil, "no OSC 52 yet")
        #expect(session.windowTitle() != "my title")

        let marks = try TmuxSession(#"printf '\033]2;my title\007\033]52;c;aGVsbG8=\007done\n'; sleep 30"#, width: 80, height: 5)
        try marks.waitFor("done")
        #expect(marks.windowTitle() == "my title")
        #expect(marks.clipboard() == "hello")
    }

    @Test func waitForFailsWithTheLastScreen() throws {
        let session = try TmuxSession("printf 'something else\\n'; sleep 30", width: 40, height: 5)
        try session.waitFor("something")
        do {
            try session.waitFor("never shown", timeout: 0.2)
            Issue.record("waitFor should have timed out")
        } catch let failure as TmuxSession.Failure {
            #expect(failure.screen.contains("something else"))
            #expect(failure.description.contains("never shown"))
        }
    }

    @Test func killRemovesTheServerFiles() throws {
        let session = try TmuxSession("sleep 30", width: 40, height: 5)
        #expect(FileManager.default.fileExists(atPath: session.socketPath))
        session.kill()
        #expect(!FileManager.default.fileExists(atPath: session.socketPath))
        #expect(!FileManager.default.fileExists(atPath: session.configurationPath))
        session.kill()
    }
}

/// Every way out of the dashboard leaves the terminal as it was: normal screen, cursor visible,
/// mouse reporting and keypad mode off, and (where a shell can look afterwards) line mode and echo.
