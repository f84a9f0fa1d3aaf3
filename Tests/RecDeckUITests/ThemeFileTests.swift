import Foundation
import RecDeckTestSupport
import Testing
@testable import RecDeckUI

/// The theme file format: what parses, and every kind of mistake reported with its file and line.
@Suite struct ThemeFileTests {
    /// Writes `text` as `name` in a fresh folder and loads it with no other theme folders.
    func load(_ text: String, name: String = "t.toml", in directory: TemporaryDirectory = TemporaryDirectory()) throws(ThemeError) -> Theme {
        let path = directory.write(name, text)
        return try ThemeLoader(locations: ThemeLocations(userDirectory: nil, bundledDirectory: nil)).load(path)
    }

    /// The error loading `text` gives (failing the test when it loads).
    func error(_ text: String, name: String = "t.toml", in directory: TemporaryDirectory = TemporaryDirectory()) -> ThemeError? {
        do {
            _ = try load(text, name: name, in: directory)
            Issue.record("loaded without an error:\n\(text)")
            return nil
        } catch {
            return error
        }
    }

    @Test func everyWayOfWritingAStyle() throws {
        let theme = try load("""
            name = "ocean"
            description = "a test"

            [palette]
            accent = "#5fafff"
            deep = 235
            warm = "Bright-Yellow"

            [styles]
            text = { fg = "default", bg = "default" }
            "border.focused" = { fg = "accent", attrs = ["bold"] }
            json.key = "accent"
            json.string = { fg = "green", attrs = "italic" }
            "json.number" = { fg = 9 }
            header = { fg = 252, bg = "deep" }
            badge = { fg = "warm", bg = "BLACK", attrs = ["reverse", "bold"] }
            dim = {}

            [styles.selection]
            fg = "accent"
            bg = "deep"
            attrs = [
              "reverse",
              "bold",
            ]

            [styles."selection.unfocused"]
            fg = "bright_black"
            attrs = ["reverse"]
            """)
        #expect(theme.name == "ocean")
        #expect(theme[.text] == Style())
        #expect(theme[.borderFocused] == Style(foreground: .rgb(0x5f, 0xaf, 0xff), attributes: .bold))
        #expect(theme[.jsonKey] == Style(foreground: .rgb(0x5f, 0xaf, 0xff)))
        #expect(theme[.jsonString] == Style(foreground: .ansi(2), attributes: .italic))
        #expect(theme[.jsonNumber] == Style(foreground: .ansi(9)))
        #expect(theme[.header] == Style(foreground: .indexed(252), background: .indexed(235)))
        #expect(theme[.badge] == Style(foreground: .ansi(11), background: .ansi(0), attributes: [.reverse, .bold]))
        #expect(theme[.dim] == Style(), "a role written is complete: {} is plain")
        #expect(theme[.selection] == Style(foreground: .rgb(0x5f, 0xaf, 0xff), background: .indexed(235), attributes: [.reverse, .bold]))
        #expect(theme[.selectionUnfocused] == Style(foreground: .ansi(8), attributes: .reverse))
        // Roles the file does not write come from the built-in default.
        #expect(theme[.jsonBool] == Theme.builtInDefault[.jsonBool])
        #expect(theme[.error] == Theme.builtInDefault[.error])
    }

