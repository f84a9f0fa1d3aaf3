import ArgumentParser
import Foundation
import RecDeckCore
import RecDeckTerminal
import RecDeckUI

/// `recdeck themes`: every theme found (user, bundled, built-in), where it comes from, and on a
/// terminal a small preview drawn in its colours (reduced to what the terminal has).
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the bundled and user themes, with a colour preview on a terminal.",
        discussion: """
            One theme a line: its name, where it comes from (user, bundled, built-in) and its file;
            on a terminal, a preview line under each, in the theme's colours as this terminal shows
            them. A theme hidden by a user theme of the same name is listed as such. Themes are
            looked for in $XDG_CONFIG_HOME/recdeck/themes (else ~/.config/recdeck/themes), then in
            the bundled folder. Exit status 1 when a theme file cannot be loaded (the reason is shown).

            Examples:
              recdeck themes
              recdeck --theme light ~/events
              RECDECK_THEME=~/my.toml recdeck demo
            """
    )

    @Flag(name: .customLong("no-preview"), help: "Leave out the colour previews, even on a terminal.")
    var noPreview = false

    func run() throws {
        StandardOutput.prepare()
        let environment = ProcessInfo.processInfo.environment
        let locations = ThemeLocations(environment: environment, executablePath: ThemeLocations.currentExecutablePath)
        let loader = ThemeLoader(locations: locations)
        let entries = loader.catalog(includeShadowed: true)
        let terminal = isatty(1) == 1
        let depth = terminal ? ColorDepth.forStandardOutput(environment: environment) : .none
        let preview = terminal && !noPreview

        let requested = environment["RECDECK_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        let inUse = try? loader.find(requested)
        var shownNames = Set<String>()
        var failures = 0

        let nameWidth = max(4, entries.map { DisplayWidth.of($0.identifier) }.max() ?? 0)
        let originWidth = 8
        func row(_ name: String, _ origin: String, _ rest: String) -> String {
            DisplayWidth.padded(name, to: nameWidth) + "  " + DisplayWidth.padded(origin, to: originWidth) + "  " + rest
        }
        StandardOutput.line(row("NAME", "FROM", "FILE"))
        for entry in entries {
            let shadowed = !shownNames.insert(entry.identifier).inserted
            // A built-in theme hidden by a file is only its fallback: not worth a line.
            if shadowed, entry.origin == .builtIn { continue }
            var rest = SafeText.escaped(entry.path ?? "(compiled in)")
            if shadowed {
                rest += "  (hidden by the theme above of the same name)"
            } else if let inUse, inUse == entry {
                rest += "  (in use)"
            }
            StandardOutput.line(row(SafeText.escaped(entry.identifier), entry.origin.rawValue, rest))
            do {
                let theme = try loader.load(entry)
                if preview, !shadowed { StandardOutput.line("    " + ThemePreview.line(theme, depth: depth)) }
            } catch {
                failures += 1
                StandardOutput.line("    error: " + SafeText.escaped(error.description))
            }
        }
        if terminal {
            let user = locations.userDirectory.map { FileManager.default.fileExists(atPath: $0) ? $0 : "\($0) (not there)" } ?? "(no home folder)"
            StandardOutput.line("")
            StandardOutput.line("user themes:    " + SafeText.escaped(user))
            StandardOutput.line("bundled themes: " + SafeText.escaped(locations.bundledDirectory ?? "(not found)"))
            StandardOutput.line("colours here:   " + Self.describe(depth))
            StandardOutput.line("choose with --theme NAME|PATH or RECDECK_THEME; T switches while the dashboard runs")
        }
        StandardOutput.flush()
        if failures > 0 {
            StandardOutput.message("recdeck: \(CountText.of(failures, "theme file")) could not be loaded")
            throw ExitCode(1)
        }
    }

    static func describe(_ depth: ColorDepth) -> String {
        switch depth {
        case .none: return "none (NO_COLOR or a monochrome terminal): attributes only"
        case .ansi8: return "8 ANSI colours"
        case .ansi16: return "16 ANSI colours"
        case .indexed256: return "256 colours"
        case .direct: return "24-bit colour"
        }
    }
}
