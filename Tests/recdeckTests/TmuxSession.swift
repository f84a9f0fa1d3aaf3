import CSpawn
import Foundation
import RecDeckCore

/// A command running in a real terminal: a private tmux server at a fixed size, driven with
/// `send-keys` and read with `capture-pane`, for end-to-end tests of the dashboard.
///
/// Each session has its own server (`tmux -S <unique socket> -f <generated conf>`), so tests run
/// in parallel and never see the user's tmux or its configuration. The conf sets
/// `default-terminal tmux-256color`, `remain-on-exit on` (the exit status stays readable) with
/// an empty `remain-on-exit-format` (tmux 3.3a's "Pane is dead" line wipes what a program printed
/// just before exiting, such as a refusal message), `status off` (the whole pane is the window), `set-clipboard on` (OSC 52 lands in a tmux
/// buffer, see `clipboard()`) and a non-zero `history-limit`.
///
/// The command gets a clean environment: `PATH`, `HOME`, `LANG=C.UTF-8`, `XDG_STATE_HOME` (a folder of its own), `TERM` from tmux
/// (`tmux-256color`), plus `environment`. `NO_COLOR` only when a test passes it (`swift test`
/// itself sets it when its output is not a terminal). To unset `TERM`, say so in the command
/// line (`env -u TERM …`, `TERM=dumb …`).
///
/// tmux is spawned with `posix_spawnp` (see `CSpawn`), not `Foundation.Process`, which can hang on
/// the daemonised server; the child gets an empty signal mask, default dispositions and no
/// inherited descriptors. Assert on the screen before the program quits: after it exits, the
/// alternate screen (its last frame) is gone. `deinit` kills the server and deletes its files.
final class TmuxSession {
    /// Why a wait failed: what was awaited, for how long, and the last screen seen.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var screen: String
        var description: String { "\(message)\n--- last screen ---\n\(screen)\n-------------------" }
    }

    /// What one tmux command did.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let socketPath: String
    let configurationPath: String
    /// The program's `XDG_STATE_HOME` (its prompt history), so a test never writes the user's.
    let stateFolder: String
    /// The session (and target) name inside the private server.
    let target = "recdeck"
    private let environment: [String]
    private var serverPID: pid_t = 0
    private var killed = false
    /// tmux commands that failed, kept for failure messages.
    private(set) var errors: [String] = []

    /// Starts `commandLine` (run by `/bin/sh -c`) in a new detached `width`×`height` session.
    init(_ commandLine: String, width: Int = 120, height: Int = 40, environment extra: [String: String] = [:], directory: String? = nil) throws {
        let name = "rdtmux-\(getpid())-\(UUID().uuidString.prefix(8))"
        // /tmp, not $TMPDIR: a socket path must fit in sun_path (108 bytes).
        socketPath = "/tmp/\(name).sock"
        configurationPath = "/tmp/\(name).conf"
        stateFolder = "/tmp/\(name).state"
        let configuration = """
            set -g default-terminal "tmux-256color"
            set -g default-shell /bin/sh
            set -g remain-on-exit on
            set -g remain-on-exit-format ""
            set -g status off
            set -g history-limit 5000
            set -g set-clipboard on
            set -g escape-time 0
            set -g update-environment ""

            """
        if let error = FileWriter.write(Array(configuration.utf8), to: configurationPath) { throw Failure(message: "cannot write the tmux configuration: \(error)", screen: "") }

        let inherited = ProcessInfo.processInfo.environment
        var variables: [String: String] = [
            "PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": inherited["HOME"] ?? "/tmp",
            "LANG": "C.UTF-8",
            "XDG_STATE_HOME": stateFolder,
        ]
        for (key, value) in extra { variables[key] = value }
        environment = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }

        var arguments = ["new-session", "-d", "-s", target, "-x", String(width), "-y", String(height)]
        if let directory { arguments += ["-c", directory] }
        arguments.append(commandLine)
        let started = tmux(arguments)
        guard started.status == 0 else {
            cleanUpFiles()
            killed = true
            throw Failure(message: "tmux new-session failed (\(started.status)): \(started.stderr)", screen: "")
        }
        serverPID = pid_t(tmux(["display-message", "-p", "-t", target, "#{pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Runs the built `recdeck` with `arguments` (each shell-quoted).
    convenience init(recdeck arguments: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:], directory: String? = nil) throws {
        let line = ([CommandRunner.binary] + arguments).map(TmuxSession.quoted).joined(separator: " ")
        try self.init(line, width: width, height: height, environment: environment, directory: directory)
    }

    deinit { kill() }

    /// `text` quoted for `/bin/sh`.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    // MARK: input

    /// Sends tmux key names: `Down`, `Enter`, `Escape`, `BTab`, `C-c`, `PPage`, `F1`, `q`, …
    func sendKeys(_ keys: String...) {
        tmux(["send-keys", "-t", target] + keys)
    }

    /// Types `literal` as is (`send-keys -l`).
    func sendText(_ literal: String) {
        tmux(["send-keys", "-t", target, "-l", "--", literal])
    }

    /// Sends `bytes` to the program as the terminal would (`send-keys -H`): a mouse report, say.
    func sendBytes(_ bytes: String) {
        tmux(["send-keys", "-t", target, "-H"] + bytes.utf8.map { String($0, radix: 16) })
    }

    /// Pastes `text` the way a terminal does: bracketed (`ESC [200~ … ESC [201~`) when the program
    /// asked for it with `?2004h`, as plain typing otherwise (`paste-buffer -p`).
    func paste(_ text: String) {
        tmux(["set-buffer", "-b", "recdeck-test", "--", text])
        tmux(["paste-buffer", "-p", "-d", "-b", "recdeck-test", "-t", target])
    }

    /// Resizes the window (the program gets SIGWINCH).
    func resize(width: Int, height: Int) {
        tmux(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
    }

    // MARK: output

    /// The visible screen as text, one line per row (trailing spaces trimmed by tmux); with
    /// `escapes`, SGR sequences for colours and attributes are included (`capture-pane -e`).
    func capture(escapes: Bool = false) -> String {
        tmux(["capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : [])).stdout
    }

    /// Polls the screen every ~20 ms until it contains `text`; returns that screen.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitUntil(timeout: timeout, description: "\"\(text)\"") { $0.contains(text) }
    }

    /// Polls the screen every ~20 ms until `predicate` holds; returns that screen.
    @discardableResult
    func waitUntil(timeout: TimeInterval = 10, _ predicate: (String) -> Bool) throws -> String {
        try waitUntil(timeout: timeout, description: "a screen matching the predicate", predicate)
    }

    /// A screen counts once it holds still: tmux can be captured between two writes of one frame
    /// (the header redrawn, the rows not yet), so a match is taken only when a second capture
    /// ~25 ms later is the same (or, at the deadline, when the last capture matches).
    private func waitUntil(timeout: TimeInterval, description: String, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while true {
            if predicate(screen) {
                usleep(25_000)
                let again = capture()
                if again == screen || (Date() >= deadline && predicate(again)) { return again }
                screen = again
                continue
            }
            if Date() >= deadline { break }
            usleep(20_000)
            screen = capture()
        }
        var message = "timed out after \(timeout)s waiting for \(description)"
        if !errors.isEmpty { message += "; tmux errors: " + errors.suffix(5).joined(separator: " | ") }
        throw Failure(message: message, screen: screen)
    }

    /// The exit status of the command once it has ended (128 + the signal if a signal killed it),
    /// or nil if it is still running after `timeout` seconds.
    func exitStatus(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var attempt = 0
        while true {
            let fields = tmux(["display-message", "-p", "-t", target, "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}"])
                .stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ":", omittingEmptySubsequences: false)
            if fields.count == 3, fields[0] == "1" {
                if let status = Int32(fields[1]) { return status }
                if let signal = Int32(fields[2]), signal > 0 { return 128 + signal }
            }
            if Date() >= deadline { return nil }
            // Debian's tmux may not reap a fast-exiting pane (libutempter swallows SIGCHLD) until
            // the server gets another SIGCHLD.
            attempt += 1
            if attempt % 5 == 0, serverPID > 0 { Foundation.kill(serverPID, SIGCHLD) }
            usleep(20_000)
        }
    }

    /// The pane's title as the program set it (OSC 0/2); tmux starts it as the host name.
    func windowTitle() -> String {
        tmux(["display-message", "-p", "-t", target, "#{pane_title}"]).stdout.trimmingCharacters(in: .newlines)
    }

    /// The newest tmux paste buffer, where an OSC 52 copy lands (`set-clipboard on`); nil if the
    /// program never set one.
    func clipboard() -> String? {
        let output = tmux(["show-buffer"])
        return output.status == 0 ? output.stdout : nil
    }

    /// A tmux format expanded for the pane (`#{pane_pid}`, `#{cursor_x}`, …).
    func format(_ format: String) -> String {
        tmux(["display-message", "-p", "-t", target, format]).stdout.trimmingCharacters(in: .newlines)
    }

    /// The terminal modes the program has left set, as tmux tracks them from its output (also
    /// after it exited). What a program that restored the terminal leaves: `isRestored`.
    struct Modes: Equatable, CustomStringConvertible {
        var alternateScreen: Bool
        var cursorVisible: Bool
        var mouseReporting: Bool
        /// Mouse reports in the SGR encoding (`?1006h`).
        var mouseSGR: Bool
        var keypadTransmit: Bool
        var isRestored: Bool { !alternateScreen && cursorVisible && !mouseReporting && !mouseSGR && !keypadTransmit }
        var description: String {
            "alternate screen \(alternateScreen), cursor visible \(cursorVisible), mouse \(mouseReporting), SGR mouse \(mouseSGR), keypad \(keypadTransmit)"
        }
    }

    /// The pane's terminal modes now.
    func modes() -> Modes {
        let fields = format("#{alternate_on}:#{cursor_flag}:#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}#{mouse_all_flag}:#{keypad_cursor_flag}:#{mouse_sgr_flag}")
            .split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 5 else {
            return Modes(alternateScreen: true, cursorVisible: false, mouseReporting: true, mouseSGR: true, keypadTransmit: true)
        }
        return Modes(alternateScreen: fields[0] == "1", cursorVisible: fields[1] == "1",
                     mouseReporting: fields[2].contains("1"), mouseSGR: fields[4] == "1", keypadTransmit: fields[3] == "1")
    }

    /// The pid of the pane's first process (the command, or the shell running it).
    var panePID: pid_t? { pid_t(format("#{pane_pid}")) }

    /// The pane's size as tmux sees it.
    func paneSize() -> (width: Int, height: Int)? {
        let fields = tmux(["display-message", "-p", "-t", target, "#{pane_width}x#{pane_height}"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "x")
        guard fields.count == 2, let width = Int(fields[0]), let height = Int(fields[1]) else { return nil }
        return (width, height)
    }

    // MARK: lifetime

    /// Kills the server (and the command) and deletes the socket and conf. Idempotent.
    func kill() {
        guard !killed else { return }
        killed = true
        let result = tmux(["kill-server"])
        if result.status != 0, serverPID > 0 { Foundation.kill(serverPID, SIGKILL) }
        cleanUpFiles()
    }

    private func cleanUpFiles() {
        unlink(socketPath)
        unlink(configurationPath)
        try? FileManager.default.removeItem(atPath: stateFolder)
    }

    /// Runs `tmux -S socket -f conf arguments…` with the session's environment.
    @discardableResult
    func tmux(_ arguments: [String], timeout: TimeInterval = 10) -> Output {
        let output = TmuxSession.spawn(["tmux", "-S", socketPath, "-f", configurationPath] + arguments,
                                       environment: environment, timeout: timeout)
        if output.status != 0, arguments.first != "show-buffer" {
            errors.append("tmux \(arguments.joined(separator: " ")) → \(output.status): \(output.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return output
    }

    /// Spawns `command`, collects its standard output and error, waits for it (killing it after
    /// `timeout`). Stops reading when the child has exited, even if a daemon it forked still holds
    /// the pipes.
    static func spawn(_ command: [String], environment: [String], timeout: TimeInterval) -> Output {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard cspawn_pipe(&outPipe) == 0 else { return Output(status: -1, stdout: "", stderr: "pipe failed") }
        guard cspawn_pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            return Output(status: -1, stdout: "", stderr: "pipe failed")
        }
        let pid = withCStrings(command) { argv in
            withCStrings(environment) { envp in cspawn_start(argv, envp, outPipe[1], errPipe[1]) }
        }
        close(outPipe[1])
        close(errPipe[1])
        defer {
            close(outPipe[0])
            close(errPipe[0])
        }
        guard pid > 0 else {
            return Output(status: -1, stdout: "", stderr: "could not start \(command[0]): \(String(cString: strerror(-pid)))")
        }
        var out: [UInt8] = []
        var err: [UInt8] = []
        func drain() {
            for (fd, index) in [(outPipe[0], 0), (errPipe[0], 1)] {
                var chunk = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                    guard count > 0 else { break }
                    if index == 0 { out += chunk[0..<count] } else { err += chunk[0..<count] }
                }
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = -1
        while true {
            var fds = [pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0),
                       pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)]
            _ = poll(&fds, 2, 5)
            drain()
            var code: Int32 = 0
            let waited = cspawn_wait(pid, 1, &code)
            if waited == pid {
                status = code
                drain()
                break
            }
            if waited < 0 { break }
            if Date() >= deadline {
                Foundation.kill(pid, SIGKILL)
                _ = cspawn_wait(pid, 0, &code)
                drain()
                err += Array("\n(timed out after \(timeout)s)".utf8)
                status = -1
                break
            }
        }
        return Output(status: status, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// Calls `body` with a NULL-terminated C string array of `strings`.
    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let duplicated = strings.map { strdup($0) }
        defer { duplicated.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = duplicated.map { UnsafePointer($0) } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
