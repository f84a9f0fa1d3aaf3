/// A recording's faults in words, naming what is wrong where: `chunk 2 ended in
/// ChunkUploadFailure`, `chunk indexes 1, 3 are missing`, `two chunks have index 2`.
public enum AnomalyExplanation {
    /// One line per fault of `recording`, in anomaly order (each failed chunk its own line).
    public static func lines(for recording: Recording) -> [String] {
        var lines: [String] = []
        for anomaly in recording.fixedAnomalies.sorted() {
            switch anomaly {
            case .failedChunk:
                for chunk in recording.chunks where chunk.endedInFailure {
                    lines.append("\(chunk.index.map { "chunk \($0)" } ?? "a chunk without an index") ended in \(chunk.endReason ?? "a failure")")
                }
            case .chunkGap:
                lines.append(gap(in: recording.chunks.compactMap(\.index)))
            case .repeatedChunkIndex:
                let indexes = recording.chunks.compactMap(\.index)
                var seen = Set<Int64>(), repeated: [Int64] = []
                for index in indexes where !seen.insert(index).inserted && !repeated.contains(index) { repeated.append(index) }
                for index in repeated {
                    lines.append("\(CountText.grouped(indexes.filter { $0 == index }.count)) chunks have index \(index)")
                }
            case .noChunks:
                lines.append("no chunks: the event lists no recorded file")
            case .noDuration:
                lines.append(recording.durationMs == nil ? "no duration in any event" : "the duration is 0")
            case .durationMismatch:
                let sum = recording.chunks.reduce(0.0) { $0 + ($1.metadata?.chunkDurationMs ?? 0) }
                lines.append("the chunks' metadata add up to \(DurationText.length(milliseconds: Int64(sum.rounded()))), "
                    + "the recording says \(DurationText.length(milliseconds: recording.durationMs ?? 0))")
            case .chunkIndexMismatch:
                for chunk in recording.chunks {
                    guard let metadata = chunk.metadata, let index = metadata.chunkIndex, index != chunk.index else { continue }
                    lines.append("chunk \(chunk.index.map(String.init) ?? "without an index")'s metadata document says chunkIndex \(index)")
                }
            case .mediaExpired:
                break
            }
        }
        return lines
    }

    /// `chunk index 1 is missing`, `chunk indexes 1, 3 are missing`, `chunk indexes start at 2`,
    /// up to five indexes named, then `and N more`.
    static func gap(in indexes: [Int64]) -> String {
        let sorted = Array(Set(indexes)).sorted()
        guard let first = sorted.first else { return "chunk indexes have gaps" }
        if first < 0 { return "chunk index \(first) is negative" }
        var missing: [Int64] = []
        var count: Int64 = 0
        var expected: Int64 = 0
        for index in sorted {
            if index > expected {
                count &+= index - expected
                var next = expected
                while next < index && missing.count < 5 { missing.append(next); next += 1 }
            }
            expected = index &+ 1
        }
        let named = missing.map(String.init).joined(separator: ", ")
        let more = count > Int64(missing.count) ? " and \(CountText.grouped(Int(count) - missing.count)) more" : ""
        return count == 1 ? "chunk index \(named) is missing" : "chunk indexes \(named)\(more) are missing"
    }
}
