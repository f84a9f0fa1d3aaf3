/// The plain-text recordings table of `recdeck list --format table`, fitted to a width.
public struct RecordingTable {
    public var columns: [RecordingColumn]
    public var widths: [Int]

    /// Chooses columns and widths for `rows` so each line fits `width` cells (`nil`: no limit).
    public init(rows: [[String]], width: Int?) {
        var chosen = RecordingColumn.allCases
        func natural(_ column: RecordingColumn) -> Int {
            let index = RecordingColumn.allCases.firstIndex(of: column)!
            return rows.reduce(DisplayWidth.of(column.title)) { max($0, DisplayWidth.of($1[index])) }
        }
        var widths = chosen.map(natural)
        if let width {
            func total() -> Int { widths.reduce(0, +) + 2 * (widths.count - 1) }
            // Shrink the widest of the long text columns a cell at a time, then give up columns in
            // drop order; the call id (36 cells, read whole) is cut only when nothing else is left to give.
            func shrink(_ shrinkable: [RecordingColumn]) {
                while total() > width {
                    let candidates = chosen.indices.filter {
                        shrinkable.contains(chosen[$0]) && widths[$0] > chosen[$0].minimumWidth
                    }
                    guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
                    widths[widest] -= 1
                }
            }
            shrink([.recording, .reason, .anomalies])
            for column in RecordingColumn.dropOrder where total() > width && chosen.count > 1 {
                guard let index = chosen.firstIndex(of: column) else { continue }
                chosen.remove(at: index)
                widths.remove(at: index)
            }
            shrink([.call])
        }
        columns = chosen
        self.widths = widths
    }

    /// The header line and one line per row (rows hold every column's text, in `allCases` order).
    public func lines(rows: [[String]]) -> [String] {
        let header = zip(columns, widths).map { DisplayWidth.padded($0.title, to: $1) }
        let body = rows.map { row in
            zip(columns, widths).map { column, width in
                let text = row[RecordingColumn.allCases.firstIndex(of: column)!]
                // Recording ids tell apart at both ends: cut their middle, not their end.
                return DisplayWidth.padded(column == .recording ? DisplayWidth.middleTruncated(text, to: width) : text, to: width)
            }
        }
        return ([header] + body).map { cells in
            var line = cells.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
