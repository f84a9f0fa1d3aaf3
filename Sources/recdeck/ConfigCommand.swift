import ArgumentParser
import Foundation
import RecDeckUI

/// `recdeck config`: prints a commented default config file, where recdeck looks for one, or
/// checks one.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the default config file, where it goes, or check one.",
        discussion: """
            Examples:
              recdeck config --default > ~/.config/recdeck/config.toml
              recdeck config --path
              recdeck config --check my-config.toml
            """
    )

    @Flag(name: .customLong("default"), help: "Print a complete config file with every setting at its default, commented.")
    var printDefault = false

    @Flag(name: .customLong("path"), help: "Print where recdeck looks for the config file.")
    var printPath = false

    @Option(name: .customLong("check"), help: ArgumentHelp("Check the config file at PATH and report its first problem.", valueName: "PATH"))
    var check: String?

    func validate() throws {
        if [printDefault, printPath, check != nil].filter({ $0 }).count != 1 {
            throw ValidationError("give one of --default, --path or --check PATH")
        }
    }

    func run() throws {
        StandardOutput.prepare()
        if printDefault { StandardOutput.line(RecDeckConfig.defaultText.dropLast().description) }
        if printPath { StandardOutput.line(RecDeckConfig.defaultPath(environment: ProcessInfo.processInfo.environment)) }
        if let check {
            do {
                _ = try RecDeckConfig.load(path: check, required: true)
                StandardOutput.message("\(check): ok")
            } catch {
                StandardOutput.flush()
                StandardOutput.message("recdeck: \(error.description)")
                throw ExitCode(1)
            }
        }
        StandardOutput.flush()
    }
}