    /// README's example theme loads and does what its comments say.
    @Test func theReadmeExample() throws {
        let readme = try String(contentsOfFile: (bundledThemesDirectory as NSString).deletingLastPathComponent + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "```toml\n# ~/.config/recdeck/themes/ocean.toml\n"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let directory = TemporaryDirectory()
        let path = directory.write("ocean.toml", String(readme[start.upperBound..<end.lowerBound]))
        let theme = try ThemeLoader(locations: ThemeLocations(userDirectory: nil, bundledDirectory: bundledThemesDirectory)).load(path)
        let accent = Color.rgb(0x5f, 0xaf, 0xff)
        #expect(theme.name == "ocean")
        #expect(theme[.borderFocused] == Style(foreground: accent, attributes: .bold))
        #expect(theme[.sparkline].foreground == accent, "default's roles drawn with accent follow the new palette")
        #expect(theme[.selection] == Style(foreground: .indexed(24), attributes: [.reverse, .bold]))
        #expect(theme[.jsonKey] == Style(foreground: .ansi(14)))
        #expect(theme[.jsonString] == Style(foreground: .rgb(0x87, 0xd7, 0xaf)))
        #expect(theme[.error] == Style(foreground: .indexed(203), attributes: [.bold, .underline]))
        #expect(theme[.jsonNumber] == Theme.builtInDefault[.jsonNumber])
    }

    @Test func nameDefaultsToTheFileName() throws {
        let theme = try load("[styles]\ntext = {}\n", name: "sea-breeze.toml")
        #expect(theme.name == "sea-breeze")
    }

    @Test func paletteNamesComeBeforeANSINames() throws {
        let theme = try load("""
            [palette]
            red = "#dc322f"
            [styles]
            error = { fg = "red" }
            "row.anomaly" = { fg = "magenta" }
            """)
        #expect(theme[.error].foreground == .rgb(0xdc, 0x32, 0x2f))
        #expect(theme[.rowAnomaly].foreground == .ansi(5))
    }

    // MARK: errors, each with its file and line

    @Test func syntaxErrorHasLineAndColumn() {
        let directory = TemporaryDirectory()
        guard let error = error("name = \"x\"\n\n[styles\ntext = {}\n", in: directory) else { return }
        #expect(error.kind == .syntax)
        #expect(error.path == directory.path + "/t.toml")
        #expect(error.line == 3)
        #expect(error.column != nil)
        #expect(error.description.hasPrefix(directory.path + "/t.toml:3:"))
    }

    @Test func unknownRoleSuggestsTheNearestOne() {
        guard let error = error("""
            [styles]
            text = {}

            "bordr.focused" = { fg = 75 }
            """) else { return }
        #expect(error.kind == .unknownRole)
        #expect(error.line == 4)
        #expect(error.reason.contains("\"bordr.focused\""))
        #expect(error.reason.contains("did you mean \"border.focused\""))
        #expect(error.description.hasSuffix("t.toml:4: " + error.reason))
    }

    @Test func unknownRoleWrittenAsATable() {
        guard let error = error("[styles]\ntext = {}\n\n[styles.wibble]\nfg = 1\n") else { return }
        #expect(error.kind == .unknownRole)
        #expect(error.line == 4)
    }

    @Test(arguments: [
        ("\"#12345\"", "six hex digits"), ("\"#gg0000\"", "six hex digits"), ("300", "0–255"),
        ("-1", "0–255"), ("\"256\"", "0–255"), ("true", "must be a colour"), ("\"\"", "empty colour"),
    ])
    func badColour(value: String, fragment: String) {
        guard let error = error("[styles]\ntext = {}\nerror = { fg = \"red\", bg = \(value) }\n") else { return }
        #expect(error.kind == .badColor)
        #expect(error.line == 3)
        #expect(error.reason.contains(fragment), "\(error.reason)")
    }

    @Test func badColourInThePalette() {
        guard let error = error("[palette]\nok = 1\nnope = \"#abc\"\n[styles]\ntext = {}\n") else { return }
        #expect(error.kind == .badColor)
        #expect(error.line == 3)
        #expect(error.reason.hasPrefix("palette nope:"))
    }

    @Test func paletteColoursCannotNameOtherPaletteColours() {
        guard let error = error("[palette]\nsea = 31\naccent = \"sea\"\n") else { return }
        #expect(error.kind == .badColor)
        #expect(error.line == 3)
    }

    @Test func unknownPaletteName() {
        guard let error = error("""
            [palette]
            accent = 75

            [styles]
            text = {}
            "title.focused" = { fg = "acent", attrs = ["bold"] }
            """) else { return }
        #expect(error.kind == .unknownPaletteName)
        #expect(error.line == 6)
        #expect(error.reason.contains("\"acent\""))
        #expect(error.reason.contains("accent"), "lists the palette")
    }

    @Test func unknownAttribute() {
        guard let error = error("[styles]\nselection = { fg = 75, attrs = [\"reverse\", \"blink\"] }\n") else { return }
        #expect(error.kind == .unknownAttribute)
        #expect(error.line == 2)
        #expect(error.reason.contains("\"blink\""))
        #expect(error.reason.contains("bold, dim, italic, underline, reverse"))
    }

    @Test func unknownAttributeInAMultiLineList() {
        guard let error = error("[styles.selection]\nfg = 75\nattrs = [\n  \"bold\",\n  \"flash\",\n]\n") else { return }
        #expect(error.kind == .unknownAttribute)
        #expect(error.line == 3)
    }

    @Test func unknownKeys() {
        guard let top = error("name = \"x\"\ncolours = 3\n") else { return }
        #expect(top.kind == .unknownKey)
        #expect(top.line == 2)
        guard let role = error("name = \"x\"\nselection = { fg = 1 }\n") else { return }
        #expect(role.kind == .unknownKey)
        #expect(role.reason.contains("[styles]"))
        guard let field = error("[styles]\ntext = { fg = 1, background = 2 }\n") else { return }
        #expect(field.kind == .unknownKey)
        #expect(field.line == 2)
        #expect(field.reason.contains("\"background\""))
    }

    @Test func wrongTypes() {
        #expect(error("name = 3\n")?.kind == .badValue)
        #expect(error("styles = 3\n")?.kind == .badValue)
        #expect(error("[styles]\ntext = 3\n")?.kind == .badValue)
        #expect(error("[styles]\ntext = { attrs = [1] }\n")?.kind == .badValue)
    }

    @Test func theFirstProblemByLineIsReported() {
        guard let error = error("[styles]\ntext = {}\ndim = { fg = \"#1\" }\nerror = { attrs = [\"x\"] }\nzzz = {}\n") else { return }
        #expect(error.line == 3)
    }

    @Test func unreadableFiles() {
        let loader = ThemeLoader(locations: ThemeLocations(userDirectory: nil, bundledDirectory: nil))
        #expect(throws: ThemeError.self) { try loader.load("/nonexistent/x.toml") }
        do {
            _ = try loader.load("/nonexistent/x.toml")
        } catch {
            #expect(error.kind == .unreadable)
            #expect(error.description == "/nonexistent/x.toml: no such file")
        }
        let directory = TemporaryDirectory()
        let path = directory.write("latin1.toml", bytes: [0x6e, 0x61, 0x6d, 0x65, 0x3d, 0x22, 0xe9, 0x22, 0x0a])
        #expect((try? loader.load(path)) == nil)
    }

    // MARK: inherits

    @Test func inheritsChainsAndPaletteOverrides() throws {
        let directory = TemporaryDirectory()
        directory.write("base.toml", """
            [palette]
            accent = 75
            [styles]
            "border.focused" = { fg = "accent", attrs = ["bold"] }
            "json.key" = { fg = "accent" }
            error = { fg = 203 }
            """)
        directory.write("middle.toml", """
            inherits = "base"
            [styles]
            "json.key" = { fg = 81 }
            """)
        let theme = try load("""
            inherits = "middle"
            [palette]
            accent = "#ff0000"
            [styles]
            error = { fg = "accent", attrs = ["underline"] }
            """, name: "leaf.toml", in: directory)
        #expect(theme.name == "leaf")
        // The leaf's palette re-colours what base wrote with `accent`.
        #expect(theme[.borderFocused] == Style(foreground: .rgb(0xff, 0, 0), attributes: .bold))
        // middle overrides base; leaf overrides both.
        #expect(theme[.jsonKey] == Style(foreground: .indexed(81)))
        #expect(theme[.error] == Style(foreground: .rgb(0xff, 0, 0), attributes: .underline))
        // Nobody wrote it: the built-in default.
        #expect(theme[.jsonNull] == Theme.builtInDefault[.jsonNull])
    }

    @Test func inheritsCycle() {
        let directory = TemporaryDirectory()
        directory.write("b.toml", "name = \"b\"\n\ninherits = \"c\"\n")
        directory.write("c.toml", "inherits = \"a\"\n")
        guard let error = error("inherits = \"b\"\n", name: "a.toml", in: directory) else { return }
        #expect(error.kind == .inheritsCycle)
        #expect(error.path == directory.path + "/c.toml")
        #expect(error.line == 1)
        #expect(error.reason.contains("a → b → c → a"))
    }

    @Test func inheritsItselfMeansTheThemeOfThatNameElsewhere() throws {
        // A user's default.toml that inherits "default" gets the bundled (here: built-in) one.
        let theme = try load("inherits = \"default\"\n[styles]\nerror = { fg = 1 }\n", name: "default.toml")
        #expect(theme[.error] == Style(foreground: .ansi(1)))
        #expect(theme[.selection] == Theme.builtInDefault[.selection])
        // The same with nothing to fall back on is a missing parent, not a cycle.
        guard let error = error("inherits = \"lonely\"\n", name: "lonely.toml") else { return }
        #expect(error.kind == .missingParent)
    }

    @Test func missingParent() {
        guard let error = error("name = \"x\"\ninherits = \"nowhere\"\n[styles]\ntext = {}\n") else { return }
        #expect(error.kind == .missingParent)
        #expect(error.line == 2)
        #expect(error.reason.contains("\"nowhere\""))
    }

    @Test func inheritsABuiltInTheme() throws {
        let theme = try load("inherits = \"mono\"\n[styles]\nerror = { attrs = [\"bold\"] }\n")
        #expect(theme[.selection] == Theme.builtInDefault.withoutColor[.selection])
        #expect(theme[.jsonKey].foreground == .default)
    }

    @Test func anErrorInAParentNamesTheParentsFile() {
        let directory = TemporaryDirectory()
        directory.write("parent.toml", "[styles]\ntext = {}\nerror = { fg = \"nope\" }\n")
        guard let error = error("inherits = \"parent\"\n", name: "child.toml", in: directory) else { return }
        #expect(error.kind == .unknownPaletteName)
        #expect(error.path == directory.path + "/parent.toml")
        #expect(error.line == 3)
    }

    // MARK: finding keys

    @Test func keyLocator() {
        let locator = TOMLKeyLocator(text: """
            # comment with [styles] in it
            name = "x"
            text = '''
            [not.a.header]
            '''
            [styles]
            a.b = { fg = 1 }
            "c.d" = { fg = 2 }
            list = [
              "x = 1",
            ]
            [ styles . 'e.f' ]
            fg = 3
            """)
        #expect(locator.line(of: ["name"]) == 2)
        #expect(locator.line(of: ["styles"]) == 6)
        #expect(locator.line(of: ["styles", "a", "b", "fg"]) == 7)
        #expect(locator.line(of: ["styles", "c.d"]) == 8)
        #expect(locator.line(of: ["styles", "e.f"]) == 12)
        #expect(locator.line(of: ["styles", "e.f", "fg"]) == 13)
        #expect(locator.line(of: ["not"]) == nil)
        #expect(locator.line(of: ["x"]) == nil)
    }
}
