import ArgumentParser
import Foundation
import RecDeckCore
import RecDeckFetch
import RecDeckUI

/// What `fetch` and `delete` share: the credentials' file flag, the recordings asked for, and
/// the setup both need (credentials, allow-list, the scan), each failure of which exits 2.
struct TransferFlags: ParsableArguments {
    @Option(name: .customLong("connection-string-file"), help: ArgumentHelp(
        "Read the ACS connection string from PATH (else $COMMUNICATION_SERVICES_CONNECTION_STRING, else the config's connection_string_file).",
        valueName: "PATH"), completion: .file())
    var connectionStringFile: String?

    @Option(name: .customLong("recording"), help: ArgumentHelp("Only the recording ID (repeat for more).", valueName: "ID"))
    var recordings: [String] = []

    /// The fetcher for these credentials and `$RECDECK_FETCH_ALLOW_HOSTS`, or exit 2 saying why not.
    func fetcher(settings: RecDeckConfig) -> ChunkFetcher {
        let environment = ProcessInfo.processInfo.environment
        do {
            let credentials = try CredentialSource(flagFile: connectionStringFile, environment: environment,
                                                   configFile: settings.connectionStringFile).load()
            let hosts = try HostAllowList(adding: environment[HostAllowList.environmentVariable])
            return ChunkFetcher(signer: RequestSigner(credentials), hosts: hosts)
        } catch let error as CredentialError {
            StandardOutput.message("recdeck: \(error.description)")
        } catch {
            StandardOutput.message("recdeck: \(error)")
        }
        Foundation.exit(2)
    }

    /// The recordings of `store` asked for: those of `--recording` (by recordingId or store key)
    /// that match `query`; every match of `query` without `--recording`. Unknown ids are returned apart.
    func selected(from store: RecordingStore, query: RecordingQuery?, now: Timestamp) -> (recordings: [Recording], unknown: [String]) {
        let matching = store.recordings.values.filter { query?.matches($0, now: now) ?? true }
            .sorted { ($0.startTime?.nanoseconds ?? 0, $0.id) < ($1.startTime?.nanoseconds ?? 0, $1.id) }
        guard !recordings.isEmpty else { return (matching, []) }
        let wanted = Set(recordings)
        let chosen = matching.filter { wanted.contains($0.id.text) || $0.recordingId.map(wanted.contains) == true }
        let found = Set(chosen.flatMap { [$0.id.text, $0.shownId] })
        return (chosen, recordings.filter { !found.contains($0) })
    }
}
