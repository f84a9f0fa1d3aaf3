import Dispatch
import Foundation

/// The machine-readable shapes of a recording: the JSON object of the `list` contract and the
/// columns of its CSV/TSV rows. The dashboard's export writes the same shapes.
public enum RecordingFormats {
    /// The machine-readable formats a list of recordings can be written in.
    public enum ListFormat: String, Sendable, CaseIterable {
        case json, ndjson, csv, tsv
    }

    /// Writes `recordings` in `format`, handing `output` whole lines (each with its line break)
    /// a block at a time. Rows are formatted into byte buffers on all cores, a few blocks at a time.
    public static func write(_ recordings: [Recording], as format: ListFormat, now: Timestamp,
                             output: (OutputBytes) -> Void) {
        var header = OutputBytes()
        switch format {
        case .json:
            header.append("[\n")
            output(header)
            let last = recordings.count - 1
            writeRows(recordings, output: output) { recording, index, bytes in
                var writer = JSONWriter(appendingTo: &bytes)
                writeJSON(recording, now: now, to: &writer)
                writer.finish(into: &bytes)
                if index < last { bytes.append(UInt8(ascii: ",")) }
            }
            header.removeAll()
            header.append("]\n")
            output(header)
        case .ndjson:
            writeRows(recordings, output: output) { recording, _, bytes in
                var writer = JSONWriter(appendingTo: &bytes)
                writeJSON(recording, now: now, to: &writer)
                writer.finish(into: &bytes)
            }
        case .csv, .tsv:
            let csv = format == .csv
            var row = RowWriter(csv: csv, appendingTo: &header)
            for column in columns { row.cell(column) }
            row.finish(into: &header)
            header.append(UInt8(ascii: "\n"))
            output(header)
            writeRows(recordings, output: output) { recording, _, bytes in
                var row = RowWriter(csv: csv, appendingTo: &bytes)
                writeRow(recording, now: now, to: &row)
                row.finish(into: &bytes)
            }
        }
    }

    /// Formats blocks of rows in parallel, a wave of blocks at a time (so the text of the whole
    /// list is never held at once), and hands each block to `output` in order.
    private static func writeRows(_ recordings: [Recording], output: (OutputBytes) -> Void,
                                  _ format: @Sendable (Recording, Int, inout OutputBytes) -> Void) {
        let block = 256
        let wave = 16
        let blocks = (recordings.count + block - 1) / block
        var first = 0
        while first < blocks {
            let count = min(wave, blocks - first)
            let base = first
            let texts = Parallel.map(count, block: 1) { offset in
                let start = (base + offset) * block
                var bytes = OutputBytes(capacity: block * 1024)
                for index in start..<min(recordings.count, start + block) {
                    format(recordings[index], index, &bytes)
                    bytes.append(UInt8(ascii: "\n"))
                }
                return bytes
            }
            for text in texts { output(text) }
            first += count
        }
    }

    /// Writes one recording as the JSON object of DESIGN.md's `list --format json` contract.
    public static func writeJSON(_ recording: Recording, now: Timestamp, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("recordingId", recording.recordingId)
        writer.field("callId", recording.callId)
        writer.field("serverCallId", recording.serverCallId)
        writer.field("startTime", recording.startTime)
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
            writer.field("eventTime", event.time)
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

    /// A CSV line (RFC 4180 quoting) of `fields`, with unsafe characters escaped.
    public static func csvLine(_ fields: [String]) -> String { line(fields, csv: true) }

    /// A TSV line of `fields`: backslashes doubled, tabs, line breaks and other control characters
    /// written as escapes, so every row is one line of the same number of fields.
    public static func tsvLine(_ fields: [String]) -> String { line(fields, csv: false) }

    private static func line(_ fields: [String], csv: Bool) -> String {
        var bytes = OutputBytes()
        var row = RowWriter(csv: csv, appendingTo: &bytes)
        for field in fields { row.cell(field) }
        row.finish(into: &bytes)
        return bytes.text
    }

    /// One recording's values in `columns` order (empty for missing; lists joined with `;`).
    private static func writeRow(_ recording: Recording, now: Timestamp, to row: inout RowWriter) {
        row.cell(recording.recordingId)
        row.cell(recording.callId)
        row.cell(recording.serverCallId)
        row.cell(recording.startTime)
        row.cell(recording.durationMs)
        row.cell(recording.sessionEndReason)
        row.cell(recording.contentType)
        row.cell(recording.channelType)
        row.cell(recording.formatType)
        row.cell(Int64(recording.chunks.count))
        let chunks = recording.chunks
        row.cell(chunks.count == 1 ? chunks[0].endReason ?? "" : chunks.map { $0.endReason ?? "" }.joined(separator: ";"))
        row.cell(Int64(recording.events.count))
        row.cell(Int64(recording.duplicateDeliveries))
        row.cell(recording.anomalies(now: now).map(\.rawValue).joined(separator: ";"))
        row.cell(recording.events.first?.location.file)
        row.cell(recording.chunks.first?.contentLocation)
    }
}

/// One CSV or TSV line written into bytes, cell by cell, with unsafe characters escaped and
/// formula-like cells neutralised. CSV
/// quotes a cell holding `,` or `"` (RFC 4180); TSV doubles backslashes and writes tabs, line
/// breaks and other control characters as escapes, so every row is one line of the same cells.
private struct RowWriter {
    private var bytes: OutputBytes
    private let csv: Bool
    private var first = true

    /// Starts a row at the end of `bytes` (taken over until `finish(into:)` hands them back).
    init(csv: Bool, appendingTo bytes: inout OutputBytes) {
        self.csv = csv
        self.bytes = bytes
        bytes = OutputBytes()
    }

    /// Hands the bytes, with this row, back.
    mutating func finish(into bytes: inout OutputBytes) {
        bytes = self.bytes
        self.bytes = OutputBytes()
    }

    private mutating func separate() {
        if !first { bytes.append(csv ? UInt8(ascii: ",") : UInt8(ascii: "\t")) }
        first = false
    }

    /// A text cell; empty when missing. A cell starting with `=`, `+`, `-` or `@` gets a leading
    /// `'`, so a spreadsheet shows it as text instead of running it as a formula.
    mutating func cell(_ text: String?) {
        separate()
        guard var text else { return }
        if let first = text.utf8.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: "-") || first == UInt8(ascii: "@") {
            text = "'" + text
        }
        guard csv else {
            bytes.append(safe: text, doublingBackslashes: true)
            return
        }
        if text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }) {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(safe: text, doublingQuotes: true)
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes.append(safe: text)
        }
    }

    /// A number cell; empty when missing.
    mutating func cell(_ value: Int64?) {
        separate()
        if let value { bytes.append(integer: value) }
    }

    /// A time cell (`2021-07-27T15:20:23.608Z`); empty when missing.
    mutating func cell(_ time: Timestamp?) {
        separate()
        if let time { bytes.append(iso8601: time) }
    }
}
