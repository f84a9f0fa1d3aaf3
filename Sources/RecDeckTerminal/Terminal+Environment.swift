import CNcurses
import Glibc

extension Terminal {
    /// The safe start-up checks, in order: standard input and output are terminals, `TERM` is set
    /// and not `dumb`, terminfo knows `TERM`, and the terminal can address the cursor (`cup`).
    ///
    /// Run it before `init`: plain `initscr()` would exit by itself on an unknown `TERM`, draw
    /// garbage on `dumb` and write escape codes into a pipe. On failure the caller prints the
    /// error's one-line `description` to standard error and exits with status 2.
    public static func checkEnvironment() throws(TerminalError) {
        let term = getenv("TERM").map { String(cString: $0) }
        if let refusal = refusal(stdinIsTTY: isatty(0) == 1, stdoutIsTTY: isatty(1) == 1, term: term) {
            throw refusal
        }
        let name = term ?? ""
        var error: Int32 = 0
        var hasCursorAddress: Int32 = 0
        let loaded = recdeck_check_terminfo(1, &error, &hasCursorAddress) == 1
        if let refusal = refusal(term: name, terminfoLoaded: loaded, setuptermError: error, hasCursorAddress: hasCursorAddress == 1) {
            throw refusal
        }
    }

    /// The refusal for the checks that need no terminfo, or nil to go on. Pure, for tests.
    public static func refusal(stdinIsTTY: Bool, stdoutIsTTY: Bool, term: String?) -> TerminalError? {
        if !stdinIsTTY { return .standardInputNotTerminal }
        if !stdoutIsTTY { return .standardOutputNotTerminal }
        guard let term, !term.isEmpty else { return .termNotSet }
        if term == "dumb" { return .dumbTerminal }
        return nil
    }

    /// The refusal for what `setupterm` reported, or nil to go on. Pure, for tests.
    ///
    /// `setuptermError` as `setupterm` sets it: 1 hard-copy terminal, 0 no entry for `term`,
    /// -1 no terminfo database.
    public static func refusal(term: String, terminfoLoaded: Bool, setuptermError: Int32, hasCursorAddress: Bool) -> TerminalError? {
        if !terminfoLoaded {
            switch setuptermError {
            case 1: return .cannotAddressCursor(term)
            case -1: return .noTerminfoDatabase(term)
            default: return .unknownTerminal(term)
            }
        }
        return hasCursorAddress ? nil : .cannotAddressCursor(term)
    }
}
