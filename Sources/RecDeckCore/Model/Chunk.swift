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
    /// Its metadata document, when one with its documentId is in the folder (set by the store).
    public var metadata: ChunkMetadata?

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
        guard let reason = endReason else { return false }
        let ascii = reason.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return Self.containsIgnoringCase(bytes, "fail") || Self.containsIgnoringCase(bytes, "error")
        }
        if let found = ascii ?? nil { return found }
        let lower = reason.lowercased()
        return lower.contains("fail") || lower.contains("error")
    }

    /// Whether ASCII `bytes` contain the lowercase ASCII `word`, ignoring case.
    private static func containsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let letters = word.utf8Start
        outer: for start in 0...(bytes.count - count) {
            for offset in 0..<count {
                var byte = bytes[start + offset]
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                if byte != letters[offset] { continue outer }
            }
            return true
        }
        return false
    }
}
