import ArgumentParser
import Foundation
import RecDeckCore
import RecDeckUI

/// How to read the directory: options of every command that reads one.
struct ScanFlags: ParsableArguments {
    @Flag(name: .customLong("no-recursive"), help: "Read only DIR itself, not its sub-directories.")
    var noRecursive = false

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp(
        "Report files larger than SIZE instead of reading them (bytes, or with K, M, G; default 256M).",
        valueName: "SIZE"))
    var maxFileSize: String?

    /// Checks `--max-file-size` while parsing, so a bad value is reported with this command's usage.
    func validate() throws {
        _ = try scanOptions()
    }

    /// The scan options these flags ask for (`recursive`: what the config file says, when it does).
    func scanOptions(recursive: Bool = true) throws -> ScanOptions {
        var options = ScanOptions(recursive: recursive && !noRecursive)
        if let maxFileSize {
            guard let bytes = Self.parseSize(maxFileSize) else {
                throw ValidationError("--max-file-size: \"\(maxFileSize)\" is not a size; use bytes or a number with K, M or G, such as 512M")
            }
            options.maxFileSize = bytes
        }
        return options
    }

    static func parseSize(_ text: String) -> Int? {
        let units: [Character: Int] = ["k": 1 << 10, "m": 1 << 20, "g": 1 << 30]
        var digits = text.lowercased()
        if digits.hasSuffix("b") { digits.removeLast() }
        var multiplier = 1
        if let last = digits.last, let unit = units[last] {
            multiplier = unit
            digits.removeLast()
        }
        guard let value = Int(digits), value > 0 else { return nil }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : bytes
    }
}

/// Where the config file is: `--config PATH`, else `$XDG_CONFIG_HOME/recdeck/config.toml`.
struct ConfigFlags: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp(
        "Read settings from PATH instead of $XDG_CONFIG_HOME/recdeck/config.toml (see `recdeck config --default`).",
        valueName: "PATH"))
    var path: String?

    /// The config file's settings (none when the default file does not exist).
    func load() throws -> RecDeckConfig {
        let environment = ProcessInfo.processInfo.environment
        do {
            return try RecDeckConfig.load(path: path ?? RecDeckConfig.defaultPath(environment: environment), required: path != nil)
        } catch {
            StandardOutput.message("recdeck: \(error.description)\n(fix that line, or start again from: recdeck config --default)")
            throw ExitCode(2)
        }
    }
}

/// Which recordings to show and how to write times: options of the commands that show recordings.
struct DisplayFlags: ParsableArguments {
    @Option(name: .customLong("filter"), parsing: .unconditional, help: ArgumentHelp(
        "Show only recordings matching QUERY (words, field:value, dur>5m, -term; see README).", valueName: "QUERY"))
    var filter: String?

    @Flag(name: .customLong("utc"), help: "Show times in UTC instead of local time.")
    var utc = false

    /// Checks `--filter` while parsing, so a bad query is reported with this command's usage.
    func validate() throws {
        _ = try query(utc: utc)
    }

    /// The parsed `--filter`, or `nil` when there is none; `utc` says how dates without a zone are read.
    func query(utc: Bool) throws -> RecordingQuery? {
        guard let filter else { return nil }
        do {
            return try RecordingQuery(parsing: filter, utcOffsetSeconds: utc ? 0 : TimeZone.current.secondsFromGMT())
        } catch {
            throw ValidationError("--filter: \(error)")
        }
    }

    /// Seconds to add to UTC to show `time` in UTC or in the local zone at that instant.
    static func displayOffset(for time: Timestamp, utc: Bool) -> Int {
        guard !utc else { return 0 }
        return TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: Double(time.milliseconds) / 1000))
    }
}

/// Scans `directory`, printing why to standard error and exiting 2 when it cannot be read.
func scanOrExit(_ directory: String, options: ScanOptions) -> RecordingStore {
    do {
        return try DirectoryScanner(root: directory, options: options).scan()
    } catch {
        StandardOutput.message("recdeck: \(error.description)")
        Foundation.exit(2)
    }
}
