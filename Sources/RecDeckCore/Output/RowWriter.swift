/// One CSV or TSV line written into bytes, cell by cell, with unsafe characters escaped and
/// formula-like cells neutralised. CSV
/// quotes a cell holding `,` or `"` (RFC 4180); TSV doubles backslashes and writes tabs, line
/// breaks and other control characters as escapes, so every row is one line of the same cells.
struct RowWriter {
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
