import ArgumentParser
import Foundation
import RecDeckCore
import RecDeckFetch
import RecDeckUI

/// `recdeck delete DIR --recording ID...`: the signed DELETE of each chunk's deleteLocation.
/// Asks on a terminal, needs `--yes` otherwise. Exit 0 all deleted, 1 some failed, 2 cannot run.
struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete recordings' media from Azure (signed DELETE of each chunk's deleteLocation).",
        discussion: """
            Asks for confirmation on a terminal; without one, --yes is required. Only 200 counts as deleted.
            Credentials and allowed hosts as for fetch.
            Exit status: 0 when every chunk was deleted, 1 when some failed, 2 when it cannot run.

            Examples:
              recdeck delete ~/events --recording REC_ID
              recdeck delete ~/events --recording REC_A --recording REC_B --yes
            """
    )

    @Argument(help: "The directory of event files.")
    var directory: String

    @OptionGroup var transfer: TransferFlags

    @Flag(name: .customLong("yes"), help: "Delete without asking (required when standard input is not a terminal).")
    var yes = false

    @OptionGroup var scan: ScanFlags

    @OptionGroup var config: ConfigFlags

    func validate() throws {
        guard !transfer.recordings.isEmpty else { throw ValidationError("delete: name each recording with --recording ID") }
    }

    func run() throws {
        StandardOutput.prepare()
        let settings = try config.load()
        let fetcher = transfer.fetcher(settings: settings)
        let store = scanOrExit(directory, options: try scan.scanOptions(recursive: settings.recursive ?? true))
        let now = ListCommand.now()
        let (recordings, unknown) = transfer.selected(from: store, query: nil, now: now)
        for id in unknown { StandardOutput.message("recdeck: no recording \(SafeText.escaped(id)) in \(directory)") }
        let items = FetchPlan.deletions(for: recordings)
        guard !items.isEmpty else {
            StandardOutput.message("recdeck: nothing to delete")
            Foundation.exit(unknown.isEmpty ? 0 : 1)
        }
        if !yes {
            guard isatty(0) == 1 else {
                StandardOutput.message("recdeck: delete needs --yes when standard input is not a terminal (deleting cannot be undone)")
                Foundation.exit(2)
            }
            StandardOutput.raw("Delete \(CountText.of(items.count, "chunk")) of \(CountText.of(recordings.count, "recording")) from Azure? This cannot be undone. [y/N] ")
            guard let answer = readLine(), ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
                StandardOutput.message("recdeck: nothing deleted")
                Foundation.exit(1)
            }
        }
        var failed = 0
        for item in items {
            let result = fetcher.delete(item, now: now)
            if result.status == .done {
                StandardOutput.line("deleted \(item.relativePath)")
            } else {
                failed += 1
                StandardOutput.message("recdeck: failed to delete \(item.relativePath): \(SafeText.escaped(result.message ?? "unknown failure"))")
            }
            StandardOutput.flush()
        }
        StandardOutput.message("recdeck: deleted \(items.count - failed) of \(CountText.of(items.count, "chunk"))")
        Foundation.exit(failed == 0 && unknown.isEmpty ? 0 : 1)
    }
}
