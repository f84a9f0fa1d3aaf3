/// The plain-text recordings table of `recdeck list --format table`, fitted to a width.
public enum RecordingTable {
    /// Writes the table of `recordings` fitted so each line fits `width` cells (`nil`: no limit):
    /// the long text columns shrink first, then columns are given up in drop order. `cells` gives
    /// a recording's text for every column, in `allCases` order; it is asked twice per recording
    /// (to measure, then to write), on all cores, so no row is kept. `output` receives whole
    /// lines, a block at a time, in order.
    public static func write(_ recordings: [Recording], width: Int?, cells: @Sendable (Recording) -> [String],
                             output: (OutputBytes) -> Void) {
        let all = RecordingColumn.allCases
        let index = { (column: RecordingColumn) in all.firstIndex(of: column)! }
        let picked = { (test: (RecordingField.Column) -> Bool) in Set(all.indices.filter { test(all[$0].facet) }) }
        // Measured on all cores, a block of recordings each.
        var measure = FittedTable.Measure(columns: all.count)
        for part in Parallel.blocks(recordings.count, block: 1024, { range in
            var measure = FittedTable.Measure(columns: all.count)
            for position in range { measure.add(cells(recordings[position])) }
            return measure
        }) { measure.add(part) }
        let table = FittedTable(titles: all.map(\.title), minimumWidths: all.map(\.minimumWidth), shrinkable: picked(\.shrinks),
                                dropOrder: RecordingColumn.dropOrder.map(index), lastResort: picked(\.lastResort),
                                middleCut: picked(\.cutsInTheMiddle), cellWidths: measure.cellWidths, width: width)
        var header = OutputBytes()
        table.appendHeader(to: &header)
        header.append(UInt8(ascii: "\n"))
        output(header)
        RecordingFormats.writeRows(recordings, output: output) { recording, _, bytes in
            table.appendLine(cells(recording), to: &bytes)
        }
    }
}
