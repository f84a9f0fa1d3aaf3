import Foundation
import RecDeckTestSupport
import Testing

/// Themes seen from outside: the built binary in tmux (colours read with `capture-pane -e`), and
/// `recdeck themes`.
@Suite(.tags(.terminal)) struct ThemeEndToEndTests {
    /// Two recordings, so there is a selection to see.
    func events() -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        directory.write("a.json", "[\(EventFixture.recording(id: "e1", call: "1027c4aa", recording: "rec-multi", eventTime: "2026-10-01T08:58:00Z", start: "2026-10-01T07:55:55Z", durationMs: "3725000"))]")
        directory.write("b.json", "[\(EventFixture.recording(id: "e2", call: "99ab01ff", recording: "rec-single", eventTime: "2026-10-01T08:57:00Z", start: "2026-10-01T07:50:00Z", durationMs: "6000"))]")
        return directory
    }

    /// The dashboard on `events` with `arguments`, its user theme folder under `config` (empty
    /// unless a test writes one), waited for until the recordings are on screen.
    /// Keep `events` and `config` alive (`withExtendedLifetime`) while the session runs: they are
    /// deleted when released.
    func open(_ events: TemporaryDirectory, _ arguments: [String] = [], config: TemporaryDirectory,
              environment: [String: String] = [:]) throws -> TmuxSession {
        var variables = environment
        variables["XDG_CONFIG_HOME"] = config.path
        let session = try TmuxSession(recdeck: [events.path, "--utc"] + arguments, environment: variables)
        try session.waitFor("2 recordings")
        try session.waitFor("10-01 07:55:55")
        // The status line is the last row a frame writes: once it is there, the frame is whole.
        try session.waitUntil { $0.contains("q quit") || $0.contains("theme error") }
        return session
    }

    /// The parameters of every SGR sequence (`ESC [ … m`) in `screen`.
    static func sgrParameters(_ screen: String) -> [[Int]] {
        var result: [[Int]] = []
        var rest = Substring(screen)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            let body = rest.prefix { $0 == ";" || $0.isNumber }
            rest = rest.dropFirst(body.count)
            guard rest.first == "m" else { continue }
            result.append(body.isEmpty ? [0] : body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 })
        }
        return result
    }

    /// The colour codes in `screen` (`38;5;75`, `48;2;1;2;3`, `31`, `104`, …), 39/49 (the
    /// terminal's own colours) left out.
    static func colourCodes(_ screen: String) -> Set<String> {
        var codes = Set<String>()
        for parameters in sgrParameters(screen) {
            var index = 0
            while index < parameters.count {
                let p = parameters[index]
                if p == 38 || p == 48, index + 1 < parameters.count {
                    let length = parameters[index + 1] == 5 ? 3 : 5
                    codes.insert(parameters[index..<min(parameters.count, index + length)].map(String.init).joined(separator: ";"))
                    index += length
                    continue
                }
                if (30...37).contains(p) || (40...47).contains(p) || (90...97).contains(p) || (100...107).contains(p) {
                    codes.insert(String(p))
                }
                index += 1
            }
        }
        return codes
    }

    @Test(arguments: ["default", "solarized-dark", "light"])
    func noColorMeansNoColourCodesButAVisibleSelection(theme: String) throws {
        let (directory, config) = (events(), TemporaryDirectory())
        defer { withExtendedLifetime((directory, config)) {} }
        let session = try open(directory, ["--theme", theme], config: config, environment: ["NO_COLOR": "1"])
        let styled = session.capture(escapes: true)
        #expect(Self.colourCodes(styled).isEmpty, "colour codes: \(Self.colourCodes(styled).sorted())")
        for fragment in ["38;5", "48;5", "38;2", "48;2"] { #expect(!styled.contains(fragment)) }
        // The selection is in reverse video (SGR 7) on the selected row.
        #expect(Self.sgrParameters(styled).contains { $0.contains(7) }, "reverse video")
        let row = styled.split(separator: "\n").first { $0.contains("07:55:55") } ?? ""
        #expect(Self.sgrParameters(String(row)).contains { $0.contains(7) }, "the selected row is reversed: \(row)")
        session.sendKeys("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func lightChangesTheColoursSeen() throws {
        let (directory, config) = (events(), TemporaryDirectory())
        defer { withExtendedLifetime((directory, config)) {} }
        let standard = try open(directory, config: config)
        let standardCodes = Self.colourCodes(standard.capture(escapes: true))
        standard.sendKeys("q")
        let light = try open(directory, ["--theme", "light"], config: config)
        let lightCodes = Self.colourCodes(light.capture(escapes: true))
        light.sendKeys("q")
        // The default's focused border (75) and the light theme's (25), reduced to tmux's 256.
        #expect(standardCodes.contains("38;5;75"), "\(standardCodes.sorted())")
        #expect(lightCodes.contains("38;5;25"), "\(lightCodes.sorted())")
        #expect(!lightCodes.contains("38;5;75"))
        #expect(standardCodes != lightCodes)
    }

    @Test func aBrokenThemeFileIsReportedAndTheDefaultUsed() throws {
        let config = TemporaryDirectory()
        let bad = config.write("elsewhere/bad.toml", """
            name = "bad"
            [styles]
            text = { fg = "default" }
            "bordr.focused" = { fg = 75 }
            """)
        let directory = events()
        defer { withExtendedLifetime((directory, config)) {} }
        let session = try open(directory, ["--theme", bad], config: config)
        try session.waitFor("theme error, using the default: \(bad):4: unknown role \"bordr.focused\"")
        // The default's colours.
        let codes = Self.colourCodes(session.capture(escapes: true))
        #expect(codes.contains("38;5;75") && codes.contains("38;5;81"), "\(codes.sorted())")
        // T still cycles through the themes that load.
        session.sendKeys("T")
        try session.waitFor("theme: ansi")
        session.sendKeys("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func aSyntaxErrorNamesLineAndColumn() throws {
        let config = TemporaryDirectory()
        let bad = config.write("bad.toml", "name = \"bad\"\n[styles\n")
        let directory = events()
        defer { withExtendedLifetime((directory, config)) {} }
        let session = try open(directory, ["--theme", bad], config: config)
        try session.waitFor("theme error, using the default: \(bad):2:")
        session.sendKeys("q")
    }

    @Test func userThemesFromTheEnvironmentAndTCycles() throws {
        let config = TemporaryDirectory()
        config.write("recdeck/themes/mine.toml", """
            inherits = "light"
            [palette]
            accent = 160
            """)
        let directory = events()
        defer { withExtendedLifetime((directory, config)) {} }
        let session = try open(directory, config: config, environment: ["RECDECK_THEME": "mine"])
        // light's roles, re-coloured through its palette: the focused border is now 160.
        var codes = Self.colourCodes(session.capture(escapes: true))
        #expect(codes.contains("38;5;160") && codes.contains("48;5;253"), "\(codes.sorted())")
        #expect(!codes.contains("38;5;25"))
        session.sendKeys("T")
        try session.waitFor("theme: ansi")
        codes = Self.colourCodes(session.capture(escapes: true))
        #expect(codes.contains("44"), "ansi's blue header: \(codes.sorted())")
        #expect(!codes.contains { $0.hasPrefix("38;5;") }, "ansi uses the 16 colours only: \(codes.sorted())")
        session.sendKeys("q")
    }

    @Test func themesListsEveryThemePlainWhenPiped() throws {
        let config = TemporaryDirectory()
        config.write("recdeck/themes/mine.toml", "inherits = \"gruvbox-dark\"\n")
        let result = CommandRunner.run([CommandRunner.binary, "themes"], environment: ["XDG_CONFIG_HOME": config.path, "RECDECK_THEME": ""],
                                       deadline: 30)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}"), "no escape codes into a pipe")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("NAME") == true)
        let names = lines.dropFirst().map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(names == ["mine", "ansi", "default", "gruvbox-dark", "high-contrast", "light", "mono", "solarized-dark", "transparent"])
        #expect(lines.contains { $0.hasPrefix("mine") && $0.contains(" user ") && $0.contains(config.path + "/recdeck/themes/mine.toml") })
        #expect(lines.contains { $0.hasPrefix("default") && $0.contains(" bundled ") && $0.hasSuffix("default.toml  (in use)") })
    }

    @Test func themesReportsABrokenThemeWithItsLine() throws {
        let config = TemporaryDirectory()
        let path = config.write("recdeck/themes/broken.toml", "[styles]\ntext = {}\nerror = { fg = \"#12\" }\n")
        let result = CommandRunner.run([CommandRunner.binary, "themes"], environment: ["XDG_CONFIG_HOME": config.path], deadline: 30)
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: \(path):3: error fg: \"#12\" is not a colour"), "\(result.stdout)")
        #expect(result.stderr.contains("1 theme file could not be loaded"))
    }

    @Test func themesPreviewsInColourOnATerminal() throws {
        let config = TemporaryDirectory()
        defer { withExtendedLifetime(config) {} }
        let session = try TmuxSession(recdeck: ["themes"], environment: ["XDG_CONFIG_HOME": config.path])
        try session.waitFor("bundled themes:")
        let styled = session.capture(escapes: true)
        #expect(styled.contains("▶ selected"))
        let codes = Self.colourCodes(styled)
        #expect(codes.contains("38;5;81"), "default's JSON keys: \(codes.sorted())")
        #expect(codes.contains("38;5;160"), "solarized red, reduced to 256: \(codes.sorted())")
        #expect(session.exitStatus() == 0)

        let plain = try TmuxSession(recdeck: ["themes"], environment: ["XDG_CONFIG_HOME": config.path, "NO_COLOR": "1"])
        try plain.waitFor("colours here:   none")
        let screen = plain.capture(escapes: true)
        #expect(Self.colourCodes(screen).isEmpty, "\(Self.colourCodes(screen).sorted())")
        #expect(Self.sgrParameters(screen).contains { $0.contains(7) })
    }
}
