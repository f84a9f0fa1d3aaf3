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
    /// 24-bit colour addressed directly (terminfo `RGB` flag, e.g. `xterm-direct`; `COLORTERM=truecolor`).
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

    /// The depth for escape sequences recdeck writes itself (not through curses), such as the
    /// previews of `recdeck themes`, decided the way colour-aware command-line tools do:
    ///
    /// 1. `NO_COLOR` set and not empty: none (no-color.org).
    /// 2. `TERM` unset, empty or `dumb`: none.
    /// 3. `COLORTERM=truecolor` or `24bit`: direct, except under GNU screen (`TERM=screen*` outside
    ///    tmux, whose `TERM_PROGRAM` is `tmux`), which passes only 256 colours.
    /// 4. What terminfo says for `TERM` (`colors`, the `RGB` flag), when it knows `TERM`.
    /// 5. Otherwise `TERM`'s name: `*-direct`, kitty, alacritty, wezterm, ghostty → direct;
    ///    `*256color*` → 256; `*-16color` → 16; `xterm*`, `screen*`, `tmux*`, `rxvt*`, `linux`,
    ///    `vt220`, `ansi`, `*color*`, `cygwin` → 8; anything else → none.
    /// `COLORTERM` set to anything else (`yes`, `1`) raises a lower result to 256 colours.
    ///
    /// - Parameters:
    ///   - environment: the variables to read (passed in, so tests need not change the process's).
    ///   - terminfoColors: terminfo's `colors` for `TERM`, nil when terminfo does not know `TERM`.
    ///   - terminfoDirectColor: terminfo's `RGB` flag for `TERM`.
    public static func detect(environment: [String: String], terminfoColors: Int?, terminfoDirectColor: Bool = false) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        let term = (environment["TERM"] ?? "").lowercased()
        if term.isEmpty || term == "dumb" { return .none }
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        let inTmux = environment["TERM_PROGRAM"] == "tmux" || environment["TMUX"].map { !$0.isEmpty } == true
        if colorTerm == "truecolor" || colorTerm == "24bit" {
            return term.hasPrefix("screen") && !inTmux ? .indexed256 : .direct
        }
        var depth: ColorDepth
        if let terminfoColors {
            depth = detect(noColor: nil, hasColors: terminfoColors > 0, colors: terminfoColors,
                           directColor: terminfoDirectColor)
        } else {
            depth = depthFromName(term)
        }
        if !colorTerm.isEmpty, depth < .indexed256, depth > .none { depth = .indexed256 }
        return depth
    }

    /// A guess from the terminal's name alone, for a `TERM` terminfo does not know.
    static func depthFromName(_ term: String) -> ColorDepth {
        if term.hasSuffix("-direct") || term.contains("kitty") || term.contains("alacritty")
            || term.contains("wezterm") || term.contains("ghostty") { return .direct }
        if term.contains("256color") { return .indexed256 }
        if term.hasSuffix("-16color") { return .ansi16 }
        let eightColor = ["xterm", "screen", "tmux", "rxvt", "linux", "vt220", "ansi", "cygwin", "konsole", "putty"]
        if eightColor.contains(where: { term.hasPrefix($0) }) || term.contains("color") { return .ansi8 }
        return .none
    }
}
