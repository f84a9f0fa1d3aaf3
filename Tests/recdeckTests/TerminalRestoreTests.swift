import Foundation
import RecDeckCore
import RecDeckTestSupport
import Testing

/// Every way out gives the terminal back: keys, signals, a crash, suspending.
@Suite(.tags(.terminal)) struct TerminalRestoreTests {
    /// A dashboard on an empty directory under a reporting shell, and its process id; the
    /// directories go when `folders` is released.
    private func started(environment: [String: String] = [:]) throws -> (session: TmuxSession, pid: pid_t, folders: [TemporaryDirectory]) {
        let watched = TemporaryDirectory(), outside = TemporaryDirectory()
        let pidFile = outside.url.appendingPathComponent("recdeck.pid")
        let session = try TmuxSession(DashboardShell.wrapped(watched.url, pidFile: pidFile), width: 120, height: 40,
                                      environment: environment)
        try DashboardShell.waitForDashboard(session)
        let text = try String(contentsOf: pidFile, encoding: .utf8)
        let pid = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        return (session, pid, [watched, outside])
    }

    @Test(arguments: ["q", "C-c"])
    func keyQuitRestores(key: String) throws {
        let (session, _, folders) = try started()
        defer { withExtendedLifetime(folders) {} }
        session.sendKeys(key)
        try DashboardShell.expectRestored(session, status: 0, "after \(key)")
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ])
    func signalRestores(signal: Int32) throws {
        let (session, pid, folders) = try started()
        defer { withExtendedLifetime(folders) {} }
        kill(pid, signal)
        try DashboardShell.expectRestored(session, status: 128 + signal, "after signal \(signal)")
    }

    /// A crash (what a Swift runtime trap raises: SIGILL; or SIGSEGV, SIGABRT) still gives the
    /// terminal back before the process dies of the signal.
    @Test(arguments: [SIGILL, SIGSEGV, SIGABRT])
    func crashRestores(signal: Int32) throws {
        // Swift's backtracer would otherwise wait for a key on a terminal before the process ends.
        let (session, pid, folders) = try started(environment: ["SWIFT_BACKTRACE": "interactive=no"])
        defer { withExtendedLifetime(folders) {} }
        kill(pid, signal)
        try DashboardShell.expectRestored(session, status: 128 + signal, "after crash signal \(signal)")
    }

    /// Ctrl-Z gives the terminal back to the shell; `fg` brings the dashboard back, fully redrawn.
    @Test func suspendAndResume() throws {
        let temporary = TemporaryDirectory()
        let directory = temporary.url
        FileWriter.write(Array("[\(EventFixture.recording())]".utf8), to: directory.path + "/a.json")
        let session = try TmuxSession("bash --norc --noprofile -i", width: 100, height: 30,
                                      environment: ["PS1": "prompt$ "])
        try session.waitFor("prompt$")
        session.sendText(TmuxSession.quoted(CommandRunner.binary) + " " + TmuxSession.quoted(directory.path))
        session.sendKeys("Enter")
        try session.waitUntil(timeout: 20) { $0.contains("1 recording ·") && session.modes().alternateScreen }
        session.sendKeys("C-z")
        try session.waitUntil(timeout: 10) { screen in
            screen.contains("Stopped") && !session.modes().alternateScreen
        }
        #expect(session.modes().cursorVisible, "\(session.modes())")
        session.sendText("fg")
        session.sendKeys("Enter")
        // Fully redrawn after fg (polled: the frame is written in one go, but read in parts).
        try session.waitUntil(timeout: 10) {
            $0.contains("1 recording ·") && $0.contains("┌ Recordings") && $0.contains("┌ Event") && session.modes().alternateScreen
        }
        session.sendKeys("q")
        try session.waitUntil(timeout: 10) { _ in !session.modes().alternateScreen }
    }

    /// 50 resizes in about two seconds, down to 10×3 and back: then a correct frame.
    @Test func resizeStorm() throws {
        let temporary = TemporaryDirectory()
        let directory = temporary.url
        FileWriter.write(Array("[\(EventFixture.recording())]".utf8), to: directory.path + "/a.json")
        let session = try TmuxSession(recdeck: [directory.path], width: 120, height: 40)
        try session.waitFor("1 recording ·")
        let sizes = [(10, 3), (200, 60), (40, 12), (80, 24), (31, 8), (29, 7), (150, 50), (60, 14), (90, 20), (120, 40)]
        for index in 0..<50 {
            let (width, height) = sizes[index % sizes.count]
            session.resize(width: width, height: height)
            usleep(40_000)
        }
        session.resize(width: 10, height: 3)
        try session.waitFor("30x8")
        session.resize(width: 100, height: 30)
        let screen = try session.waitUntil(timeout: 10) { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return screen.contains("┌ Recordings") && screen.contains("┌ Event") && lines.first?.hasPrefix(" recdeck") == true
        }
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 100 }, "no line wider than the terminal:\n\(screen)")
        #expect(screen.contains("─┐┌ Chunks"), "a clean frame:\n\(screen)")
        session.sendKeys("q")
        #expect(session.exitStatus() == 0)
    }
}
