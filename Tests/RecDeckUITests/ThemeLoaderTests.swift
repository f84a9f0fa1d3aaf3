import Foundation
import RecDeckTestSupport
import Testing
@testable import RecDeckUI

/// The package's `themes/` folder.
let bundledThemesDirectory: String = {
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/", !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
        folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("themes").path
}()

/// The bundled themes, the lookup order and the dashboard's selection.
@Suite struct ThemeLoaderTests {
    static let bundledNames = ["ansi", "default", "gruvbox-dark", "high-contrast", "light", "mono", "solarized-dark", "transparent"]

    let bundledOnly = ThemeLoader(locations: ThemeLocations(userDirectory: nil, bundledDirectory: bundledThemesDirectory))

    // MARK: the bundled themes

    @Test func theBundledFolderHasTheDesignedThemes() {
        let names = ThemeLoader.themeFiles(in: bundledThemesDirectory).map(ThemeDocument.identifier(ofPath:))
        #expect(names == Self.bundledNames)
    }

    @Test(arguments: bundledNames)
    func everyBundledThemeLoadsAndWritesEveryRole(name: String) throws {
        let theme = try bundledOnly.load(name)
        #expect(theme.name == name, "the name in the file is the file's name")
        // Every role is written by the file or what it inherits: nothing is left to chance.
        var written = Set<ThemeRole>()
        var path: String? = bundledThemesDirectory + "/\(name).toml"
        while let current = path {
            let document = try ThemeLoader.readDocument(current)
            written.formUnion(document.styles.keys)
            path = document.inherits.map { bundledThemesDirectory + "/\($0).toml" }
        }
        #expect(written == Set(ThemeRole.allCases), "roles not written: \(Set(ThemeRole.allCases).subtracting(written).map(\.rawValue))")
    }

    @Test(arguments: bundledNames)
    func theSelectionIsVisibleWithoutColour(name: String) throws {
        let theme = try bundledOnly.load(name)
        for depth in ColorDepth.allCases {
            let reduced = theme.reduced(to: depth)
            #expect(reduced[.selection].attributes.contains(.reverse), "\(name) at \(depth)")
            #expect(reduced[.selectionUnfocused].attributes.contains(.reverse), "\(name) at \(depth)")
        }
        let plain = theme.reduced(to: .none)
        #expect(plain[.searchMatch] != plain[.text])
        #expect(plain[.selection] != plain[.selectionUnfocused], "focused and unfocused selections differ without colour")
        for role in ThemeRole.allCases {
            #expect(plain[role].foreground == .default && plain[role].background == .default)
        }
    }

    @Test func theDefaultFileIsTheBuiltInTheme() throws {
        let file = try bundledOnly.load(bundledThemesDirectory + "/default.toml")
        for role in ThemeRole.allCases {
            #expect(file[role] == Theme.builtInDefault[role], "\(role.rawValue)")
        }
        #expect(file == Theme.builtInDefault)
    }

