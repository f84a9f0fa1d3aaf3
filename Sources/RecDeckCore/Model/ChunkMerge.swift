/// Merges chunks by (index, documentId): a later chunk with the same pair fills in the fields the
/// earlier one left missing or replaces them; others are kept in index order (chunks without an
/// index last, in the order they first appeared).
///
/// Linear for a handful of chunks and hashed beyond that, so one event listing many thousands of
/// chunks, or a recording made of thousands of events, merges in O(n log n) rather than comparing
/// every pair.
struct ChunkMerge {
    /// What makes two chunks the same chunk.
    private struct Identity: Hashable {
        var index: Int64?
        var documentId: DocumentID?

        init(_ chunk: Chunk) {
            index = chunk.index
            documentId = chunk.packedDocumentId
        }
    }

    /// Up to this many chunks, a linear search finds a match faster than hashing.
    private static let linearLimit = 16

    /// The chunks so far, in index order.
    private(set) var chunks: [Chunk]
    /// Where each chunk is in `chunks`, once there are more than `linearLimit` of them.
    private var positions: [Identity: Int]?
    /// Whether chunks were appended after `chunks` was last in order.
    private var appended = false

    /// Starts from distinct chunks: a recording's, already in index order, or (`ordered` false)
    /// one event's in the order it listed them.
    init(distinct chunks: [Chunk] = [], ordered: Bool = true) {
        self.chunks = chunks
        appended = !ordered
    }

    /// Whether no two of `chunks` share (index, documentId), so merging them would change nothing.
    static func allDistinct(_ chunks: [Chunk]) -> Bool {
        if chunks.count <= linearLimit {
            for later in chunks.indices.dropFirst() {
                for earlier in 0..<later where chunks[earlier].index == chunks[later].index
                    && chunks[earlier].packedDocumentId == chunks[later].packedDocumentId {
                    return false
                }
            }
            return true
        }
        var seen = Set<Identity>(minimumCapacity: chunks.count)
        for chunk in chunks where !seen.insert(Identity(chunk)).inserted { return false }
        return true
    }

    /// Whether `chunks` are what merging them gives: distinct, each with an index, in index order.
    static func isMerged(_ chunks: [Chunk]) -> Bool {
        inOrder(chunks) && allDistinct(chunks)
    }

    /// Merges `later` (one event's chunks, in its order) into the chunks so far.
    mutating func merge(_ later: [Chunk]) {
        for chunk in later {
            if let position = position(of: chunk) {
                chunks[position] = chunk.filling(from: chunks[position])
            } else {
                positions?[Identity(chunk)] = chunks.count
                chunks.append(chunk)
                appended = true
            }
        }
    }

    /// The merged chunks in index order; a stable sort keeps the order of appearance for chunks
    /// without an index (and sorting the earlier chunks again changes nothing, so merging onto a
    /// recording's ordered chunks gives what merging every event from the start would).
    mutating func ordered() -> [Chunk] {
        guard appended else { return chunks }
        appended = false
        if !Self.inOrder(chunks) {
            chunks = chunks.enumerated().sorted { lhs, rhs in
                switch (lhs.element.index, rhs.element.index) {
                case let (left?, right?) where left != right: left < right
                case (_?, nil): true
                case (nil, _?): false
                default: lhs.offset < rhs.offset
                }
            }.map(\.element)
            positions = nil
        }
        return chunks
    }

    /// Whether every chunk has an index and they never go down.
    private static func inOrder(_ chunks: [Chunk]) -> Bool {
        for position in chunks.indices.dropFirst() {
            guard let previous = chunks[position - 1].index, let current = chunks[position].index, previous <= current else {
                return false
            }
        }
        return true
    }

    private mutating func position(of chunk: Chunk) -> Int? {
        if positions == nil {
            if chunks.count <= Self.linearLimit {
                return chunks.firstIndex { $0.index == chunk.index && $0.packedDocumentId == chunk.packedDocumentId }
            }
            var table = [Identity: Int](minimumCapacity: chunks.count * 2)
            for (position, existing) in chunks.enumerated() where table[Identity(existing)] == nil {
                table[Identity(existing)] = position
            }
            positions = table
        }
        return positions![Identity(chunk)]
    }
}
