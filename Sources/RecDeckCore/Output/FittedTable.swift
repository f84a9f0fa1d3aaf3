/// A plain-text table fitted to a width: the widest shrinkable column gives up a cell at a time
/// down to its minimum, then columns are dropped in drop order, then the columns shrunk only as a
/// last resort give up cells, until each line fits.
/// `RecordingTable` (`list`) and `CallColumn.table` (`calls`) are both drawn with it.
///
/// Fitting needs only each column's widest cell, so a table of a hundred thousand rows is drawn
/// in two passes over its rows (measure, then write each line as bytes) and never holds them all.
public struct FittedTable: Sendable {
    /// The columns kept, as indexes into the titles given.
    public private(set) var columns: [Int]
    public private(set) var widths: [Int]
    private let titles: [String]
    private let middleCut: Set<Int>

    /// Fits columns whose widest cells are `cellWidths` (one for every title; see `Measure`) to
    /// `width` cells (`nil`: no limit). `lastResort` columns shrink only after every droppable
    /// column is gone; `middleCut` columns (ids that differ at both ends) lose their middle rather
    /// than their end when cut.
    public init(titles: [String], minimumWidths: [Int], shrinkable: Set<Int>, dropOrder: [Int],
                lastResort: Set<Int> = [], middleCut: Set<Int> = [], cellWidths: [Int], width: Int?) {
        self.titles = titles
        self.middleCut = middleCut
        var chosen = Array(titles.indices)
        var widths = chosen.map { max(DisplayWidth.of(titles[$0]), cellWidths[$0]) }
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

    /// The widest cell of each column, measured one row at a time.
    public struct Measure: Sendable {
        public private(set) var cellWidths: [Int]

        public init(columns: Int) {
            cellWidths = Array(repeating: 0, count: columns)
        }

        /// Takes the widest cells of `other` (the same columns, other rows) into account.
        public mutating func add(_ other: Measure) {
            for column in cellWidths.indices { cellWidths[column] = max(cellWidths[column], other.cellWidths[column]) }
        }

        /// Takes a row (a cell for every column) into account.
        public mutating func add(_ row: [String]) {
            for (column, cell) in row.enumerated() { cellWidths[column] = max(cellWidths[column], DisplayWidth.of(cell)) }
        }
    }

    /// Appends the header line, without its line break.
    public func appendHeader(to output: inout OutputBytes) {
        appendLine(titles, cut: false, to: &output)
    }

    /// Appends the line of `row` (a cell for every title), each cell padded or cut to its column,
    /// without its line break.
    public func appendLine(_ row: [String], to output: inout OutputBytes) {
        appendLine(row, cut: true, to: &output)
    }

    private func appendLine(_ cells: [String], cut: Bool, to output: inout OutputBytes) {
        var pendingSpaces = 0
        for (position, (column, width)) in zip(columns, widths).enumerated() {
            let text = cut && middleCut.contains(column) ? DisplayWidth.middleTruncated(cells[column], to: width)
                : DisplayWidth.truncated(cells[column], to: width)
            if position > 0 { pendingSpaces += 2 }
            // Spaces are written only before other text, so a line ends in none.
            let trailingSpaces = text.utf8.reversed().prefix { $0 == UInt8(ascii: " ") }.count
            let padding = width - DisplayWidth.of(text)
            guard trailingSpaces < text.utf8.count else {
                pendingSpaces += padding + trailingSpaces
                continue
            }
            for _ in 0..<pendingSpaces { output.append(UInt8(ascii: " ")) }
            output.append(raw: trailingSpaces == 0 ? text : String(decoding: text.utf8.dropLast(trailingSpaces), as: UTF8.self))
            pendingSpaces = padding + trailingSpaces
        }
    }
}
