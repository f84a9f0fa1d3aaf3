import RecDeckUI

/// Curses colour numbers for theme colours. The reduction itself (nearest of the 256, of the 16,
/// the distance) lives with the themes in RecDeckUI (`ColorReduction.reduce`), so the terminal and
/// the theme loader share one implementation; this only numbers its result for curses.
extension ColorReduction {
    /// The curses colour number for `color` at `depth`: -1 for `.default` (the terminal's own, via
    /// `use_default_colors`), nil at `.none`. At `.direct` the number is 0xRRGGBB, except ANSI
    /// 0–7 which direct-colour terminfo entries still send as the palette colours.
    public static func cursesColor(_ color: Color, depth: ColorDepth) -> Int32? {
        if depth == .none { return nil }
        switch reduce(color, to: depth) {
        case .default:
            return -1
        case .ansi(let index), .indexed(let index):
            if depth == .direct, index >= 8 { return packed(rgb(ofIndexed: index)) }
            return Int32(index)
        case .rgb(let r, let g, let b):
            return packed((r, g, b))
        }
    }

    /// 0xRRGGBB; values below 8 (black to rgb(0,0,7)) become 8, because direct-colour terminfo
    /// entries send 0–7 as the palette's ANSI colours.
    private static func packed(_ rgb: (UInt8, UInt8, UInt8)) -> Int32 {
        max(8, Int32(rgb.0) << 16 | Int32(rgb.1) << 8 | Int32(rgb.2))
    }
}
