import Foundation
import RecDeckCore

/// What `fetch` downloads for recordings: each chunk's media and/or metadata document, named
/// `CALLID/RECORDING/chunk-IIII-DOCUMENTID.EXT` (and `….acsmetadata.json`).
public enum FetchPlan {
    /// The items of `recordings` for `parts`, in recording then chunk order.
    public static func items(for recordings: [Recording], parts: Set<FetchItem.Part>) -> [FetchItem] {
        var items: [FetchItem] = []
        for recording in recordings {
            let folder = SafeFileName.component(recording.callId ?? "unknown-call") + "/"
                + SafeFileName.component(recording.shownId)
            for (position, chunk) in recording.chunks.enumerated() {
                let base = folder + "/" + chunkName(chunk, position: position)
                for part in FetchItem.Part.allCases where parts.contains(part) {
                    let location = part == .media ? chunk.contentLocation : chunk.metadataLocation
                    let suffix = part == .media ? "." + SafeFileName.mediaExtension(format: recording.formatType) : ".acsmetadata.json"
                    items.append(FetchItem(recordingId: recording.id.text, chunkPosition: position, part: part, url: location.flatMap(URL.init(string:)),
                                           relativePath: base + suffix, lastEventTime: recording.lastEventTime))
                }
            }
        }
        return items
    }

    /// The delete requests of `recordings`: each chunk's `deleteLocation`.
    public static func deletions(for recordings: [Recording]) -> [FetchItem] {
        recordings.flatMap { recording in
            recording.chunks.enumerated().map { position, chunk in
                FetchItem(recordingId: recording.id.text, chunkPosition: position, part: .media, url: chunk.deleteLocation.flatMap(URL.init(string:)),
                          relativePath: SafeFileName.component(recording.callId ?? "unknown-call") + "/"
                            + SafeFileName.component(recording.shownId) + "/" + chunkName(chunk, position: position),
                          lastEventTime: recording.lastEventTime)
            }
        }
    }

    /// `chunk-0000-DOCUMENTID` (the array position when the event gave no index).
    static func chunkName(_ chunk: Chunk, position: Int) -> String {
        let index = String(chunk.index ?? Int64(position))
        let padded = String(repeating: "0", count: max(0, 4 - index.count)) + index
        return "chunk-\(padded)-" + SafeFileName.component(chunk.documentId ?? "nodoc")
    }
}
