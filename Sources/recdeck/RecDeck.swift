import ArgumentParser
import Foundation

/// The `recdeck` command: a dashboard and tools for Azure Communication Services recording events.
@main
struct RecDeck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recdeck",
        abstract: "Read Azure Communication Services recording events (Event Grid deliveries saved as JSON files).",
        discussion: """
            Examples:
              recdeck ~/events                       the live dashboard
              recdeck demo                           the dashboard on a simulated live feed
              recdeck list ~/events                  recordings as a table
              recdeck list ~/events --format json    the JSON contract of README.md
              recdeck check ~/events                 every file that cannot be read, and why
              recdeck calls ~/events                 calls with their recordings and coverage
              recdeck themes                         the themes, previewed in colour
              recdeck ~/events --theme light         the dashboard in another theme
            """,
        version: "0.1.0",
        subcommands: [WatchCommand.self, ListCommand.self, CheckCommand.self, DemoCommand.self, ThemesCommand.self, ConfigCommand.self, ServeCommand.self, CallsCommand.self, FetchCommand.self, DeleteCommand.self],
        defaultSubcommand: WatchCommand.self
    )

    /// Runs the command; usage errors exit 2 ("cannot run") rather than ArgumentParser's 64.
    static func main() {
        if let shell = CompletionScript.requested(in: CommandLine.arguments) {
            StandardOutput.prepare()
            var script = CompletionScript.generate(for: shell)
            if script.hasSuffix("\n") { script.removeLast() }
            StandardOutput.line(script)
            StandardOutput.flush()
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                StandardOutput.message(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
