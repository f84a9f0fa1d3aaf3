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
    static func writeRows(_ recordings: [Recording], output: (OutputBytes) -> Void,
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

    /// Writes one recording as the JSON object of DESIGN.md's `list --format json` contract: the
    /// `json` of each field of `RecordingField.all`, in that order.
    public static func writeJSON(_ recording: Recording, now: Timestamp, to writer: inout JSONWriter) {
        writer.beginObject()
        for (key, json) in jsonFields {
            writer.key(key)
            json.write(recording, now, &writer)
        }
        writer.endObject()
    }

    private static let jsonFields = RecordingField.all.compactMap(\.json).map { (key: JSONWriter.PreparedKey($0.key), json: $0) }
    private static let cells = RecordingField.all.flatMap(\.cells)

    /// Column names of the CSV/TSV rows: the `cells` of each field of `RecordingField.all`.
    public static let columns = cells.map(\.name)

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
        for cell in cells { cell.write(recording, now, &row) }
    }
}
