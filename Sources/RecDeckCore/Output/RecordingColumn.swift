/// A column of the recordings table, shared by `recdeck list` and the dashboard: its title,
/// its width bounds and the text of a cell (already made safe for a terminal).
public enum RecordingColumn: String, Sendable, CaseIterable {
    case start, age, duration, chunks, format, reason, call, recording, anomalies, media, arrived

    public var title: String {
        switch self {
        case .start: "START"
        case .age: "AGE"
        case .duration: "DURATION"
        case .chunks: "CHUNKS"
        case .format: "FORMAT"
        case .reason: "END"
        case .call: "CALL"
        case .recording: "RECORDING"
        case .anomalies: "ANOMALIES"
        case .media: "MEDIA"
        case .arrived: "ARRIVED"
        }
    }

    /// Narrowest useful width in cells.
    public var minimumWidth: Int {
        switch self {
        case .start, .arrived: 19
        case .age, .chunks: 6
        case .duration: 9
        case .format: 7
        case .reason: 10
        case .call: 8
        case .recording: 17
        case .anomalies: 9
        case .media: 7
        }
    }

    /// The dashboard's columns unless the config file names others.
    public static let dashboardDefault: [RecordingColumn] = [.start, .age, .duration, .chunks, .format, .reason, .call, .recording]

    /// The most characters a cell holds (more could never show on a terminal).
    public static let maximumCellCharacters = 4096

    /// The order `list` gives columns up in when the width is short: first in this list goes first.
    /// The start and the call id are never given up (the call id is cut when nothing else is left).
    public static let dropOrder: [RecordingColumn] = [.arrived, .age, .media, .format, .reason, .recording, .anomalies, .chunks, .duration]

    /// The cell text for `recording`: `offsetSeconds` shifts times from UTC for display; `compact`
    /// drops the year from a start time in the current year (`10-01 08:00:12`), as the dashboard
    /// shows it, and the seconds instead for any other year (`2025-10-01 08:00`).
    public func text(for recording: Recording, now: Timestamp, offsetSeconds: Int, compact: Bool = false) -> String {
        let raw: String
        switch self {
        case .start, .arrived:
            // ARRIVED is when the newest event was sent (what AGE counts from).
            let time = self == .start ? recording.startTime : recording.lastEventTime
            let full = time?.display(offsetSeconds: offsetSeconds) ?? "—"
            let sameYear = time.map {
                $0.components(offsetSeconds: offsetSeconds).year == now.components(offsetSeconds: offsetSeconds).year
            } ?? false
            raw = !compact || full.count != 19 ? full : sameYear ? String(full.dropFirst(5)) : String(full.prefix(16))
        case .age:
            raw = (recording.lastEventTime ?? recording.startTime).map {
                DurationText.age(of: $0, at: now)
            } ?? "—"
        case .duration:
            raw = recording.durationMs.map { DurationText.length(milliseconds: $0) } ?? "—"
        case .chunks:
            raw = String(recording.chunks.count) + (recording.chunks.contains(where: \.endedInFailure) ? " ⚠" : "")
        case .format:
            raw = Self.formatSummary(format: recording.formatType, content: recording.contentType)
        case .reason:
            raw = recording.sessionEndReason ?? "—"
        case .call:
            raw = recording.callId ?? "—"
        case .recording:
            raw = RecordingIdText.readable(recording.recordingId ?? recording.id)
        case .anomalies:
            // Faults only: the media's retention is the MEDIA column, not something wrong.
            raw = recording.fixedAnomalies.sorted().map(\.rawValue).joined(separator: ",")
        case .media:
            raw = MediaRetention(recording, now: now)?.cellText ?? "—"
        }
        // No cell is wider than a terminal: what could never show is left out before escaping.
        let shown = DisplayWidth.displayPrefix(raw, characters: Self.maximumCellCharacters)
        return SafeText.escaped(shown.cut ? shown.text + "…" : raw)
    }

    /// `Mp4 A/V`, `Mp3 A`: the format with the content type abbreviated.
    public static func formatSummary(format: String?, content: String?) -> String {
        let contentShort: String?
        switch content?.lowercased() {
        case "audiovideo": contentShort = "A/V"
        case "audio": contentShort = "A"
        case "video": contentShort = "V"
        default: contentShort = content
        }
        let parts = [format, contentShort].compactMap { $0 }
        return parts.isEmpty ? "—" : parts.joined(separator: " ")
    }
}
