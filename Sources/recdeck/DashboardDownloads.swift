import Foundation
import RecDeckCore
import RecDeckFetch
import RecDeckUI
import Synchronization

/// The dashboard's `d`: fetches a recording's (or one chunk's) media and metadata into the
/// config's `download_dir` as `recdeck fetch` does, reporting progress at most ten times a second.
struct DashboardDownloads: DownloadRunner {
    let fetcher: ChunkFetcher
    let folder: String

    /// The runner for the credentials found, or why there is none (for the status bar).
    static func make(connectionStringFile: String?, folder: String) -> (runner: DashboardDownloads?, unavailable: String) {
        let environment = ProcessInfo.processInfo.environment
        do {
            let credentials = try CredentialSource(flagFile: nil, environment: environment, configFile: connectionStringFile).load()
            let hosts = try HostAllowList(adding: environment[HostAllowList.environmentVariable])
            return (DashboardDownloads(fetcher: ChunkFetcher(signer: RequestSigner(credentials), hosts: hosts), folder: folder), "")
        } catch let error as CredentialError {
            return (nil, "cannot download: \(error.description)")
        } catch {
            return (nil, "cannot download: \(error)")
        }
    }

    func download(_ recording: Recording, chunkPosition: Int?, metadataOnly: Bool,
                  progress: @escaping @Sendable (Int64, Int64?) -> Void) -> DownloadOutcome {
        let items = FetchPlan.items(for: [recording], parts: metadataOnly ? [.metadata] : [.media, .metadata])
            .filter { chunkPosition == nil || $0.chunkPosition == chunkPosition }
        guard !items.isEmpty else { return DownloadOutcome(saved: 0, failed: 0, message: "no chunk to download") }
        let lastReport = Mutex(Date.distantPast)
        var finishedBytes: Int64 = 0
        var saved = 0
        var failures: [String] = []
        var metadata: [ChunkMetadata] = []
        for item in items {
            let before = finishedBytes
            let result = fetcher.fetch(item, into: folder, now: Timestamp.now()) { bytes, total in
                let now = Date()
                let due = lastReport.withLock { last -> Bool in
                    guard now.timeIntervalSince(last) >= 0.1 else { return false }
                    last = now
                    return true
                }
                if due { progress(before + bytes, total.map { before + $0 }) }
            }
            switch result.status {
            case .done, .alreadyThere:
                saved += 1
                finishedBytes += result.bytes
                if item.part == .metadata { metadata += Self.metadataDocuments(at: folder + "/" + item.relativePath) }
            case .failed:
                failures.append(result.message ?? "unknown failure")
            }
        }
        let place = folder + "/" + ((items[0].relativePath as NSString).deletingLastPathComponent)
        var message = "\(CountText.of(saved, "file")) (\(ByteCountText.text(finishedBytes))) in \(place)"
        if let first = failures.first { message += "; \(CountText.grouped(failures.count)) failed: \(first)" }
        return DownloadOutcome(saved: saved, failed: failures.count, message: message, metadata: metadata)
    }

    /// The chunk metadata document saved at `path`, read as the watcher reads one in the folder.
    static func metadataDocuments(at path: String) -> [ChunkMetadata] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return Array(data).withUnsafeBufferPointer { FileDecoder.decode($0, file: path, layout: .init(fileName: path)).metadata }
    }
}
