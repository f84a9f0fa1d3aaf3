import ArgumentParser
import Foundation
import RecDeckCore
import RecDeckUI

/// `recdeck list DIR`: the recordings of a directory, non-interactive.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the recordings found in DIR.",
        discussion: """
            Examples:
              recdeck list ~/events
              recdeck list ~/events --format json --filter 'reason:failure'
              recdeck list . --sort duration:desc --format csv > recordings.csv
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, ndjson, csv, tsv
    }

    @Argument(help: "The directory of event files.")
    var directory: String

    @Option(help: "Output format: table, json, ndjson, csv or tsv.")
    var format: Format = .table

    @Option(help: ArgumentHelp(
        "Sort by FIELD (start, end, duration, age, chunks, events, call, rec, reason, format, type, channel, anomalies), :asc or :desc.",
        valueName: "FIELD[:asc|desc]"), completion: CompletionWords.sortFields)
    var sort: String?

    @OptionGroup var scan: ScanFlags

    @OptionGroup var display: DisplayFlags

    @OptionGroup var config: ConfigFlags

    /// Checks `--sort` while parsing, so a bad field is reported with this command's usage.
    func validate() throws {
        _ = try order()
    }

    /// The `--sort` order, or `nil` when there is none.
    func order() throws -> RecordingSort? {
        do {
            return try sort.map { try RecordingSort(parsing: $0) }
        } catch {
            throw ValidationError("--sort: \(error)")
        }
    }

    /// Now, or the ISO 8601 time in `RECDECK_NOW` (for output that does not change with the
    /// clock: README's sample and the test that keeps it true).
    static func now() -> Timestamp {
        ProcessInfo.processInfo.environment["RECDECK_NOW"].flatMap { Timestamp(iso8601: $0) } ?? Timestamp.now()
    }

    func run() throws {
        StandardOutput.prepare()
        let settings = try config.load()
        let utc = display.utc || settings.utc == true
        let options = try scan.scanOptions(recursive: settings.recursive ?? true)
        let query = try display.query(utc: utc)
        let order = try order() ?? settings.sort ?? RecordingSort()
        let store = scanOrExit(directory, options: options)
        let now = Self.now()
        let recordings = order.sorted(
            store.recordings.values.filter { query?.matches($0, now: now) ?? true }, now: now)
        switch format {
        case .json: RecordingFormats.write(recordings, as: .json, now: now, output: StandardOutput.lines)
        case .ndjson: RecordingFormats.write(recordings, as: .ndjson, now: now, output: StandardOutput.lines)
        case .csv: RecordingFormats.write(recordings, as: .csv, now: now, output: StandardOutput.lines)
        case .tsv: RecordingFormats.write(recordings, as: .tsv, now: now, output: StandardOutput.lines)
        case .table:
            RecordingTable.write(recordings, width: StandardOutput.terminalWidth, cells: { recording in
                let offset = DisplayFlags.displayOffset(for: recording.startTime ?? now, utc: utc)
                return RecordingColumn.allCases.map { $0.text(for: recording, now: now, offsetSeconds: offset) }
            }, output: StandardOutput.lines)
        }
        StandardOutput.flush()
        let summary = store.summary
        if format == .table || StandardOutput.isTerminal {
            StandardOutput.message("\(CountText.grouped(recordings.count)) of \(CountText.of(summary.recordings, "recording"))")
        }
        if summary.problems > 0 {
            StandardOutput.message(
                "recdeck: \(CountText.of(summary.problems, "problem")) reading \(directory); run `recdeck check \(directory)` for details")
        }
        // Everything is written: end here rather than free every recording and event one by one
        // (a tenth of the run at 100,000 files).
        Foundation.exit(0)
    }
}
