/// The plain-text recordings table of `recdeck list --format table`, fitted to a width.
public struct RecordingTable {
    public var columns: [RecordingColumn]
    public var widths: [Int]
    private let table: FittedTable

    /// Chooses columns and widths for `rows` so each line fits `width` cells (`nil`: no limit):
    /// the long text columns shrink first, then columns are given up in drop order.
    public init(rows: [[String]], width: Int?) {
        let all = RecordingColumn.allCases
        let index = { (column: RecordingColumn) in all.firstIndex(of: column)! }
        let picked = { (test: (RecordingField.Column) -> Bool) in Set(all.indices.filter { test(all[$0].facet) }) }
        table = FittedTable(titles: all.map(\.title), minimumWidths: all.map(\.minimumWidth), shrinkable: picked(\.shrinks),
                            dropOrder: RecordingColumn.dropOrder.map(index), lastResort: picked(\.lastResort),
                            middleCut: picked(\.cutsInTheMiddle), rows: rows, width: width)
        columns = table.columns.map { all[$0] }
        widths = table.widths
    }

    /// The header line and one line per row (rows hold every column's text, in `allCases` order).
    public func lines(rows: [[String]]) -> [String] {
        table.lines(rows: rows)
    }
}
