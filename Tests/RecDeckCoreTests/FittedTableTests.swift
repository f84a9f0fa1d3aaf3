import RecDeckCore
import Testing

/// The plain-text table of `list` and `calls`: fitted from each column's widest cell, written a
/// line at a time as bytes, with no trailing spaces.
@Suite struct FittedTableTests {
    private let titles = ["START", "CALL", "NOTE"]
    private let rows = [
        ["2026-11-22", "72723b9c-ef44-40d5-bee4-da5a7989e9d0", "ok  "],
        ["2026-11-23", "short", ""],
        ["2026-11-24", "通話", "   "],
    ]

    private func text(width: Int?) -> String {
        var measure = FittedTable.Measure(columns: titles.count)
        for row in rows { measure.add(row) }
        let table = FittedTable(titles: titles, minimumWidths: [10, 8, 4], shrinkable: [1], dropOrder: [2],
                                middleCut: [1], cellWidths: measure.cellWidths, width: width)
        var bytes = OutputBytes()
        table.appendHeader(to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
        for row in rows {
            table.appendLine(row, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes.text
    }

    @Test func wholeCellsWhenThereIsRoom() {
        #expect(text(width: nil) == """
            START       CALL                                  NOTE
            2026-11-22  72723b9c-ef44-40d5-bee4-da5a7989e9d0  ok
            2026-11-23  short
            2026-11-24  通話

            """)
    }

    @Test func idsLoseTheirMiddleThenColumnsGo() {
        // 10 + 2 + 12 + 2 + 4 cells: the call id gives up its middle.
        #expect(text(width: 30) == """
            START       CALL          NOTE
            2026-11-22  72723b…9e9d0  ok
            2026-11-23  short
            2026-11-24  通話

            """)
        // The call id down to its minimum is still too wide: NOTE goes.
        #expect(text(width: 20) == """
            START       CALL
            2026-11-22  7272…9d0
            2026-11-23  short
            2026-11-24  通話

            """)
    }

    @Test func measuresWideCharactersInCells() {
        var measure = FittedTable.Measure(columns: 2)
        measure.add(["通話", "abc"])
        measure.add(["a", "e\u{301}"])
        #expect(measure.cellWidths == [4, 3])
    }
}
