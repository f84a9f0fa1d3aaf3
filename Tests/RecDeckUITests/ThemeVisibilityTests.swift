import RecDeckCore
import RecDeckUI
import Testing

/// Every bundled theme keeps every role visible at 8, 16 and 256 colours and without colour
/// (issue 13, "8-colour terminals"): checked on each role's foreground/background pair after
/// reduction, and on the event pane's cursor line drawn over every JSON role.
@Suite struct ThemeVisibilityTests {
    static func bundled() throws -> [Theme] {
        let loader = ThemeLoader(locations: ThemeLocations(userDirectory: nil, bundledDirectory: bundledThemesDirectory))
        return try loader.catalog().map { try loader.load($0) }
    }

    /// Why `style` (drawn on the terminal's own background unless it has one) could not be seen, if it could not.
    static func invisibility(_ style: Style) -> String? {
        if style.foreground != .default, style.foreground == style.background { return "foreground = background" }
        if style.background == .default, style.foreground == .ansi(0) { return "black on the terminal's own background" }
        return nil
    }

    @Test func everyRoleStaysVisibleAtEveryDepth() throws {
        let themes = try Self.bundled()
        #expect(themes.count >= 8)
        for theme in themes {
            for depth in [ColorDepth.ansi8, .ansi16, .indexed256] {
                let reduced = theme.reduced(to: depth)
                for role in ThemeRole.allCases {
                    // `mono` and the light theme may ask for black text themselves; only reduction must not make it.
                    let style = reduced[role]
                    if let why = Self.invisibility(style), !(why.hasPrefix("black") && [Color.ansi(0), .indexed(0), .indexed(16)].contains(theme[role].foreground)) {
                        Issue.record("\(theme.name) at \(depth): \(role.rawValue) \(why): \(style)")
                    }
                }
            }
        }
    }

    @Test func withoutColourTheBarsKeepAnAttribute() throws {
        for theme in try Self.bundled() {
            let plain = theme.reduced(to: .none)
            for role in [ThemeRole.selection, .selectionUnfocused, .badge, .searchMatch] {
                #expect(!plain[role].attributes.isDisjoint(with: [.reverse, .underline, .bold]),
                        "\(theme.name): \(role.rawValue) has nothing left to show it under NO_COLOR")
            }
        }
    }

    @Test func theEventCursorLineIsVisibleAtEveryDepth() throws {
        let document = JSONDocument([.init(title: "e", text: #"{"s": "x", "n": 1, "b": true, "z": null}"#)])
        for theme in try Self.bundled() {
            for depth in [ColorDepth.none, .ansi8, .ansi16, .indexed256] {
                let reduced = theme.reduced(to: depth)
                for line in 0..<document.lines.count {
                    var state = JSONViewState()
                    state.cursor = line
                    var buffer = Buffer(width: 30, height: document.lines.count)
                    JSONView.render(document, state: state, into: &buffer, rect: buffer.bounds, theme: reduced, focused: true)
                    for column in 0..<30 {
                        let style = buffer[column, line].style
                        if buffer[column, line].text != " ", let why = Self.invisibility(style) {
                            Issue.record("\(theme.name) at \(depth): cursor line \(line) column \(column) \(why)")
                        }
                    }
                }
            }
        }
    }

    @Test func eightColoursMendWhatReductionHid() {
        // The default theme's unfocused selection (242 on 235) and border (240) at 8 colours.
        let theme = Theme.builtInDefault.reduced(to: .ansi8)
        #expect(theme[.selectionUnfocused].foreground != theme[.selectionUnfocused].background)
        #expect(theme[.border].foreground == .default)
        #expect(theme[.border].attributes.contains(.dim))
        // At 256 colours nothing changes.
        #expect(Theme.builtInDefault.reduced(to: .indexed256)[.border] == Theme.builtInDefault[.border])
    }
}
