import RecDeckCore

/// How a line of the event pane splits into rows when long lines wrap (`W`): the first row from
/// the pane's left edge, each continuation row indented to the column where the line's value
/// starts (after `"key": `), at most half the width, so a deep value still gets rows of its own.
///
/// Lines break between characters (a URL or an id has no spaces to break at), never inside one;
/// the renderer and `JSONViewState`'s scrolling both count rows here, so they always agree.
enum JSONLineWrap {
    /// The rows of a line whose characters take `cells` cells each, at `width` cells with
    /// continuation rows indented by `indent`: ranges of character indexes, at least one row (an
    /// empty line is one empty row). A character wider than a row gets a row of its own.
    static func rows(cells: [Int], width: Int, indent: Int) -> [Range<Int>] {
        var rows: [Range<Int>] = []
        var start = 0
        var used = 0
        var capacity = max(1, width)
        for (index, cellCount) in cells.enumerated() {
            if used + cellCount > capacity, index > start {
                rows.append(start..<index)
                start = index
                used = 0
                capacity = max(1, width - indent)
            }
            used += cellCount
        }
        rows.append(start..<cells.count)
        return rows
    }

    /// The indent of continuation rows of line `line` (spans as shown) at `width`: the value's
    /// column, at most half the width.
    static func indent(_ line: JSONDocument.Line, spans: [JSONDocument.Span], width: Int) -> Int {
        var column = 0
        for span in spans.prefix(line.valueSpan) {
            column += line.isASCII ? span.text.utf8.count : DisplayWidth.of(span.text)
        }
        return min(column, width / 2)
    }

    /// How many rows line `index` of `document` takes at `width` (folded: as its folded line shows).
    static func rowCount(of index: Int, in document: JSONDocument, folded: Bool, width: Int) -> Int {
        let line = document.lines[index]
        let spans = document.displaySpans(ofLine: index, folded: folded)
        let indent = indent(line, spans: spans, width: width)
        if line.isASCII, spans.allSatisfy(\.text.isAllASCII) {
            // Every character one cell: the rows are arithmetic.
            let count = spans.reduce(0) { $0 + $1.text.utf8.count }
            let first = max(1, width), rest = max(1, width - indent)
            return count <= first ? 1 : 1 + (count - first + rest - 1) / rest
        }
        let cells = spans.map(\.text).joined().map(DisplayWidth.of)
        return rows(cells: cells, width: width, indent: indent).count
    }
}
