/// A plain-text table fitted to a width: the widest shrinkable column gives up a cell at a time
/// down to its minimum, then columns are dropped in drop order, until each line fits.
/// `RecordingTable` (`list`) and `CallTableText` (`calls`) are both drawn with it.
public struct FittedTable {
    /// The columns kept, as indexes into the titles given.
    public private(set) var columns: [Int]
    public private(set) var widths: [Int]
    private let titles: [String]

    /// Fits `rows` (each with a cell for every title) to `width` cells (`nil`: no limit).
    public init(titles: [String], minimumWidths: [Int], shrinkable: Set<Int>, dropOrder: [Int], rows: [[String]], width: Int?) {
        self.titles = titles
        var chosen = Array(titles.indices)
        var widths = chosen.map { column in rows.reduce(DisplayWidth.of(titles[column])) { max($0, DisplayWidth.of($1[column])) } }
        if let width {
            func total() -> Int { widths.reduce(0, +) + 2 * (widths.count - 1) }
            while total() > width {
                let candidates = chosen.indices.filter {
                    shrinkable.contains(chosen[$0]) && widths[$0] > minimumWidths[chosen[$0]]
                }
                guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
            }
            for column in dropOrder where total() > width && chosen.count > 1 {
                guard let index = chosen.firstIndex(of: column) else { continue }
                chosen.remove(at: index)
                widths.remove(at: index)
            }
        }
        columns = chosen
        self.widths = widths
    }

    /// The header line and one line per row, trailing spaces trimmed.
    public func lines(rows: [[String]]) -> [String] {
        let header = zip(columns, widths).map { DisplayWidth.padded(titles[$0], to: $1) }
        let body = rows.map { row in zip(columns, widths).map { DisplayWidth.padded(row[$0], to: $1) } }
        return ([header] + body).map { cells in
            var line = cells.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
