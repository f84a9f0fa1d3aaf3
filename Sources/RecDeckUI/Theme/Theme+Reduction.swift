extension Theme {
    /// This theme as a terminal of `depth` can show it, every colour reduced once, at load time
    /// (see `ColorReduction.reduce`): truecolor → the nearest of the 256 → the nearest of the 16
    /// (or 8) → none. At `.none` only the attributes remain (`withoutColor`), so a reverse-video
    /// selection stays visible. Every reduced style is kept visible (`keptVisible`).
    public func reduced(to depth: ColorDepth) -> Theme {
        if depth == .none { return withoutColor }
        var copy = self
        for role in ThemeRole.allCases {
            var style = self[role]
            style.foreground = ColorReduction.reduce(style.foreground, to: depth)
            style.background = ColorReduction.reduce(style.background, to: depth)
            copy[role] = Self.keptVisible(style, original: self[role])
        }
        return copy
    }

    /// `reduced` with what reduction may have made invisible mended: a foreground that became its
    /// own background gets the colour that contrasts with it (8 colours turn 242 on 235 into
    /// black on black); a grey that became black on the terminal's own background (the 8-colour
    /// unfocused border) becomes the terminal's own foreground, dimmed, which shows on any
    /// background; text left in the terminal's colour on a bar that became black or white gets
    /// the contrasting colour (the terminal's colour could be that very one).
    static func keptVisible(_ reduced: Style, original: Style) -> Style {
        var style = reduced
        let background = style.background
        if background != .default, style.foreground == background || (style.foreground == .default && original.foreground == .default
                                                                         && isExtreme(background) && background != original.background) {
            style.foreground = contrast(to: background)
        } else if background == .default, style.foreground == .ansi(0), !isBlack(original.foreground) {
            style.foreground = .default
            style.attributes.insert(.dim)
        }
        return style
    }

    /// Black or white (of either brightness): where the terminal's own foreground may be the same.
    private static func isExtreme(_ color: Color) -> Bool {
        if case .ansi(let index) = color { return [0, 7, 8, 15].contains(index) }
        return false
    }

    /// Whether the theme asked for black itself (then it keeps it).
    private static func isBlack(_ color: Color) -> Bool {
        switch color {
        case .ansi(0), .indexed(0), .indexed(16), .rgb(0, 0, 0): true
        default: false
        }
    }

    /// Black on light colours, white on dark ones, in the colours every depth has.
    static func contrast(to color: Color) -> Color {
        guard let (r, g, b) = ColorReduction.rgb(of: color) else { return .default }
        let luminance = 299 * Int(r) + 587 * Int(g) + 114 * Int(b)
        return luminance > 128_000 ? .ansi(0) : .ansi(7)
    }
}
