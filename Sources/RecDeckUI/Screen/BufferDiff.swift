/// One cell a backend must write to turn the previous frame into the next: where, and what.
///
/// A wide grapheme is one change at its lead cell (`width` 2); a backend writes it once and the
/// terminal fills the next cell. `width` 1 with a blank `cell` covers a continuation whose lead
/// is gone or cut by the right edge, so nothing stale stays there.
public struct BufferChange: Hashable, Sendable {
    public var column: Int
    public var row: Int
    public var cell: Cell
    /// Cells the grapheme takes on screen: 1, or 2 for a wide one.
    public var width: Int

    public init(column: Int, row: Int, cell: Cell, width: Int) {
        self.column = column
        self.row = row
        self.cell = cell
        self.width = width
    }
}

extension Buffer {
    /// The cells to write, in row-major order, so that a screen showing `previous` shows this
    /// buffer (ratatui's model: a pure comparison, no terminal). With no `previous`, or one of
    /// another size, every cell is a change (the screen is assumed blank first).
    ///
    /// A wide grapheme counts as changed when either of its two cells changed, and is written once
    /// at its lead; a cell whose neighbour stopped being its second half is written again too. One whose second half would fall past the right edge is written as a blank.
    public func diff(from previous: Buffer?) -> [BufferChange] {
        let old = previous.flatMap { $0.width == width && $0.height == height ? $0 : nil }
        var changes: [BufferChange] = []
        for row in 0..<height {
            let start = row * width
            for column in 0..<width {
                let cell = cells[start + column]
                let leadIsWide = column + 1 < width && cells[start + column + 1].isContinuation && !cell.isContinuation
                if cell.isContinuation, column > 0, !cells[start + column - 1].isContinuation {
                    continue // written with its lead cell
                }
                if let old {
                    var dirty = old.cells[start + column] != cell
                    if !dirty, column + 1 < width {
                        // The cell after it became or stopped being the second half of this one.
                        let next = cells[start + column + 1], oldNext = old.cells[start + column + 1]
                        dirty = leadIsWide ? oldNext != next : oldNext.isContinuation != next.isContinuation
                    }
                    if !dirty { continue }
                }
                if cell.isContinuation {
                    // A continuation with no lead before it: blank it.
                    changes.append(BufferChange(column: column, row: row, cell: Cell(" ", style: cell.style), width: 1))
                } else {
                    changes.append(BufferChange(column: column, row: row, cell: cell, width: leadIsWide ? 2 : 1))
                }
            }
        }
        return changes
    }

    /// This buffer with `changes` written on it, as a terminal would show them: a wide change fills
    /// its second cell with a continuation. What `TestBackend` keeps as its screen.
    public func applying(_ changes: [BufferChange]) -> Buffer {
        var screen = self
        for change in changes {
            screen[change.column, change.row] = change.cell
            if change.width == 2 {
                if change.column + 1 < width {
                    screen[change.column + 1, change.row] = Cell("", style: change.cell.style)
                } else {
                    screen[change.column, change.row] = Cell(" ", style: change.cell.style)
                }
            }
        }
        return screen
    }
}
