import Dispatch
import Foundation

/// The machine-readable shapes of a recording: the JSON object of the `list` contract and the
/// columns of its CSV/TSV rows. The dashboard's export writes the same shapes.
public enum RecordingFormats {
    /// The machine-readable formats a list of recordings can be written in.
    public enum ListFormat: String, Sendable, CaseIterable {
        case json, ndjson, csv, tsv
    }

    /// Writes `recordings` in `format` through `line`: a line, or several lines joined by line
    /// breaks, without the last line break. Rows are formatted on all cores, a few blocks at a time.
    public static func write(_ recordings: [Recording], as format: ListFormat, now: Timestamp, line: (String) -> Void) {
        switch format {
        case .json:
            line("[")
            let last = recordings.count - 1
            writeRows(recordings, line: line) { recording, index in
                var writer = JSONWriter()
                writeJSON(recording, now: now, to: &writer)
                return writer.text + (index < last ? "," : "")
            }
            line("]")
        case .ndjson:
            writeRows(recordings, line: line) { recording, _ in
                var writer = JSONWriter()
                writeJSON(recording, now: now, to: &writer)
                return writer.text
            }
        case .csv:
            line(csvLine(columns))
            writeRows(recordings, line: line) { recording, _ in csvLine(row(recording, now: now)) }
        case .tsv:
            line(tsvLine(columns))
            writeRows(recordings, line: line) { recording, _ in tsvLine(row(recording, now: now)) }
        }
    }

    /// Formats blocks of rows in parallel, a wave of blocks at a time (so the text of the whole
    /// list is never held at once), and hands each block to `line` in order.
    private static func writeRows(_ recordings: [Recording], line: (String) -> Void,
                                  _ format: @Sendable (Recording, Int) -> String) {
        let block = 256
        let wave = 16
        let blocks = (recordings.count + block - 1) / block
        var first = 0
        while first < blocks {
            let count = min(wave, blocks - first)
            let texts = UnsafeMutableBufferPointer<String>.allocate(capacity: count)
            texts.initialize(repeating: "")
            let slots = FormatSlots(buffer: texts)
            let base = first
            DispatchQueue.concurrentPerform(iterations: count) { offset in
                let start = (base + offset) * block
                var text = ""
                for index in start..<min(recordings.count, start + block) {
                    if index > start { text += "\n" }
                    text += format(recordings[index], index)
                }
                slots.buffer[offset] = text
            }
            for text in texts { line(text) }
            texts.deinitialize()
            texts.deallocate()
            first += count
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
        // Added after the contract's original keys, so that they stay byte for byte what they were.
        writer.field("deadLettered", recording.deadLettered)
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

/// A buffer whose elements are each written by exactly one iteration of a `concurrentPerform`.
private struct FormatSlots<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
}
