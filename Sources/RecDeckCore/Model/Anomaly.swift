/// Something about a recording worth a second look; the raw values are the codes `list` prints.
public enum Anomaly: String, Sendable, CaseIterable, Comparable {
    /// A chunk whose end reason reads as a failure, such as `ChunkUploadFailure`.
    case failedChunk
    /// Chunk indexes with holes (0, 2 without 1).
    case chunkGap
    /// Two different chunks with the same index.
    case repeatedChunkIndex
    /// No chunk at all.
    case noChunks
    /// Duration missing or zero.
    case noDuration
    /// The newest event is older than the 24 h media retention: its URLs point at deleted media.
    case mediaExpired

    public static func < (lhs: Anomaly, rhs: Anomaly) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// How long Azure keeps recorded media after the recording is announced.
    public static let mediaRetentionNanoseconds: Int64 = 24 * 3600 * 1_000_000_000
}
