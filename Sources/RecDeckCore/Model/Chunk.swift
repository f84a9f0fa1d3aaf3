/// One recording chunk (`recordingStorageInfo.recordingChunks[]`): a piece of at most four hours of media.
public struct Chunk: Sendable, Hashable {
    /// 0-based order within the recording; `nil` when the event left it out.
    public var index: Int64?
    public var documentId: String?
    /// Why the chunk ended (`SessionEnded`, `ChunkMaximumTimeExceeded`, `ChunkUploadFailure`, …), verbatim.
    public var endReason: String?
    public var contentLocation: String?
    public var metadataLocation: String?
    public var deleteLocation: String?

    public init(index: Int64? = nil, documentId: String? = nil, endReason: String? = nil,
                contentLocation: String? = nil, metadataLocation: String? = nil, deleteLocation: String? = nil) {
        self.index = index
        self.documentId = documentId
        self.endReason = endReason
        self.contentLocation = contentLocation
        self.metadataLocation = metadataLocation
        self.deleteLocation = deleteLocation
    }

    /// Whether the end reason reads as a failure (`ChunkUploadFailure`, anything with "fail" or "error").
    public var endedInFailure: Bool {
        guard let reason = endReason?.lowercased() else { return false }
        return reason.contains("fail") || reason.contains("error")
    }
}
