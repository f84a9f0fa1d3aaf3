import ArgumentParser
import RecDeckCore

/// `recdeck check DIR`: validates every file; exit 0 clean, 1 problems found, 2 cannot run.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate every event file in DIR and report each problem.",
        discussion: """
            Prints one `file:line:column: message` line per problem, then a summary on standard error.
            Exit status: 0 when every file is clean, 1 when problems were found, 2 when DIR cannot be read.

            Examples:
              recdeck check ~/events
              recdeck check ~/events --format json | jq '.problems[].file'
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The directory of event files.")
    var directory: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var scan: ScanFlags

    /// With `--no-recursive` and no event file in DIR itself, says how many its sub-directories hold.
    static func recursionHint(_ directory: String, options: ScanOptions, filesRead: Int) -> String? {
        guard !options.recursive, filesRead == 0 else { return nil }
        var everywhere = options
        everywhere.recursive = true
        guard let below = try? DirectoryScanner(root: directory, options: everywhere).list().files.count, below > 0 else { return nil }
        return "recdeck: no event files in \(directory) itself, but \(CountText.of(below, "file")) in its sub-directories; "
            + "drop --no-recursive to read them"
    }

    func run() throws {
        StandardOutput.prepare()
        let options = try scan.scanOptions()
        let store = scanOrExit(directory, options: options)
        let summary = store.summary
        let problems = store.problems
        switch format {
        case .text:
            for problem in problems { StandardOutput.line(SafeText.escaped(problem.description)) }
        case .json:
            var writer = JSONWriter()
            writer.beginObject()
            writer.field("files", Int64(summary.files))
            writer.field("events", Int64(summary.events))
            writer.field("recordings", Int64(summary.recordings))
            writer.field("otherEvents", Int64(summary.otherEvents))
            writer.field("duplicateDeliveries", Int64(summary.duplicateDeliveries))
            writer.key("problems")
            writer.beginArray()
            for problem in problems {
                writer.beginObject()
                writer.field("file", problem.file)
                writer.field("line", problem.line.map(Int64.init))
                writer.field("column", problem.column.map(Int64.init))
                writer.field("message", problem.message)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
            StandardOutput.line(writer.text)
        }
        StandardOutput.flush()
        if format == .text {
            StandardOutput.message(
                "checked \(CountText.of(summary.files, "file")): \(CountText.of(summary.events, "event")), "
                    + "\(CountText.of(summary.recordings, "recording")), \(CountText.of(summary.otherEvents, "other event")), "
                    + "\(CountText.of(summary.duplicateDeliveries, "duplicate delivery", "duplicate deliveries")); "
                    + (problems.isEmpty ? "no problems" : CountText.of(problems.count, "problem")))
            if summary.zonelessTimes > 0 {
                StandardOutput.message(
                    "note: \(CountText.of(summary.zonelessTimes, "timestamp")) without a zone (such as 2018-10-12T15:14:11.3028183) "
                        + "read as UTC")
            }
        }
        if let hint = Self.recursionHint(directory, options: options, filesRead: summary.files) { StandardOutput.message(hint) }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
