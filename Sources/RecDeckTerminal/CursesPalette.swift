import CNcurses
import RecDeckUI

/// Turns `Style`s into curses attributes and colour pairs for one terminal.
///
/// Colours are reduced to the terminal's `ColorDepth` (see `ColorReduction`); a pair is
/// allocated the first time a (foreground, background) combination is drawn and cached. The
/// terminal's own colours on both sides use pair 0. When the pairs run out, or there is no colour
/// (`NO_COLOR`, a monochrome terminal), pair 0 is used and only the attributes show: bold, dim,
/// italic, underline and reverse are always kept, so a reverse-video selection stays visible.
final class CursesPalette {
    private let depth: ColorDepth
    private let defaultColors: Bool
    private let pairLimit: Int32
    private var nextPair: Int32 = 1
    private var pairs: [PairKey: Int16] = [:]
    private var looks: [Style: (attributes: attr_t, pair: Int16)] = [:]

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// - Parameters:
    ///   - defaultColors: whether `use_default_colors` worked (colour -1 is the terminal's own);
    ///     without it the default foreground is white and the background black.
    ///   - pairLimit: the first pair number that may not be used (`COLOR_PAIRS`, at most 32767).
    init(depth: ColorDepth, defaultColors: Bool, pairLimit: Int32) {
        self.depth = depth
        self.defaultColors = defaultColors
        self.pairLimit = pairLimit
    }

    /// The curses attributes and colour pair for `style`.
    func look(of style: Style) -> (attributes: attr_t, pair: Int16) {
        if let known = looks[style] { return known }
        var attributes = recdeck_a_normal()
        if style.attributes.contains(.bold) { attributes |= recdeck_a_bold() }
        if style.attributes.contains(.dim) { attributes |= recdeck_a_dim() }
        if style.attributes.contains(.italic) { attributes |= recdeck_a_italic() }
        if style.attributes.contains(.underline) { attributes |= recdeck_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= recdeck_a_reverse() }
        let look = (attributes, pair(foreground: style.foreground, background: style.background))
        looks[style] = look
        return look
    }

    private func pair(foreground: Color, background: Color) -> Int16 {
        guard var fg = ColorReduction.cursesColor(foreground, depth: depth),
              var bg = ColorReduction.cursesColor(background, depth: depth) else { return 0 }
        if !defaultColors {
            if fg < 0 { fg = 7 }
            if bg < 0 { bg = 0 }
        }
        if fg < 0, bg < 0 { return 0 }
        let key = PairKey(foreground: fg, background: bg)
        if let known = pairs[key] { return known }
        guard nextPair < pairLimit, init_extended_pair(nextPair, fg, bg) == OK else {
            pairs[key] = 0
            return 0
        }
        let number = Int16(nextPair)
        nextPair += 1
        pairs[key] = number
        return number
    }
}
