extension Theme {
    /// This theme as a terminal of `depth` can show it, every colour reduced once, at load time
    /// (see `ColorReduction.reduce`): truecolor → the nearest of the 256 → the nearest of the 16
    /// (or 8) → none. At `.none` only the attributes remain (`withoutColor`), so a reverse-video
    /// selection stays visible.
    public func reduced(to depth: ColorDepth) -> Theme {
        if depth == .none { return withoutColor }
        var copy = self
        for role in ThemeRole.allCases {
            var style = self[role]
            style.foreground = ColorReduction.reduce(style.foreground, to: depth)
            style.background = ColorReduction.reduce(style.background, to: depth)
            copy[role] = style
        }
        return copy
    }
}
