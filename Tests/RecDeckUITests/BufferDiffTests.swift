import RecDeckUI
import Testing

@Suite struct BufferDiffTests {
    func buffer(_ rows: [String], width: Int) -> Buffer {
        var buffer = Buffer(width: width, height: rows.count)
        for (row, text) in rows.enumerated() { buffer.write(text, column: 0, row: row) }
        return buffer
    }

    @Test func withoutAPreviousFrameEveryCellIsAChange() {
        let frame = buffer(["ab", "c"], width: 2)
        let changes = frame.diff(from: nil)
        #expect(changes.map { "\($0.column),\($0.row):\($0.cell.text)" } == ["0,0:a", "1,0:b", "0,1:c", "1,1: "])
        #expect(Buffer(width: 2, height: 2).applying(changes) == frame)
    }

    @Test func onlyChangedCellsAreWritten() {
        let before = buffer(["hello", "world"], width: 5)
        let after = buffer(["help!", "world"], width: 5)
        let changes = after.diff(from: before)
        #expect(changes.map { "\($0.column),\($0.row):\($0.cell.text)" } == ["3,0:p", "4,0:!"])
        #expect(before.applying(changes) == after)
        #expect(after.diff(from: after).isEmpty)
    }

    @Test func aWideGraphemeIsOneChangeAtItsLead() {
        let before = buffer(["a日b"], width: 4)
        #expect(before.cells.map(\.text) == ["a", "日", "", "b"])
        let after = buffer(["a本b"], width: 4)
        let changes = after.diff(from: before)
        #expect(changes == [BufferChange(column: 1, row: 0, cell: Cell("本"), width: 2)])
        #expect(before.applying(changes) == after)
    }

    @Test func aNarrowCharacterOverTheSecondHalfOfAWideOneRewritesBoth() {
        let before = buffer(["日本"], width: 4)
        var after = before
        after[1, 0] = Cell("x")
        // The wide lead lost its continuation: it is written as a narrow cell, then the new one.
        let changes = after.diff(from: before)
        #expect(changes.map(\.column) == [0, 1])
        #expect(changes.map(\.width) == [1, 1])
        #expect(before.applying(changes).cells.map(\.text) == ["日", "x", "本", ""])
    }

    @Test func aContinuationWithoutItsLeadIsBlanked() {
        var frame = Buffer(width: 3, height: 1)
        frame[0, 0] = Cell("")
        #expect(frame.diff(from: nil).first == BufferChange(column: 0, row: 0, cell: Cell(" "), width: 1))
    }

    @Test func aFrameOfAnotherSizeIsRedrawnWhole() {
        let small = buffer(["ab"], width: 2)
        let large = buffer(["ab"], width: 3)
        #expect(large.diff(from: small).count == 3)
    }
}
