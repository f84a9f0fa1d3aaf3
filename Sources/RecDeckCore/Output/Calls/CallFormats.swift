/// The machine-readable shapes of a call: the JSON object of the `calls` contract and the columns
/// of its CSV/TSV rows (quoted and escaped as `list`'s are).
public enum CallFormats {
    /// Writes `calls` in `format` through `line`, one line at a time, as `RecordingFormats.write` does.
    public static func write(_ calls: [Call], as format: RecordingFormats.ListFormat, now: Timestamp, line: (String) -> Void) {
        switch format {
        case .json:
            line("[")
            for (index, call) in calls.enumerated() {
                line(json(call, now: now) + (index < calls.count - 1 ? "," : ""))
            }
            line("]")
        case .ndjson:
            for call in calls { line(json(call, now: now)) }
        case .csv:
            line(RecordingFormats.csvLine(columns))
            for call in calls { line(RecordingFormats.csvLine(row(call, now: now))) }
        case .tsv:
            line(RecordingFormats.tsvLine(columns))
            for call in calls { line(RecordingFormats.tsvLine(row(call, now: now))) }
        }
    }

    /// One call as the JSON object of the `calls` contract, on one line.
    public static func json(_ call: Call, now: Timestamp) -> String {
        var writer = JSONWriter()
        writeJSON(call, now: now, to: &writer)
        return writer.text
    }

    /// `{"callId", "serverCallId", "startTime", "endTime", "durationMs", "endReason", "participants",
    /// "recordings", "recordedMs", "coverage", "events", "anomalies", "deadLettered"}`, in that order.
    public static func writeJSON(_ call: Call, now: Timestamp, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("callId", call.callId)
        writer.field("serverCallId", call.serverCallId)
        writer.field("startTime", call.startTime?.iso8601UTC)
        writer.field("endTime", call.endTime?.iso8601UTC)
        writer.field("durationMs", call.durationMs)
        writer.field("endReason", call.endReason)
        writer.field("participants", Int64(call.participants.count))
        writer.key("recordings")
        writer.beginArray()
        for recording in call.recordings { writer.string(recording.shownId) }
        writer.endArray()
        writer.field("recordedMs", call.recordedMs)
        writer.field("coverage", call.coverage, fractionDigits: 4)
        writer.field("events", Int64(call.eventCount))
        writer.key("anomalies")
        writer.beginArray()
        for anomaly in call.anomalies(now: now) { writer.string(anomaly.rawValue) }
        writer.endArray()
        writer.field("deadLettered", call.deadLettered)
        writer.endObject()
    }

    /// Column names of the CSV/TSV rows.
    public static let columns = [
        "callId", "serverCallId", "startTime", "endTime", "durationMs", "endReason", "participants",
        "recordings", "recordedMs", "coverage", "events", "anomalies", "deadLettered",
    ]

    /// One call's values in `columns` order (empty for missing; lists joined with `;`).
    public static func row(_ call: Call, now: Timestamp) -> [String] {
        let coverageText = call.coverage.flatMap { JSONWriter.decimal($0, fractionDigits: 4) } ?? ""
        return [
            call.callId ?? "", call.serverCallId ?? "", call.startTime?.iso8601UTC ?? "", call.endTime?.iso8601UTC ?? "",
            call.durationMs.map(String.init) ?? "", call.endReason ?? "", String(call.participants.count),
            call.recordings.map(\.shownId).joined(separator: ";"), call.recordedMs.map(String.init) ?? "",
            coverageText, String(call.eventCount), call.anomalies(now: now).map(\.rawValue).joined(separator: ";"),
            call.deadLettered ? "true" : "false",
        ]
    }
}
