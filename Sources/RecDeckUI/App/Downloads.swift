import RecDeckCore

/// A download `d` asked for: a whole recording, or one chunk of it (its position in the chunks pane).
public struct DownloadRequest: Sendable, Hashable {
    public var id: Int
    public var recordingId: PackedID
    public var chunkPosition: Int?
    /// Only the chunk's metadata document (the chunk detail asking for it), not its media.
    public var metadataOnly: Bool

    public init(id: Int, recordingId: PackedID, chunkPosition: Int?, metadataOnly: Bool = false) {
        self.id = id
        self.recordingId = recordingId
        self.chunkPosition = chunkPosition
        self.metadataOnly = metadataOnly
    }
}

/// How far one download has come, for the downloads line.
public struct DownloadStatus: Sendable, Hashable {
    public var request: DownloadRequest
    /// What the line calls it: `rec-1` or `rec-1 chunk 0`.
    public var label: String
    public var bytes: Int64 = 0
    /// The sum of the sizes announced so far, when every file in flight announced one.
    public var total: Int64?
    public var finished = false

    public init(request: DownloadRequest, label: String) {
        self.request = request
        self.label = label
    }
}

/// What a download ended with: counts, the line for the status bar, and the chunk metadata
/// documents it saved (read back, so the chunk detail can show them).
public struct DownloadOutcome: Sendable, Hashable {
    public var saved: Int
    public var failed: Int
    public var message: String
    public var metadata: [ChunkMetadata]

    public init(saved: Int, failed: Int, message: String, metadata: [ChunkMetadata] = []) {
        self.saved = saved
        self.failed = failed
        self.message = message
        self.metadata = metadata
    }
}

/// What carries out the dashboard's downloads on a worker (`recdeck` gives one that fetches
/// with the connection string's key, as `recdeck fetch` does); `progress(bytes, total)` may be
/// called from any thread.
public protocol DownloadRunner: Sendable {
    func download(_ recording: Recording, chunkPosition: Int?, metadataOnly: Bool,
                  progress: @escaping @Sendable (Int64, Int64?) -> Void) -> DownloadOutcome
}

/// Opening the chunk detail on a chunk whose metadata document is neither in the folder nor
/// downloaded: downloads the document (when downloads can run), so the detail can show it.
func fetchMetadataIfMissing(_ state: inout AppState) -> [Effect] {
    guard state.canDownload, let recording = state.selectedRecording, recording.chunks.indices.contains(state.chunkIndex) else { return [] }
    let chunk = recording.chunks[state.chunkIndex]
    guard chunk.metadata == nil, chunk.metadataLocation != nil, let document = chunk.documentId,
          state.fetchedMetadata[document] == nil,
          !state.downloads.contains(where: { $0.request.metadataOnly && $0.request.recordingId == recording.id
              && $0.request.chunkPosition == state.chunkIndex }) else { return [] }
    state.lastDownloadId += 1
    let request = DownloadRequest(id: state.lastDownloadId, recordingId: recording.id, chunkPosition: state.chunkIndex, metadataOnly: true)
    let name = recording.shownId
    state.downloads.append(DownloadStatus(request: request, label: "\(name) chunk \(chunk.index.map(String.init) ?? String(state.chunkIndex)) metadata"))
    return [.download(request)]
}

/// `d`: starts a download of the selected chunk (in the chunks pane) or recording.
func startDownload(_ state: inout AppState) -> [Effect] {
    guard let recording = state.selectedRecording else {
        notify(&state, "nothing to download", isError: true)
        return []
    }
    let chunk = state.focus == .chunks && state.chunkIndex < recording.chunks.count ? state.chunkIndex : nil
    state.lastDownloadId += 1
    let request = DownloadRequest(id: state.lastDownloadId, recordingId: recording.id, chunkPosition: chunk)
    let name = recording.shownId
    let label = chunk.map { "\(name) chunk \(recording.chunks[$0].index.map(String.init) ?? String($0))" } ?? name
    state.downloads.append(DownloadStatus(request: request, label: label))
    return [.download(request)]
}

/// `q`: quits, unless downloads run and this is not the second `q` in a row (the first says so).
func quitUnlessDownloading(_ state: inout AppState) -> [Effect] {
    guard !state.downloads.isEmpty, !state.quitWhileDownloadingAsked else { return [.quit] }
    state.quitWhileDownloadingAsked = true
    notify(&state, "\(CountText.of(state.downloads.count, "download")) running (.part files resume with recdeck fetch): "
        + "\(state.keymap.label(of: .quit).split(separator: " ").first ?? "q") again to quit", isError: true)
    return []
}

/// Applies a download's progress or end to the state.
func downloadChanged(_ state: inout AppState, id: Int, bytes: Int64, total: Int64?, outcome: DownloadOutcome?) {
    guard let index = state.downloads.firstIndex(where: { $0.request.id == id }) else { return }
    state.downloads[index].bytes = bytes
    state.downloads[index].total = total
    if let outcome {
        for document in outcome.metadata { state.fetchedMetadata[document.chunkDocumentId] = document }
        state.downloads[index].finished = true
        notify(&state, "\(state.downloads[index].label): \(outcome.message)", isError: outcome.failed > 0)
        state.downloads.removeAll { $0.finished }
    }
}

/// One download in the downloads overlay: `rec-1 chunk 0   1.0 MiB of 4.0 MiB  25 %`.
func downloadRow(_ download: DownloadStatus) -> String {
    var text = DisplayWidth.padded(download.label, to: 40) + "  " + ByteCountText.text(download.bytes)
    if let total = download.total, total > 0 {
        text += " of \(ByteCountText.text(total))  \(Int(min(100, Double(download.bytes) / Double(total) * 100))) %"
    }
    return text
}

/// The downloads line: ` ↓ 2 downloads: 1.2 MiB of 4.0 MiB · rec-1 chunk 0`; nil when none runs.
func downloadsLine(_ state: AppState) -> String? {
    guard !state.downloads.isEmpty else { return nil }
    let bytes = state.downloads.reduce(Int64(0)) { $0 + $1.bytes }
    let totals = state.downloads.compactMap(\.total)
    var line = "↓ \(CountText.of(state.downloads.count, "download")): \(ByteCountText.text(bytes))"
    if totals.count == state.downloads.count { line += " of \(ByteCountText.text(totals.reduce(0, +)))" }
    return line + " · " + state.downloads.map(\.label).joined(separator: ", ")
}
