/// One recording chunk (`recordingStorageInfo.recordingChunks[]`): a piece of at most four hours of media.
///
/// Its fields are laid out to leave no padding (72 bytes: a chunk array of one fits a 112-byte block).
public struct Chunk: Sendable, Hashable {
    /// Why the chunk ended (`SessionEnded`, `ChunkMaximumTimeExceeded`, `ChunkUploadFailure`, …), verbatim.
    public var endReason: String?
    /// The three URLs, kept as the prefix and suffix around `documentId` they nearly always are
    /// (one instance shared by every chunk of the same shape), verbatim otherwise.
    private var locations: ChunkLocations
    private var storedMetadata: OutOfLine<ChunkMetadata>?
    /// `index`, 0 when missing (`hasIndex` says).
    private var indexValue: Int64 = 0
    /// The documentId as kept (`DocumentID`): what chunks are compared and merged by.
    private(set) var packedDocumentId: DocumentID?
    private var hasIndex = false

    /// 0-based order within the recording; `nil` when the event left it out.
    public var index: Int64? {
        get { hasIndex ? indexValue : nil }
        set {
            indexValue = newValue ?? 0
            hasIndex = newValue != nil
        }
    }
    public var documentId: String? {
        get { packedDocumentId?.text }
        set { packedDocumentId = newValue.map(DocumentID.init) }
    }

    public var contentLocation: String? { locations.content.url(documentId: documentId) }
    public var metadataLocation: String? { locations.metadata.url(documentId: documentId) }
    public var deleteLocation: String? { locations.delete.url(documentId: documentId) }

    /// Its metadata document, when one with its documentId is in the folder (set by the store).
    public var metadata: ChunkMetadata? {
        get { storedMetadata?.value }
        set { storedMetadata = newValue.map(OutOfLine.init) }
    }

    public init(index: Int64? = nil, documentId: String? = nil, endReason: String? = nil,
                contentLocation: String? = nil, metadataLocation: String? = nil, deleteLocation: String? = nil) {
        self.init(index: index, documentId: documentId, endReason: endReason,
                  locations: ChunkLocations(content: contentLocation, metadata: metadataLocation,
                                            delete: deleteLocation, documentId: documentId))
    }

    init(index: Int64?, documentId: String?, endReason: String?, locations: ChunkLocations) {
        self.locations = locations
        self.endReason = endReason
        self.packedDocumentId = documentId.map(DocumentID.init)
        self.index = index
    }

    /// The same chunk with the URLs of `other` where this one has none (a later event's chunk
    /// merged over an earlier one's).
    func filling(from other: Chunk) -> Chunk {
        Chunk(index: index ?? other.index, documentId: documentId ?? other.documentId,
              endReason: endReason ?? other.endReason, contentLocation: contentLocation ?? other.contentLocation,
              metadataLocation: metadataLocation ?? other.metadataLocation,
              deleteLocation: deleteLocation ?? other.deleteLocation)
    }

    public static func == (lhs: Chunk, rhs: Chunk) -> Bool {
        lhs.index == rhs.index && lhs.packedDocumentId == rhs.packedDocumentId && lhs.endReason == rhs.endReason
            && (lhs.locations === rhs.locations
                || (lhs.contentLocation == rhs.contentLocation && lhs.metadataLocation == rhs.metadataLocation
                    && lhs.deleteLocation == rhs.deleteLocation))
            && lhs.metadata == rhs.metadata
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(index)
        hasher.combine(packedDocumentId)
        hasher.combine(endReason)
        hasher.combine(contentLocation)
        hasher.combine(metadataLocation)
        hasher.combine(deleteLocation)
        hasher.combine(metadata)
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
