import Foundation

/// The machine-readable shapes of a recording: the JSON object of the `list` contract and the
/// columns of its CSV/TSV rows. The dashboard's export writes the same shapes.
public enum RecordingFormats {
    /// The machine-readable formats a list of recordings can be written in.
    public enum ListFormat: String, Sendable, CaseIterable {
        case json, ndjson, csv, tsv
    }

    /// Writes `recordings` in `format`, one line at a time through `line` (without line breaks).
    public static func write(_ recordings: [Recording], as format: ListFormat, now: Timestamp, line: (String) -> Void) {
        switch format {
        case .json:
            line("[")
            for (index, recording) in recordings.enumerated() {
                var writer = JSONWriter()
                writeJSON(recording, now: now, to: &writer)
                line(writer.text + (index < recordings.count - 1 ? "," : ""))
            }
            line("]")
        case .ndjson:
            for recording in recordings {
                var writer = JSONWriter()
                writeJSON(recording, now: now, to: &writer)
                line(writer.text)
            }
        case .csv:
            line(csvLine(columns))
            for recording in recordings { line(csvLine(row(recording, now: now))) }
        case .tsv:
            line(tsvLine(columns))
            for recording in recordings { line(tsvLine(row(recording, now: now))) }
        }
    }

    /// Writes one recording as the JSON object of DESIGN.md's `list --format json` contract.
    public static func writeJSON(_ recording: Recording, now: Timestamp, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("recordingId", recording.recordingId)
        writer.field("callId", recording.callId)
        writer.field("serverCallId", recording.serverCallId)
        writer.field("startTime", recording.startTime?.iso8601UTC)
        writer.field("durationMs", recording.durationMs)
        writer.field("sessionEndReason", recording.sessionEndReason)
        writer.field("contentType", recording.contentType)
        writer.field("channelType", recording.channelType)
        writer.field("formatType", recording.formatType)
        writer.key("chunks")
        writer.beginArray()
        for chunk in recording.chunks {
            writer.beginObject()
            writer.field("index", chunk.index)
            writer.field("documentId", chunk.documentId)
            writer.field("endReason", chunk.endReason)
            writer.field("contentLocation", chunk.contentLocation)
            writer.field("metadataLocation", chunk.metadataLocation)
            writer.field("deleteLocation", chunk.deleteLocation)
            writer.endObject()
        }
        writer.endArray()
        writer.key("events")
        writer.beginArray()
        for event in recording.events {
            writer.beginObject()
            writer.field("id", event.id)
            writer.field("file", event.location.file)
            writer.field("eventTime", event.time?.iso8601UTC)
            writer.endObject()
        }
        writer.endArray()
        writer.field("duplicateDeliveries", Int64(recording.duplicateDeliveries))
        writer.key("anomalies")
        writer.beginArray()
        for anomaly in recording.anomalies(now: now) { writer.string(anomaly.rawValue) }
        writer.endArray()
        writer.endObject()
    }

    /// Column names of the CSV/TSV rows.
    public static let columns = [
        "recordingId", "callId", "serverCallId", "startTime", "durationMs", "sessionEndReason",
        "contentType", "channelType", "formatType", "chunks", "chunkEndReasons", "events",
        "duplicateDeliveries", "anomalies", "file", "contentLocation",
    ]

    /// One recording's values in `columns` order (empty for missing; lists joined with `;`).
    public static func row(_ recording: Recording, now: Timestamp) -> [String] {
        [
            recording.recordingId ?? "", recording.callId ?? "", recording.serverCallId ?? "",
            recording.startTime?.iso8601UTC ?? "", recording.durationMs.map(String.init) ?? "",
            recording.sessionEndReason ?? "", recording.contentType ?? "", recording.channelType ?? "",
            recording.formatType ?? "", String(recording.chunks.count),
            recording.chunks.map { $0.endReason ?? "" }.joined(separator: ";"), String(recording.events.count),
            String(recording.duplicateDeliveries), recording.anomalies(now: now).map(\.rawValue).joined(separator: ";"),
            recording.events.first?.location.file ?? "", recording.chunks.first?.contentLocation ?? "",
        ]
    }

    /// A CSV line (RFC 4180 quoting) of `fields`, with unsafe characters escaped.
    public static func csvLine(_ fields: [String]) -> String {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line += "," }
            let safe = SafeText.escaped(field)
            guard safe.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }) else {
                line += safe
                continue
            }
            line += "\""
            for character in safe.unicodeScalars {
                if character == "\"" { line += "\"" }
                line.unicodeScalars.append(character)
            }
            line += "\""
        }
        return line
    }

    /// A TSV line of `fields`: backslashes doubled, tabs, line breaks and other control characters
    /// written as escapes, so every row is one line of the same number of fields.
    public static func tsvLine(_ fields: [String]) -> String {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line += "\t" }
            guard field.utf8.contains(where: { $0 == UInt8(ascii: "\\") }) else {
                line += SafeText.escaped(field)
                continue
            }
            var doubled = ""
            for scalar in field.unicodeScalars {
                if scalar == "\\" { doubled += "\\" }
                doubled.unicodeScalars.append(scalar)
            }
            line += SafeText.escaped(doubled)
        }
        return line
    }
}
