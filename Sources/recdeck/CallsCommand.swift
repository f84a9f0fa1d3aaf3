import ArgumentParser
import Foundation
import RecDeckCore
import RecDeckUI

/// `recdeck calls DIR`: the calls of a directory (call events and recordings joined), non-interactive.
struct CallsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "Print the calls found in DIR, each with its recordings.",
        discussion: """
            A call is put together from CallStarted, CallEnded, CallParticipantAdded/Removed, Call
            Automation's RecordingStateChanged and the recordings whose subject names it, joined by
            call id (correlationId) and serverCallId.

            Examples:
              recdeck calls ~/events
              recdeck calls ~/events --format json --filter 'anomaly:recording'
              recdeck calls . --sort coverage:asc --format csv > calls.csv
            """
    )

    @Argument(help: "The directory of event files.")
    var directory: String

    @Option(help: "Output format: table, json, ndjson, csv or tsv.")
    var format: ListCommand.Format = .table

    @Option(help: ArgumentHelp(
        "Sort by FIELD (\(CallSort.Field.allCases.map(\.rawValue).joined(separator: ", "))), :asc or :desc.",
        valueName: "FIELD[:asc|desc]"))
    var sort: String?

    @OptionGroup var scan: ScanFlags

    @OptionGroup var display: DisplayFlags

    @OptionGroup var config: ConfigFlags

    func run() throws {
        StandardOutput.prepare()
        let settings = try config.load()
        let utc = display.utc || settings.utc == true
        let options = try scan.scanOptions(recursive: settings.recursive ?? true)
        let query = try display.query(utc: utc)
        let order: CallSort
        do {
            order = try sort.map { try CallSort(parsing: $0) } ?? CallSort()
        } catch {
            throw ValidationError("--sort: \(error)")
        }
        let store = scanOrExit(directory, options: options)
        let now = Timestamp.now()
        let listing = CallListing(table: CallTable(source: store), query: query, sort: order, now: now)
        let table = listing.table, calls = listing.calls
        switch format {
        case .json: CallFormats.write(calls, as: .json, now: now, line: StandardOutput.line)
        case .ndjson: CallFormats.write(calls, as: .ndjson, now: now, line: StandardOutput.line)
        case .csv: CallFormats.write(calls, as: .csv, now: now, line: StandardOutput.line)
        case .tsv: CallFormats.write(calls, as: .tsv, now: now, line: StandardOutput.line)
        case .table:
            CallColumn.writeTable(calls, now: now, width: StandardOutput.terminalWidth,
                                  offsetSeconds: { DisplayFlags.displayOffset(for: $0.startTime ?? now, utc: utc) },
                                  output: StandardOutput.lines)
        }
        StandardOutput.flush()
        let summary = store.summary
        if format == .table || StandardOutput.isTerminal {
            StandardOutput.message("\(CountText.grouped(calls.count)) of \(CountText.of(table.calls.count, "call"))")
        }
        if summary.problems > 0 {
            StandardOutput.message(
                "recdeck: \(summary.problems) problem\(summary.problems == 1 ? "" : "s") reading \(directory); run `recdeck check \(directory)` for details")
        }
        Foundation.exit(0)
    }
}
