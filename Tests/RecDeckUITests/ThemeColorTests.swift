import Testing
@testable import RecDeckUI

/// Colour reduction at load time, capability detection, and SGR for previews.
@Suite struct ThemeColorTests {
    static func rgb(_ hex: Int) -> Color {
        .rgb(UInt8(hex >> 16 & 0xff), UInt8(hex >> 8 & 0xff), UInt8(hex & 0xff))
    }

    /// Known hex → known 256 index (Oklab) → known ANSI colour with 16 and with 8 (redmean).
    @Test(arguments: [
        (0xdc322f, 160, 1, 1),    // Solarized red: stays red (sRGB distances pick orange 166)
        (0x268bd2, 32, 6, 6),     // Solarized blue
        (0x83a598, 109, 8, 7),    // Gruvbox blue (a grey-blue)
        (0x8ec07c, 107, 8, 3),    // Gruvbox aqua: apart from the blue in 256 colours
        (0xfabd2f, 214, 3, 3),    // Gruvbox yellow
        (0x002b36, 235, 0, 0),    // Solarized base03: a dark background
        (0xff8700, 208, 3, 3),
        (0x5fafff, 75, 12, 6),    // the default theme's accent
        (0x808080, 244, 8, 7),
        (0xffffff, 231, 15, 7),
    ])
    func hexTo256ToANSI(hex: Int, indexed: Int, ansi16: Int, ansi8: Int) {
        let color = Self.rgb(hex)
        #expect(ColorReduction.reduce(color, to: .indexed256) == .indexed(UInt8(indexed)))
        #expect(ColorReduction.reduce(.indexed(UInt8(indexed)), to: .ansi16) == .ansi(UInt8(ansi16)))
        #expect(ColorReduction.reduce(.indexed(UInt8(indexed)), to: .ansi8) == .ansi(UInt8(ansi8)))
        #expect(ColorReduction.reduce(color, to: .direct) == color)
        #expect(ColorReduction.reduce(color, to: .none) == .default)
    }

    @Test func rgbStraightToTheSixteen() {
        #expect(ColorReduction.reduce(Self.rgb(0xff0000), to: .ansi16) == .ansi(9))
        #expect(ColorReduction.reduce(Self.rgb(0xcd0000), to: .ansi16) == .ansi(1))
        #expect(ColorReduction.reduce(Self.rgb(0x268bd2), to: .ansi16) == .ansi(6))
        #expect(ColorReduction.reduce(Self.rgb(0x303030), to: .ansi8) == .ansi(0))
    }

    @Test func ansiColoursPassThroughWhereTheyFit() {
        #expect(ColorReduction.reduce(.ansi(12), to: .indexed256) == .ansi(12))
        #expect(ColorReduction.reduce(.ansi(12), to: .ansi16) == .ansi(12))
        #expect(ColorReduction.reduce(.ansi(12), to: .ansi8) == .ansi(4))
        #expect(ColorReduction.reduce(.indexed(9), to: .indexed256) == .ansi(9))
        #expect(ColorReduction.reduce(.default, to: .ansi8) == .default)
    }

    @Test func reductionIsIdempotentAndStaysWithinTheDepth() {
        var colors: [Color] = [.default]
        for index in 0...255 { colors += [.indexed(UInt8(index)), .ansi(UInt8(index & 15))] }
        for value in stride(from: 0, to: 0x1000000, by: 0x0a1b2d) { colors.append(Self.rgb(value)) }
        for depth in ColorDepth.allCases {
            for color in colors {
                let once = ColorReduction.reduce(color, to: depth)
                #expect(ColorReduction.reduce(once, to: depth) == once)
                switch (depth, once) {
                case (.none, .default), (.direct, _), (.indexed256, .default), (.indexed256, .ansi), (.indexed256, .indexed),
                     (.ansi16, .default), (.ansi8, .default):
                    break
                case (.ansi16, .ansi(let index)):
                    #expect(index < 16)
                case (.ansi8, .ansi(let index)):
                    #expect(index < 8)
                default:
                    Issue.record("\(color) at \(depth) became \(once)")
                }
            }
        }
    }

    @Test func themesAreReducedAtLoadTime() {
        var theme = Theme.builtInDefault
        theme[.jsonKey] = Style(foreground: Self.rgb(0xdc322f), background: Self.rgb(0x002b36), attributes: [.bold])
        let indexed = theme.reduced(to: .indexed256)
        #expect(indexed[.jsonKey] == Style(foreground: .indexed(160), background: .indexed(235), attributes: [.bold]))
        let sixteen = theme.reduced(to: .ansi16)
        #expect(sixteen[.jsonKey] == Style(foreground: .ansi(1), background: .ansi(0), attributes: [.bold]))
        #expect(sixteen[.borderFocused] == Style(foreground: .ansi(12), attributes: .bold))
        let none = theme.reduced(to: .none)
        #expect(none[.jsonKey] == Style(attributes: [.bold]))
        #expect(none[.selection] == Style(attributes: [.reverse, .bold]))
        #expect(none == theme.withoutColor)
        #expect(theme.reduced(to: .direct) == theme)
    }

