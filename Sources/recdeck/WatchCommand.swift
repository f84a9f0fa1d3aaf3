import ArgumentParser
import Foundation
import RecDeckCore
import RecDeckUI

/// `recdeck [watch] [DIR]`: the interactive dashboard on a live directory.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Open the live dashboard on DIR (the default command).",
        discussion: """
            Examples:
              recdeck ~/events
              recdeck watch /mnt/share/events --poll 5
              recdeck ~/events --filter 'reason:failure' --follow
            """
    )

    @Argument(help: "The directory of event files (default: the current directory).")
    var directory: String = "."

    @Flag(help: "Keep the newest recording selected as new ones arrive.")
    var follow = false

    @Flag(help: "Wait for DIR to appear when it does not exist yet (without it, a missing DIR is an error).")
    var wait = false

    @Flag(name: .customLong("no-mouse"), help: "Do not ask the terminal for mouse reports.")
    var noMouse = false

    @Option(name: .customLong("theme"), help: ArgumentHelp(
        "A theme by name (see `recdeck themes`) or a .toml file; default: $RECDECK_THEME, else default.",
        valueName: "NAME|PATH"), completion: CompletionWords.themes)
    var theme: String?

    @Option(name: .customLong("poll"), help: ArgumentHelp(
        "Poll the directory every SECONDS instead of using kernel notifications (for NFS, SMB, blobfuse).",
        valueName: "SECONDS"))
    var poll: Double?

    @OptionGroup var scan: ScanFlags

    @OptionGroup var display: DisplayFlags

    @OptionGroup var config: ConfigFlags

    func validate() throws {
        try Self.checkDirectory(directory, wait: wait)
        if let poll, !(poll >= 0.05 && poll <= 3600) {
            throw ValidationError("--poll: give a number of seconds between 0.05 and 3600, such as 2")
        }
    }

    func run() throws {
        let file = try config.load()
        var settings = try DashboardSettings(directory: directory, displayName: Self.displayName(directory), config: file)
        settings.watchOptions.scan = try scan.scanOptions(recursive: file.recursive ?? true)
        if let poll { settings.watchOptions.mode = .polling(every: .milliseconds(Int64(poll * 1000))) }
        settings.mouse = settings.mouse && !noMouse
        settings.utc = settings.utc || display.utc
        settings.follow = settings.follow || follow
        settings.theme = theme ?? settings.theme
        settings.query = try display.query(utc: settings.utc)
        let status = MainActor.assumeIsolated { Dashboard(settings).run() }
        if status != 0 { throw ExitCode(status) }
    }

    /// A missing DIR is an error unless `--wait` asks for it; one that looks like a misspelt
    /// subcommand (`recdeck lsit`) gets "did you mean" and exit 2 whatever the flags.
    static func checkDirectory(_ directory: String, wait: Bool) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw ValidationError("\(directory) is a file, not a directory of event files") }
            return
        }
        let names = RecDeck.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        if !directory.contains("/"), let name = NameSuggestion.closest(to: directory, among: names) {
            StandardOutput.message("recdeck: \"\(directory)\" is neither a command nor a directory; did you mean `recdeck \(name)`?")
            throw ExitCode(2)
        }
        if !wait {
            throw ValidationError("no directory \(directory); give the directory of event files, or add --wait to wait for it to appear")
        }
    }

    /// `~/events` rather than `/home/me/events`, as people write it.
    static func displayName(_ directory: String) -> String {
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let absolute = (directory as NSString).standardizingPath
        if absolute.hasPrefix(home + "/") { return "~" + absolute.dropFirst(home.count) }
        return directory
    }
}