    @Test func ansiUsesOnlyTheTerminalsOwnSixteen() throws {
        let theme = try bundledOnly.load("ansi")
        for role in ThemeRole.allCases {
            for color in [theme[role].foreground, theme[role].background] {
                switch color {
                case .default, .ansi: break
                default: Issue.record("\(role.rawValue): \(color)")
                }
            }
        }
        // And the file says so by name, never by number.
        let text = try String(contentsOfFile: bundledThemesDirectory + "/ansi.toml", encoding: .utf8)
        let values = text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("fg =") }
        #expect(!values.contains { $0.range(of: #"(fg|bg) = [0-9#]"#, options: .regularExpression) != nil })
    }

    @Test func transparentHasNoBackgrounds() throws {
        let theme = try bundledOnly.load("transparent")
        for role in ThemeRole.allCases { #expect(theme[role].background == .default, "\(role.rawValue)") }
        // Otherwise default's colours.
        #expect(theme[.jsonKey] == Theme.builtInDefault[.jsonKey])
        #expect(theme[.selection].foreground == Theme.builtInDefault[.selection].foreground)
    }

    @Test func monoHasNoColour() throws {
        let theme = try bundledOnly.load("mono")
        #expect(theme == theme.withoutColor)
        #expect(theme[.selection].attributes == [.reverse, .bold])
    }

    /// WCAG contrast of the syntax colours and the selection's text on its bar, against the
    /// background each theme is made for: readable JSON in every theme that sets colours.
    @Test(arguments: [("default", 0x1c1c1c), ("light", 0xffffff), ("high-contrast", 0x000000),
                      ("solarized-dark", 0x002b36), ("gruvbox-dark", 0x282828), ("transparent", 0x1c1c1c)])
    func readableColours(name: String, background: Int) throws {
        let theme = try bundledOnly.load(name)
        let terminal = (UInt8(background >> 16 & 0xff), UInt8(background >> 8 & 0xff), UInt8(background & 0xff))
        for role in [ThemeRole.jsonKey, .jsonString, .jsonNumber, .jsonBool, .text, .error, .rowAnomaly, .rowNew] {
            guard let foreground = ColorReduction.rgb(of: theme[role].foreground) else { continue }
            let behind = ColorReduction.rgb(of: theme[role].background) ?? terminal
            #expect(contrast(foreground, behind) >= 3, "\(name) \(role.rawValue): \(contrast(foreground, behind))")
        }
        // Reverse video: the bar is the foreground, the text on it the background.
        let selection = theme[.selection]
        if let bar = ColorReduction.rgb(of: selection.foreground) {
            let text = ColorReduction.rgb(of: selection.background) ?? terminal
            #expect(contrast(bar, text) >= 3, "\(name) selection: \(contrast(bar, text))")
            #expect(contrast(bar, terminal) >= 1.5, "\(name): the selection bar stands out from the background")
        }
    }

    func contrast(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Double {
        func luminance(_ c: (UInt8, UInt8, UInt8)) -> Double {
            func channel(_ v: UInt8) -> Double {
                let x = Double(v) / 255
                return x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
        }
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    @Test func solarizedAndGruvboxKeepTheirHuesIn256Colours() throws {
        let solarized = try bundledOnly.load("solarized-dark").reduced(to: .indexed256)
        #expect(solarized[.error].foreground == .indexed(160), "red stays red")
        #expect(solarized[.jsonKey].foreground == .indexed(32))
        let gruvbox = try bundledOnly.load("gruvbox-dark").reduced(to: .indexed256)
        #expect(gruvbox[.jsonKey].foreground != gruvbox[.jsonString].foreground)
        #expect(gruvbox[.headerLive].foreground != gruvbox[.selection].foreground, "aqua and blue stay apart")
    }

    // MARK: lookup

    /// A user folder and a bundled folder, each with a `shared` theme telling them apart.
    struct Folders {
        let root = TemporaryDirectory()
        var user: String { root.path + "/config/recdeck/themes" }
        var bundled: String { root.path + "/bundled" }
        var environment: [String: String] { ["XDG_CONFIG_HOME": root.path + "/config", "HOME": root.path + "/home"] }

        init() {
            root.write("config/recdeck/themes/shared.toml", "[styles]\nerror = { fg = 1 }\n")
            root.write("config/recdeck/themes/mine.toml", "inherits = \"bundled-only\"\n[styles]\ntext = { fg = 2 }\n")
            root.write("bundled/shared.toml", "[styles]\nerror = { fg = 2 }\n")
            root.write("bundled/bundled-only.toml", "[styles]\nerror = { fg = 3 }\n")
            root.write("bundled/default.toml", "name = \"default\"\n[styles]\nerror = { fg = 4 }\n")
        }

        var loader: ThemeLoader { ThemeLoader(locations: ThemeLocations(userDirectory: user, bundledDirectory: bundled)) }
    }

    @Test func userFolderFromXDGOrHome() {
        #expect(ThemeLocations.userDirectory(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/u"]) == "/x/cfg/recdeck/themes")
        #expect(ThemeLocations.userDirectory(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/u"]) == "/home/u/.config/recdeck/themes")
        #expect(ThemeLocations.userDirectory(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/u/"]) == "/home/u/.config/recdeck/themes")
        #expect(ThemeLocations.userDirectory(environment: [:]) == nil)
    }

    @Test func bundledFolderBesideAnInstalledExecutable() {
        let root = TemporaryDirectory()
        root.write("prefix/bin/recdeck", "")
        root.write("prefix/share/recdeck/themes/default.toml", "")
        #expect(ThemeLocations.bundledDirectory(executablePath: root.path + "/prefix/bin/recdeck") == root.path + "/prefix/share/recdeck/themes")
        // Through a symbolic link to it.
        try? FileManager.default.createDirectory(atPath: root.path + "/elsewhere", withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(atPath: root.path + "/elsewhere/recdeck", withDestinationPath: root.path + "/prefix/bin/recdeck")
        #expect(ThemeLocations.bundledDirectory(executablePath: root.path + "/elsewhere/recdeck") == root.path + "/prefix/share/recdeck/themes")
    }

    @Test func bundledFolderOfAPackageBuild() {
        let root = TemporaryDirectory()
        root.write("pkg/Package.swift", "")
        root.write("pkg/themes/default.toml", "")
        root.write("pkg/.build/x86_64-unknown-linux-gnu/debug/recdeck", "")
        root.write("pkg/Sources/themes/stray.toml", "")
        #expect(ThemeLocations.bundledDirectory(executablePath: root.path + "/pkg/.build/x86_64-unknown-linux-gnu/debug/recdeck") == root.path + "/pkg/themes")
        #expect(ThemeLocations.bundledDirectory(executablePath: root.path + "/nowhere/bin/recdeck") == nil)
        // This test's own build finds the package's themes.
        #expect(ThemeLocations.currentExecutablePath.flatMap(ThemeLocations.bundledDirectory(executablePath:))
                == ThemeLoader.canonical(bundledThemesDirectory))
    }

    @Test func namesAreLookedUpInTheUserFolderThenTheBundledOneThenBuiltIn() throws {
        let folders = Folders()
        let loader = folders.loader
        #expect(try loader.find("shared") == ThemeEntry(identifier: "shared", origin: .user, path: folders.user + "/shared.toml"))
        #expect(try loader.load("shared")[.error].foreground == .ansi(1))
        #expect(try loader.find("bundled-only").origin == .bundled)
        #expect(try loader.find("mono") == ThemeEntry(identifier: "mono", origin: .builtIn, path: nil))
        #expect(try loader.find("/a/b.toml") == ThemeEntry(identifier: "b", origin: .path, path: "/a/b.toml"))
        #expect(try loader.find("b.toml").origin == .path)
        #expect(throws: ThemeError.self) { try loader.find("nothing") }
        do {
            _ = try loader.find("nothing")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.reason.contains(folders.user) && error.reason.contains(folders.bundled) && error.reason.contains("built-in"))
        }
    }

    @Test func theChoiceComesFromTheFlagThenTheEnvironmentThenDefault() {
        let folders = Folders()
        var environment = folders.environment
        #expect(folders.loader.select(choice: nil, environment: environment).themes[0][.error].foreground == .ansi(4), "default, from the bundled folder")
        environment["RECDECK_THEME"] = "shared"
        #expect(folders.loader.select(choice: nil, environment: environment).themes[0][.error].foreground == .ansi(1))
        #expect(folders.loader.select(choice: "bundled-only", environment: environment).themes[0][.error].foreground == .ansi(3))
        let path = folders.root.write("loose/x.toml", "[styles]\nerror = { fg = 5 }\n")
        #expect(folders.loader.select(choice: path, environment: environment).themes[0][.error].foreground == .ansi(5))
        environment["RECDECK_THEME"] = ""
        #expect(folders.loader.select(choice: "", environment: environment).themes[0][.error].foreground == .ansi(4))
    }

    @Test func theEnvironmentIsReadOnlyFromTheDictionary() {
        let locations = ThemeLocations(environment: ["XDG_CONFIG_HOME": "/cfg"], executablePath: "/nowhere/bin/recdeck")
        #expect(locations == ThemeLocations(userDirectory: "/cfg/recdeck/themes", bundledDirectory: nil))
    }

    @Test func catalogOrderAndShadowing() {
        let folders = Folders()
        let entries = folders.loader.catalog()
        #expect(entries.map(\.identifier) == ["mine", "shared", "bundled-only", "default", "mono"])
        #expect(entries.map(\.origin) == [.user, .user, .bundled, .bundled, .builtIn])
        let all = folders.loader.catalog(includeShadowed: true)
        #expect(all.map(\.identifier) == ["mine", "shared", "bundled-only", "default", "shared", "default", "mono"])
    }

    @Test func userThemesInheritBundledOnes() throws {
        let folders = Folders()
        let theme = try folders.loader.load("mine")
        #expect(theme[.text].foreground == .ansi(2))
        #expect(theme[.error].foreground == .ansi(3))
    }

    @Test func tCyclesThroughEveryThemeChosenFirst() {
        let folders = Folders()
        var environment = folders.environment
        environment["RECDECK_THEME"] = "bundled-only"
        let selection = folders.loader.select(choice: nil, environment: environment)
        #expect(selection.errors.isEmpty)
        #expect(selection.notice == nil)
        #expect(selection.themes.map(\.name) == ["bundled-only", "mine", "shared", "default", "mono"])
    }

    @Test func aBrokenChoiceFallsBackToTheDefaultAndSaysWhere() {
        let folders = Folders()
        let bad = folders.root.write("bad.toml", "name = \"bad\"\n[styles]\n\"json.kee\" = { fg = 1 }\n")
        let selection = folders.loader.select(choice: bad, environment: folders.environment)
        #expect(selection.usedFallback)
        #expect(selection.themes[0] == Theme.builtInDefault)
        #expect(selection.errors.first?.kind == .unknownRole)
        let notice = selection.notice ?? ""
        #expect(notice.hasPrefix("theme error, using the default: \(bad):3: unknown role \"json.kee\""), "\(notice)")
        // The others are still there for T.
        #expect(selection.themes.map(\.name).contains("shared"))

        let missing = folders.loader.select(choice: "nope", environment: folders.environment)
        #expect(missing.usedFallback)
        #expect(missing.errors.first?.kind == .notFound)
    }

    @Test func aBrokenUserThemeIsSkippedAndReported() {
        let folders = Folders()
        let broken = folders.root.write("config/recdeck/themes/broken.toml", "[styles\n")
        let selection = folders.loader.select(choice: nil, environment: folders.environment)
        #expect(!selection.usedFallback)
        #expect(!selection.themes.map(\.name).contains("broken"))
        #expect(selection.errors.map(\.path) == [broken])
        #expect(selection.notice?.hasPrefix("theme error, skipped: \(broken):") == true, "\(selection.notice ?? "")")
    }

    @Test func realBundledSelectionCyclesEveryBundledTheme() {
        let selection = bundledOnly.select(choice: "light", environment: [:])
        #expect(selection.errors.isEmpty)
        #expect(selection.themes.map(\.name) == ["light", "ansi", "default", "gruvbox-dark", "high-contrast", "mono", "solarized-dark", "transparent"])
    }
}
