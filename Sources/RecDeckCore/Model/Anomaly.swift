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
    /// The chunks' metadata documents' durations do not add up to `recordingDurationMs` (beyond
    /// `durationTolerance`); known only when every chunk's metadata document is in the folder.
    case durationMismatch
    /// A chunk's metadata document gives another `chunkIndex` than the event.
    case chunkIndexMismatch
    /// The newest event is older than the 24 h media retention: its URLs point at deleted media.
    case mediaExpired

    /// Whether this is a fault of the recording itself (everything but `mediaExpired`, which is
    /// the media's retention state, `MediaRetention`, and says nothing is wrong).
    public var isFault: Bool { self != .mediaExpired }

    /// The header's words for `count` recordings with this fault (for `failedChunk`, `count` chunks);
    /// `compact`, the fewest words that still say it, for a narrow header.
    public func summary(count: Int, compact: Bool = false) -> String {
        if compact {
            switch self {
            case .failedChunk: return "\(CountText.grouped(count)) failed"
            case .chunkGap: return CountText.of(count, "gap")
            case .repeatedChunkIndex: return "\(CountText.grouped(count)) repeated"
            case .noChunks: return "\(CountText.grouped(count)) no chunks"
            case .noDuration: return "\(CountText.grouped(count)) no duration"
            case .durationMismatch, .chunkIndexMismatch, .mediaExpired: break
            }
        }
        return switch self {
        case .failedChunk: CountText.of(count, "failed chunk")
        case .chunkGap: CountText.of(count, "chunk gap")
        case .repeatedChunkIndex: CountText.of(count, "repeated chunk index", "repeated chunk indexes")
        case .noChunks: "\(CountText.grouped(count)) without chunks"
        case .noDuration: "\(CountText.grouped(count)) without duration"
        case .durationMismatch: CountText.of(count, "duration mismatch", "duration mismatches")
        case .chunkIndexMismatch: CountText.of(count, "chunk index mismatch", "chunk index mismatches")
        case .mediaExpired: "\(CountText.grouped(count)) expired"
        }
    }

    public static func < (lhs: Anomaly, rhs: Anomaly) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// How far the chunks' summed durations may be from the recording's: 2 s, or 1 % of it when more.
    public static func durationTolerance(ms: Int64) -> Double { max(2000, Double(ms) / 100) }

    /// How long Azure keeps recorded media after the recording is announced.
    public static let mediaRetentionNanoseconds: Int64 = 24 * 3600 * 1_000_000_000
}
