/// A named set of styles, one for every `ThemeRole`.
public struct Theme: Sendable, Hashable {
    public var name: String
    private var styles: [ThemeRole: Style]

    /// A theme from `styles`; roles left out fall back to the built-in default's.
    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        self.styles = styles
    }

    public subscript(role: ThemeRole) -> Style {
        get { styles[role] ?? Theme.builtInDefault.styles[role] ?? .plain }
        set { styles[role] = newValue }
    }

    /// This theme with colour dropped, attributes kept (for `NO_COLOR` and colourless terminals).
    public var withoutColor: Theme {
        var copy = self
        for role in ThemeRole.allCases {
            copy.styles[role] = Style(attributes: self[role].attributes)
        }
        return copy
    }

    /// The built-in themes `T` cycles through until theme files are loaded: the default and its
    /// colourless form.
    public static let builtIn: [Theme] = {
        var mono = builtInDefault.withoutColor
        mono.name = "mono"
        return [builtInDefault, mono]
    }()

    /// The theme compiled into recdeck: dark, 256 colours, every role set. Selections, badges and
    /// search matches use reverse video (their colours are given swapped), so they stay visible
    /// when colour is dropped.
    public static let builtInDefault: Theme = {
        func style(_ foreground: Color, _ background: Color = .default, _ attributes: TextAttributes = []) -> Style {
            Style(foreground: foreground, background: background, attributes: attributes)
        }
        return Theme(name: "default", styles: [
            .text: style(.default),
            .dim: style(.indexed(245), .default, [.dim]),
            .border: style(.indexed(240)),
            .borderFocused: style(.indexed(75), .default, [.bold]),
            .title: style(.indexed(250), .default, [.bold]),
            .titleFocused: style(.indexed(81), .default, [.bold]),
            .columnHeader: style(.indexed(244), .default, [.bold]),
            .selection: style(.indexed(75), .indexed(235), [.reverse, .bold]),
            .selectionUnfocused: style(.indexed(242), .indexed(235), [.reverse]),
            .header: style(.indexed(252), .indexed(236)),
            .headerLive: style(.indexed(114), .indexed(236), [.bold]),
            .headerWarning: style(.indexed(214), .indexed(236), [.bold]),
            .sparkline: style(.indexed(75), .indexed(236)),
            .status: style(.indexed(248), .indexed(235)),
            .statusKey: style(.indexed(81), .indexed(235), [.bold]),
            .badge: style(.indexed(214), .indexed(16), [.reverse, .bold]),
            .rowNew: style(.indexed(114), .default, [.bold]),
            .rowAnomaly: style(.indexed(214)),
            .jsonKey: style(.indexed(81)),
            .jsonString: style(.indexed(150)),
            .jsonNumber: style(.indexed(215)),
            .jsonBool: style(.indexed(176)),
            .jsonNull: style(.indexed(244), .default, [.italic]),
            .jsonPunct: style(.indexed(245)),
            .searchMatch: style(.indexed(220), .indexed(16), [.reverse]),
            .prompt: style(.indexed(81), .default, [.bold]),
            .error: style(.indexed(203), .default, [.bold]),
            .overlay: style(.default),
            .overlayBorder: style(.indexed(81), .default, [.bold]),
        ])
    }()
}
