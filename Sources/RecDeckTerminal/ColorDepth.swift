/// How many colours the terminal can show, as recdeck uses them.
public enum ColorDepth: Int, Comparable, Sendable, CaseIterable {
    /// No colour at all (`NO_COLOR`, a monochrome terminal); attributes still show.
    case none
    /// The 8 basic ANSI colours (`screen`, `xterm`).
    case ansi8
    /// The 16 ANSI colours, bright ones included.
    case ansi16
    /// The xterm 256-colour palette (`tmux-256color`, `xterm-256color`).
    case indexed256
    /// 24-bit colour addressed directly (terminfo `RGB` flag, e.g. `xterm-direct`).
    case direct

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The depth to use, decided from the environment and what terminfo reports.
    ///
    /// - Parameters:
    ///   - noColor: the value of `NO_COLOR`; any non-empty value turns colour off (no-color.org).
    ///   - hasColors: curses' `has_colors()`.
    ///   - colors: curses' `COLORS`.
    ///   - directColor: terminfo's `RGB` flag (colour numbers are 0xRRGGBB values).
    public static func detect(noColor: String?, hasColors: Bool, colors: Int, directColor: Bool) -> ColorDepth {
        if let noColor, !noColor.isEmpty { return .none }
        guard hasColors else { return .none }
        if directColor, colors > 256 { return .direct }
        if colors >= 256 { return .indexed256 }
        if colors >= 16 { return .ansi16 }
        if colors >= 8 { return .ansi8 }
        return .none
    }
}
