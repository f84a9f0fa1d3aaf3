/// A one-line sample of a theme, for `recdeck themes`: a few roles drawn with their own styles,
/// written as SGR escape sequences reduced to what the terminal has.
public enum ThemePreview {
    /// The sample: text and the role that draws it. Spaces between samples are `text`.
    public static let samples: [(text: String, role: ThemeRole)] = [
        (" ● live ", .headerLive), (" ", .text),
        (" ▶ selected ", .selection), (" ", .text),
        ("{", .jsonPunct), ("\"id\"", .jsonKey), (": ", .jsonPunct), ("\"a1\"", .jsonString), (", ", .jsonPunct),
        ("\"n\"", .jsonKey), (": ", .jsonPunct), ("42", .jsonNumber), (", ", .jsonPunct),
        ("true", .jsonBool), (", ", .jsonPunct), ("null", .jsonNull), ("}", .jsonPunct), (" ", .text),
        ("⚠ failed", .rowAnomaly), (" ", .text), ("new", .rowNew), (" ", .text),
        ("match", .searchMatch), (" ", .text), ("error", .error),
    ]

    /// The sample as plain text (what it reads without colour).
    public static var plainText: String { samples.map(\.text).joined() }

    /// The sample drawn in `theme`, reduced to `depth`, ending with a reset.
    public static func line(_ theme: Theme, depth: ColorDepth) -> String {
        var line = ""
        var current: Style?
        for (text, role) in samples {
            let style = theme[role]
            if style != current {
                line += SGR.sequence(for: style, depth: depth)
                current = style
            }
            line += text
        }
        return line + SGR.reset
    }
}

/// Select Graphic Rendition escape sequences (ECMA-48) for a `Style`.
public enum SGR {
    /// Back to the terminal's own colours, no attributes.
    public static let reset = "\u{1B}[0m"

    /// The sequence that draws `style` at `depth`, starting from a reset (`ESC[0;…m`): attributes
    /// 1 bold, 2 dim, 3 italic, 4 underline, 7 reverse; colours, reduced first, as 30–37/90–97
    /// (40–47/100–107) for ANSI colours, `38;5;N` (`48;5;N`) for the 256 and `38;2;R;G;B`
    /// (`48;2;R;G;B`) for 24-bit; none at all at `.none` or for `.default`.
    public static func sequence(for style: Style, depth: ColorDepth) -> String {
        "\u{1B}[" + parameters(for: style, depth: depth).map(String.init).joined(separator: ";") + "m"
    }

    /// The parameters of `sequence(for:depth:)`, 0 (reset) first.
    public static func parameters(for style: Style, depth: ColorDepth) -> [Int] {
        var parameters = [0]
        let attributes: [(TextAttributes, Int)] = [(.bold, 1), (.dim, 2), (.italic, 3), (.underline, 4), (.reverse, 7)]
        for (attribute, code) in attributes where style.attributes.contains(attribute) { parameters.append(code) }
        parameters += colorParameters(style.foreground, depth: depth, background: false)
        parameters += colorParameters(style.background, depth: depth, background: true)
        return parameters
    }

    private static func colorParameters(_ color: Color, depth: ColorDepth, background: Bool) -> [Int] {
        switch ColorReduction.reduce(color, to: depth) {
        case .default:
            return []
        case .ansi(let index):
            let base = background ? 40 : 30
            return [index < 8 ? base + Int(index) : base + 60 + Int(index) - 8]
        case .indexed(let index):
            return [background ? 48 : 38, 5, Int(index)]
        case .rgb(let r, let g, let b):
            return [background ? 48 : 38, 2, Int(r), Int(g), Int(b)]
        }
    }
}
