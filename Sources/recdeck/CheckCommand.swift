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
            let plural = { (count: Int, word: String, words: String?) in "\(count) \(count == 1 ? word : words ?? word + "s")" }
            StandardOutput.message(
                "checked \(plural(summary.files, "file", nil)): \(plural(summary.events, "event", nil)), "
                    + "\(plural(summary.recordings, "recording", nil)), \(plural(summary.otherEvents, "other event", nil)), "
                    + "\(plural(summary.duplicateDeliveries, "duplicate delivery", "duplicate deliveries")); "
                    + (problems.isEmpty ? "no problems" : plural(problems.count, "problem", nil)))
            if summary.zonelessTimes > 0 {
                StandardOutput.message(
                    "note: \(plural(summary.zonelessTimes, "timestamp", nil)) without a zone (such as 2018-10-12T15:14:11.3028183) "
                        + "read as UTC")
            }
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
