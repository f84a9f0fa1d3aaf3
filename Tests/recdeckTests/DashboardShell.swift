import Foundation
import Testing

/// Runs the dashboard under a shell that reports how it ended, for tests of every way out.
enum DashboardShell {
    /// Waits for the dashboard: the alternate screen is on and the header shows.
    static func waitForDashboard(_ session: TmuxSession) throws {
        try session.waitUntil(timeout: 20) { screen in screen.contains("recdeck") && session.modes().alternateScreen }
        let modes = session.modes()
        #expect(!modes.cursorVisible, "\(modes)")
        #expect(modes.mouseReporting && modes.mouseSGR, "\(modes)")
    }

    /// `recdeck watch DIR` in a shell that afterwards prints its exit status and `stty -a`, and
    /// stays alive (tmux reports a dead pane's cursor as hidden); recdeck's pid goes to `pidFile`
    /// (outside DIR, so the watcher does not see it).
    static func wrapped(_ directory: URL, pidFile: URL) -> String {
        let run = "echo $$ > " + TmuxSession.quoted(pidFile.path) + "; exec "
            + [CommandRunner.binary, "watch", directory.path].map(TmuxSession.quoted).joined(separator: " ")
        return "sh -c " + TmuxSession.quoted(run) + #"; printf 'exit:%s\n' "$?"; stty -a; echo stty-done; sleep 30"#
    }

    /// After exit: the status line, stty's line mode and echo back, the modes restored.
    static func expectRestored(_ session: TmuxSession, status expected: Int32, _ context: String) throws {
        let screen = try session.waitFor("stty-done", timeout: 20)
        #expect(screen.contains("exit:\(expected)"), "\(context):\n\(screen)")
        let words = Set(screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
            #expect(words.contains(mode) && !words.contains("-" + mode), "\(context): stty mode \(mode) not restored:\n\(screen)")
        }
        #expect(session.modes().isRestored, "\(context): \(session.modes())")
    }
}
