import Foundation
import RecDeckCore
import RecDeckFetch

/// `fetch --dry-run`: each request that would be made, its headers and the text it signs, with
/// the signature replaced: nothing is sent and nothing written.
enum FetchDryRun {
    static func print(_ items: [FetchItem], folder: String, fetcher: ChunkFetcher) {
        for item in items {
            let path = folder + "/" + item.relativePath
            guard let url = item.url else {
                StandardOutput.line("skip \(path): the event has no URL for this chunk's \(item.part.rawValue)")
                continue
            }
            let shownURL = SafeText.escaped(url.absoluteString)
            if FileManager.default.fileExists(atPath: path) {
                StandardOutput.line("skip \(path): complete")
                continue
            }
            if let refusal = fetcher.hosts.refusal(for: url) {
                StandardOutput.line("refuse \(shownURL): \(SafeText.escaped(refusal))")
                continue
            }
            let offset = (try? FileManager.default.attributesOfItem(atPath: path + ".part")[.size] as? Int64) ?? 0
            let signed = fetcher.request("GET", url: url, offset: offset)
            StandardOutput.line("GET \(shownURL) -> \(path)\(offset > 0 ? ".part (resume)" : "")")
            if offset > 0 { StandardOutput.line("  Range: bytes=\(offset)-") }
            for field in signed.headers.shown { StandardOutput.line("  \(field.name): \(field.value)") }
            StandardOutput.line("  string to sign: " + SafeText.escaped(signed.headers.stringToSign))
        }
        StandardOutput.flush()
        StandardOutput.message("recdeck: dry run: \(CountText.of(items.count, "file")) planned; nothing sent")
    }
}
