import ArgumentParser
import Foundation
import RecDeckCore
import RecDeckFetch
import RecDeckUI
import Synchronization

/// `recdeck fetch DIR`: downloads the chunks (media and metadata documents) of the recordings
/// in DIR with requests signed by the ACS access key. Exit 0 when everything asked for is on
/// disk, 1 when some failed, 2 when it cannot run.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download the recordings' media and metadata documents (signed with the ACS access key).",
        discussion: """
            Files go to OUTDIR/CALLID/RECORDING/chunk-INDEX-DOCUMENTID.EXT (and .acsmetadata.json), written to
            NAME.part and renamed when complete; a second run skips complete files and resumes .part files.
            Credentials: --connection-string-file PATH, $COMMUNICATION_SERVICES_CONNECTION_STRING, or the config's
            connection_string_file; never a command-line value. Only HTTPS ACS media hosts get a signed request
            ($RECDECK_FETCH_ALLOW_HOSTS=HOST:PORT,... adds hosts).
            Exit status: 0 when everything asked for is on disk, 1 when some failed, 2 when it cannot run.

            Examples:
              recdeck fetch ~/events --filter 'age<1d'
              recdeck fetch ~/events --recording REC_ID --what metadata --out ~/media
              recdeck fetch ~/events --dry-run
            """
    )

    @Argument(help: "The directory of event files.")
    var directory: String

    @OptionGroup var transfer: TransferFlags

    @Option(name: .customLong("out"), help: ArgumentHelp(
        "Write under OUTDIR (default: the config's download_dir, else ./recordings).", valueName: "OUTDIR"), completion: .directory)
    var out: String?

    @Option(name: .customLong("what"), help: ArgumentHelp("What to fetch of each chunk: media, metadata or both.", valueName: "media,metadata"))
    var what = "media,metadata"

    @Option(name: .customLong("parallel"), help: ArgumentHelp("Fetch N files at a time (1-16).", valueName: "N"))
    var parallel = 4

    @Flag(name: .customLong("dry-run"), help: "Print each request and what it signs (never the signature); fetch nothing.")
    var dryRun = false

    @OptionGroup var display: DisplayFlags

    @OptionGroup var scan: ScanFlags

    @OptionGroup var config: ConfigFlags

    func validate() throws {
        _ = try parts()
        guard (1...16).contains(parallel) else { throw ValidationError("--parallel: give a number from 1 to 16") }
    }

    /// The parts `--what` names.
    func parts() throws -> Set<FetchItem.Part> {
        var parts: Set<FetchItem.Part> = []
        for word in what.split(separator: ",") {
            guard let part = FetchItem.Part(rawValue: word.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ValidationError("--what: \"\(word)\" is neither media nor metadata")
            }
            parts.insert(part)
        }
        guard !parts.isEmpty else { throw ValidationError("--what: name media, metadata or both") }
        return parts
    }

    func run() throws {
        StandardOutput.prepare()
        let settings = try config.load()
        let utc = display.utc || settings.utc == true
        let query = try display.query(utc: utc)
        let fetcher = transfer.fetcher(settings: settings)
        let store = scanOrExit(directory, options: try scan.scanOptions(recursive: settings.recursive ?? true))
        let now = ListCommand.now()
        let (recordings, unknown) = transfer.selected(from: store, query: query, now: now)
        for id in unknown { StandardOutput.message("recdeck: no recording \(SafeText.escaped(id)) in \(directory)") }
        let folder = out ?? settings.downloadDir ?? "recordings"
        let items = FetchPlan.items(for: recordings, parts: try parts())
        if dryRun {
            FetchDryRun.print(items, folder: folder, fetcher: fetcher)
            Foundation.exit(unknown.isEmpty ? 0 : 1)
        }
        let failed = FetchRun(items: items, folder: folder, fetcher: fetcher, now: now, parallel: parallel).run()
        Foundation.exit(failed == 0 && unknown.isEmpty ? 0 : 1)
    }
}
