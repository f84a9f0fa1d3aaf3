import Foundation

/// Hands out one shared copy of strings that repeat from event to event (topics, event types,
/// end reasons, media types), so a hundred thousand events do not keep a hundred thousand copies.
/// Strings of up to 15 bytes are stored inline by Swift and need no sharing. Chunks' URLs share
/// their shape the same way (`locations`).
public struct StringInterner: Sendable {
    private static let seeds: [String] = [
        EventDecoder.recordingEventType, "ChunkMaximumTimeExceeded", "ChunkUploadFailure",
        "Microsoft.Communication.CallStarted", "Microsoft.Communication.CallEnded",
        "Microsoft.EventGrid.SubscriptionValidationEvent",
    ]
    private static let capacity = 24

    private var entries: [String]
    private var next = 0
    /// The chunk URL shapes seen last (a region's chunks all have one).
    private var shapes: [ChunkLocations] = []
    private var nextShape = 0
    private static let shapeCapacity = 8

    public init() {
        entries = Self.seeds
        entries.reserveCapacity(Self.seeds.count + Self.capacity)
    }

    /// The string of `bytes` (valid UTF-8), shared with an earlier equal one when there was one.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.count <= 15 { return String(decoding: bytes, as: UTF8.self) }
        for entry in entries where entry.utf8.count == bytes.count {
            let same = entry.utf8.withContiguousStorageIfAvailable { stored in
                memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
            } ?? entry.utf8.elementsEqual(bytes)
            if same { return entry }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if entries.count < Self.seeds.count + Self.capacity {
            entries.append(text)
        } else {
            entries[Self.seeds.count + next] = text
            next = (next + 1) % Self.capacity
        }
        return text
    }

    /// The shared URLs of an earlier chunk when this chunk's URLs have the same shape around
    /// `documentId`, found without building a string; `nil` when none has (or a URL must be
    /// read as a string first: escaped, or not a string).
    mutating func knownLocations(content: PlainField, metadata: PlainField, delete: PlainField,
                                 documentId: String) -> ChunkLocations? {
        guard !shapes.isEmpty, let content = content.bytes, let metadata = metadata.bytes, let delete = delete.bytes else {
            return nil
        }
        var documentId = documentId
        return documentId.withUTF8 { documentId in
            shapes.first { $0.gives(content: content, metadata: metadata, delete: delete, documentId: documentId) }
        }
    }

    /// The URLs of a chunk, sharing the instance of an earlier chunk with the same shape.
    mutating func locations(content: String?, metadata: String?, delete: String?, documentId: String?) -> ChunkLocations {
        let content = ChunkLocations.Form(content, documentId: documentId)
        let metadata = ChunkLocations.Form(metadata, documentId: documentId)
        let delete = ChunkLocations.Form(delete, documentId: documentId)
        if let known = shapes.first(where: { $0.hasForms(content, metadata, delete) }) { return known }
        let made = ChunkLocations(content: content, metadata: metadata, delete: delete)
        guard made.isShared else { return made }
        if shapes.count < Self.shapeCapacity {
            shapes.append(made)
        } else {
            shapes[nextShape] = made
            nextShape = (nextShape + 1) % Self.shapeCapacity
        }
        return made
    }
}
