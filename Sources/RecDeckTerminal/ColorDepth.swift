import CNcurses
import RecDeckUI

// `ColorDepth` itself, and its detection rules, live with the themes in RecDeckUI; this adds the
// terminfo look-up, which needs ncurses.
extension ColorDepth {
    /// The depth for escape sequences written straight to standard output (no curses), such as
    /// `recdeck themes`' previews: terminfo's `colors` and `RGB` for `TERM`, combined with
    /// `NO_COLOR`, `COLORTERM` and the terminal's name by `detect(environment:terminfoColors:…)`.
    /// Does not start curses; the terminfo entry is loaded and freed again.
    public static func forStandardOutput(environment: [String: String]) -> ColorDepth {
        var colors: Int?
        var direct = false
        if let term = environment["TERM"], !term.isEmpty {
            var error: Int32 = 0
            if setupterm(term, 1, &error) == OK {
                colors = Int(recdeck_terminfo_colors())
                direct = recdeck_flag_capability("RGB") == 1
                if let loaded = set_curterm(nil) { del_curterm(loaded) }
            }
        }
        return detect(environment: environment, terminfoColors: colors, terminfoDirectColor: direct)
    }
}
