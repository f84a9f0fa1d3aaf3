/// The plain-text recordings table of `recdeck list --format table`, fitted to a width.
public enum RecordingTable {
    /// Writes the table of `recordings` fitted so each line fits `width` cells (`nil`: no limit):
    /// the long text columns shrink first, then columns are given up in drop order. `cells` gives
    /// a recording's text for every column, in `allCases` order; it is asked twice per recording
    /// (to measure, then to write), so no row is kept. `output` receives the lines in pieces.
    public static func write(_ recordings: [Recording], width: Int?, cells: (Recording) -> [String],
                             output: (OutputBytes) -> Void) {
        let all = RecordingColumn.allCases
        let index = { (column: RecordingColumn) in all.firstIndex(of: column)! }
        let picked = { (test: (RecordingField.Column) -> Bool) in Set(all.indices.filter { test(all[$0].facet) }) }
        var measure = FittedTable.Measure(columns: all.count)
        for recording in recordings { measure.add(cells(recording)) }
        let table = FittedTable(titles: all.map(\.title), minimumWidths: all.map(\.minimumWidth), shrinkable: picked(\.shrinks),
                                dropOrder: RecordingColumn.dropOrder.map(index), lastResort: picked(\.lastResort),
                                middleCut: picked(\.cutsInTheMiddle), cellWidths: measure.cellWidths, width: width)
        var bytes = OutputBytes(capacity: 1 << 16)
        table.appendHeader(to: &bytes)
        for recording in recordings {
            table.appendLine(cells(recording), to: &bytes)
            if bytes.bytes.count >= 1 << 16 {
                output(bytes)
                bytes.removeAll()
            }
        }
        output(bytes)
    }
}
