/// A plain-text table fitted to a width: the widest shrinkable column gives up a cell at a time
/// down to its minimum, then columns are dropped in drop order, then the columns shrunk only as a
/// last resort give up cells, until each line fits.
/// `RecordingTable` (`list`) and `CallTableText` (`calls`) are both drawn with it.
public struct FittedTable {
    /// The columns kept, as indexes into the titles given.
    public private(set) var columns: [Int]
    public private(set) var widths: [Int]
    private let titles: [String]
    private let middleCut: Set<Int>

    /// Fits `rows` (each with a cell for every title) to `width` cells (`nil`: no limit).
    /// `lastResort` columns shrink only after every droppable column is gone; `middleCut` columns
    /// (ids that differ at both ends) lose their middle rather than their end when cut.
    public init(titles: [String], minimumWidths: [Int], shrinkable: Set<Int>, dropOrder: [Int],
                lastResort: Set<Int> = [], middleCut: Set<Int> = [], rows: [[String]], width: Int?) {
        self.titles = titles
        self.middleCut = middleCut
        var chosen = Array(titles.indices)
        var widths = chosen.map { column in rows.reduce(DisplayWidth.of(titles[column])) { max($0, DisplayWidth.of($1[column])) } }
        if let width {
            func total() -> Int { widths.reduce(0, +) + 2 * (widths.count - 1) }
            func shrink(_ columns: Set<Int>) {
                while total() > width {
                    let candidates = chosen.indices.filter {
                        columns.contains(chosen[$0]) && widths[$0] > minimumWidths[chosen[$0]]
                    }
                    guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
                    widths[widest] -= 1
                }
            }
            shrink(shrinkable)
            for column in dropOrder where total() > width && chosen.count > 1 {
                guard let index = chosen.firstIndex(of: column) else { continue }
                chosen.remove(at: index)
                widths.remove(at: index)
            }
            shrink(lastResort)
        }
        columns = chosen
        self.widths = widths
    }

    /// The header line and one line per row, trailing spaces trimmed.
    public func lines(rows: [[String]]) -> [String] {
        let header = zip(columns, widths).map { DisplayWidth.padded(titles[$0], to: $1) }
        let body = rows.map { row in
            zip(columns, widths).map { column, width in
                DisplayWidth.padded(middleCut.contains(column) ? DisplayWidth.middleTruncated(row[column], to: width) : row[column], to: width)
            }
        }
        return ([header] + body).map { cells in
            var line = cells.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
