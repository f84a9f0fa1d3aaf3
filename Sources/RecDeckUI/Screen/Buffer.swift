import RecDeckCore

/// A frame: a grid of cells that views draw into and the terminal backend writes out.
///
/// Everything written passes through `SafeText`, so no control character from event data can
/// reach the terminal, and is measured in cells, so wide characters are never split.
public struct Buffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(column: Int, row: Int) -> Cell {
        get { cells[row * width + column] }
        set {
            guard column >= 0, column < width, row >= 0, row < height else { return }
            cells[row * width + column] = newValue
        }
    }

    /// Fills `rect` (clipped to the buffer) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            for column in max(0, rect.x)..<min(width, rect.maxX) { cells[row * width + column] = cell }
        }
    }

    /// Sets the style of every cell in `rect`, keeping their text.
    public mutating func restyle(_ rect: Rect, _ style: Style) {
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            for column in max(0, rect.x)..<min(width, rect.maxX) { cells[row * width + column].style = style }
        }
    }

    /// Writes `text` at (`column`, `row`) in at most `limit` cells (default: to the right edge),
    /// ending with `…` when it does not fit. Returns the number of cells used.
    @discardableResult
    public mutating func write(_ text: String, column: Int, row: Int, limit: Int? = nil, style: Style = .plain) -> Int {
        guard row >= 0, row < height, column < width else { return 0 }
        let available = min(limit ?? (width - column), width - column)
        guard available > 0 else { return 0 }
        // Only a prefix can show: escape and measure just that much, so a 1 MB id costs no more
        // than a short one. Every character takes at least one cell, except zero-width ones.
        // Combining marks are capped per character (`DisplayWidth.displayPrefix`).
        let room = available * 2 + 16
        let start = DisplayWidth.displayPrefix(text, characters: room)
        let safe = SafeText.escaped(start.cut ? start.text + "……" : text)
        let total = DisplayWidth.of(safe)
        let shown = total <= available ? safe : DisplayWidth.truncated(safe, to: available)
        var x = column
        for character in shown {
            let cellWidth = DisplayWidth.of(character)
            if cellWidth == 0 {
                // A lone zero-width character (one that did not combine): attach it to the previous cell.
                if x > max(0, column) { self[x - 1, row].text.append(character) }
                continue
            }
            if x + cellWidth > column + available { break }
            if x >= 0 {
                self[x, row] = Cell(String(character), style: style)
                if cellWidth == 2 { self[x + 1, row] = Cell("", style: style) }
            }
            x += cellWidth
        }
        return x - column
    }

    /// The text of each row, continuation cells left out, trailing spaces kept (for tests).
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width where !self[column, row].isContinuation { line += self[column, row].text }
            return line
        }
    }

    /// The rows joined with line breaks, trailing spaces trimmed (for tests and text captures).
    public var text: String {
        lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }
}