    // MARK: capability

    @Test func depthFromTheEnvironment() {
        func detect(_ environment: [String: String], colors: Int? = nil, rgb: Bool = false) -> ColorDepth {
            ColorDepth.detect(environment: environment, terminfoColors: colors, terminfoDirectColor: rgb)
        }
        #expect(detect(["TERM": "xterm-256color", "NO_COLOR": "1", "COLORTERM": "truecolor"], colors: 256) == .none)
        #expect(detect(["TERM": "xterm-256color", "NO_COLOR": ""], colors: 256) == .indexed256, "an empty NO_COLOR does not count")
        #expect(detect([:]) == .none)
        #expect(detect(["TERM": "dumb", "COLORTERM": "truecolor"]) == .none)
        #expect(detect(["TERM": "xterm-256color", "COLORTERM": "truecolor"], colors: 256) == .direct)
        #expect(detect(["TERM": "xterm-256color", "COLORTERM": "24bit"], colors: 256) == .direct)
        // GNU screen passes 256 colours at most; tmux (which also says screen*) passes 24-bit.
        #expect(detect(["TERM": "screen-256color", "COLORTERM": "truecolor"], colors: 256) == .indexed256)
        #expect(detect(["TERM": "screen-256color", "COLORTERM": "truecolor", "TMUX": "/tmp/x,1,0"], colors: 256) == .direct)
        #expect(detect(["TERM": "tmux-256color"], colors: 256) == .indexed256)
        #expect(detect(["TERM": "screen"], colors: 8) == .ansi8)
        #expect(detect(["TERM": "xterm-direct"], colors: 0x1000000, rgb: true) == .direct)
        #expect(detect(["TERM": "vt100"], colors: 0) == .none)
        #expect(detect(["TERM": "xterm", "COLORTERM": "yes"], colors: 8) == .indexed256)
        // No terminfo entry: the name.
        #expect(detect(["TERM": "xterm-kitty"]) == .direct)
        #expect(detect(["TERM": "alacritty"]) == .direct)
        #expect(detect(["TERM": "foo-256color"]) == .indexed256)
        #expect(detect(["TERM": "rxvt-unicode"]) == .ansi8)
        #expect(detect(["TERM": "weird"]) == .none)
    }

    // MARK: SGR

    @Test func sgrForEachDepth() {
        let selection = Theme.builtInDefault[.selection]   // 75 on 235, reverse bold
        #expect(SGR.parameters(for: selection, depth: .indexed256) == [0, 1, 7, 38, 5, 75, 48, 5, 235])
        #expect(SGR.parameters(for: selection, depth: .ansi16) == [0, 1, 7, 94, 40])
        #expect(SGR.parameters(for: selection, depth: .ansi8) == [0, 1, 7, 36, 40])
        #expect(SGR.parameters(for: selection, depth: .none) == [0, 1, 7])
        let truecolor = Style(foreground: Self.rgb(0xdc322f), background: .ansi(3), attributes: [.dim, .italic, .underline])
        #expect(SGR.sequence(for: truecolor, depth: .direct) == "\u{1B}[0;2;3;4;38;2;220;50;47;43m")
        #expect(SGR.sequence(for: .plain, depth: .direct) == "\u{1B}[0m")
        #expect(SGR.parameters(for: Style(background: .ansi(9)), depth: .ansi16) == [0, 101])
    }

    @Test func previewWithoutColourHasOnlyAttributes() throws {
        let line = ThemePreview.line(Theme.builtInDefault, depth: .none)
        #expect(line.hasSuffix(SGR.reset))
        for sequence in line.split(separator: "\u{1B}") {
            let parameters = sequence.dropFirst().prefix { $0 != "m" }.split(separator: ";").compactMap { Int($0) }
            #expect(parameters.allSatisfy { $0 < 10 }, "\(parameters)")
        }
        let withoutEscapes = line.split(separator: "\u{1B}").map { $0.drop { $0 != "m" }.dropFirst() }.joined()
        #expect(withoutEscapes == ThemePreview.plainText)
        #expect(ThemePreview.line(Theme.builtInDefault, depth: .indexed256).contains("38;5;81"))
    }
}
