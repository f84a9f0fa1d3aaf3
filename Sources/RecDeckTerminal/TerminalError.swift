/// Why the interactive dashboard cannot run on this terminal.
///
/// Each case reads as one line of text (`description`), meant for standard error before exiting
/// with status 2; none of them has touched the terminal.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    case standardInputNotTerminal
    case standardOutputNotTerminal
    case termNotSet
    case dumbTerminal
    /// `setupterm` found no terminfo entry for this `TERM`.
    case unknownTerminal(String)
    /// `setupterm` found no terminfo database at all.
    case noTerminfoDatabase(String)
    /// The terminal cannot address the cursor (`cup` missing), or is a hard-copy terminal.
    case cannotAddressCursor(String)
    /// `newterm` failed even though the checks passed.
    case startFailed(String)

    private static let listHint = "for a non-interactive listing use: recdeck list DIR"

    /// The one-line message, starting with `recdeck: `.
    public var description: String {
        switch self {
        case .standardInputNotTerminal:
            "recdeck: standard input is not a terminal; \(Self.listHint)"
        case .standardOutputNotTerminal:
            "recdeck: standard output is not a terminal; \(Self.listHint)"
        case .termNotSet:
            "recdeck: TERM is not set, so the terminal type is unknown; set TERM (e.g. xterm-256color), or \(Self.listHint)"
        case .dumbTerminal:
            "recdeck: TERM=dumb cannot show the dashboard; use a full terminal, or \(Self.listHint)"
        case .unknownTerminal(let term):
            "recdeck: unknown terminal type '\(Self.printable(term))' (no terminfo entry); set TERM to a known type, or \(Self.listHint)"
        case .noTerminfoDatabase(let term):
            "recdeck: no terminfo database found for TERM='\(Self.printable(term))'; install ncurses-base, or \(Self.listHint)"
        case .cannotAddressCursor(let term):
            "recdeck: terminal type '\(Self.printable(term))' cannot move the cursor; use a full terminal, or \(Self.listHint)"
        case .startFailed(let term):
            "recdeck: could not start the terminal (TERM='\(Self.printable(term))'); \(Self.listHint)"
        }
    }

    /// `TERM` as it may be shown: controls become `?` so the message stays one safe line.
    private static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.prefix(64).map { scalar in
            CellGlyph.isControl(scalar) ? "?" : scalar
        }))
    }
}
