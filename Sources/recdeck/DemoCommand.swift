import ArgumentParser
import Foundation
import RecDeckCore
import RecDeckUI

/// `recdeck demo`: the dashboard on a simulated live feed in a temporary directory, removed on exit.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the dashboard on a simulated live feed (a temporary directory, removed on exit)."
    )

    @Flag(name: .customLong("no-mouse"), help: "Do not ask the terminal for mouse reports.")
    var noMouse = false

    @Option(name: .customLong("theme"), help: ArgumentHelp(
        "A theme by name (see `recdeck themes`) or a .toml file; default: $RECDECK_THEME, else default.",
        valueName: "NAME|PATH"), completion: CompletionWords.themes)
    var theme: String?

    @Flag(name: .customLong("utc"), help: "Show times in UTC instead of local time.")
    var utc = false

    @OptionGroup var config: ConfigFlags

    func run() throws {
        let file = try config.load()
        var template = Array((NSTemporaryDirectory() + "/recdeck-demo-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            StandardOutput.message("recdeck: cannot create a temporary directory: \(String(cString: strerror(errno)))")
            throw ExitCode(2)
        }
        let directory = String(cString: made)
        let feed = DemoFeed(directory: directory)
        feed.start()
        var settings = try DashboardSettings(directory: directory, displayName: "demo feed", config: file)
        settings.watchOptions = WatchOptions()
        settings.mouse = settings.mouse && !noMouse
        settings.utc = settings.utc || utc
        settings.theme = theme ?? settings.theme
        let status = MainActor.assumeIsolated { Dashboard(settings).run() }
        feed.stop()
        try? FileManager.default.removeItem(atPath: directory)
        if status != 0 { throw ExitCode(status) }
    }
}
