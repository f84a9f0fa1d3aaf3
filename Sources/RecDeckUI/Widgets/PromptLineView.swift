import Foundation
import RecDeckCore

/// The text of a prompt being edited: what fits of it (`LineEditor.window`), `…` where it is cut
/// off, and the cursor as a reverse-video cell (the character under it, or a space at the end);
/// the terminal's own cursor stays hidden.
enum PromptLineView {
    /// Draws `editor` in `width` cells from (`column`, `row`); returns the cells taken (the text,
    /// and the cursor's cell after it).
    @discardableResult
    static func draw(_ editor: LineEditor, into buffer: inout Buffer, column: Int, row: Int, width: Int, style: Style) -> Int {
        guard width > 0 else { return 0 }
        let window = editor.window(width: width)
        let used = buffer.write(window.text, column: column, row: row, limit: width, style: style)
        if window.hiddenBefore { buffer.write("…", column: column, row: row, style: style) }
        if window.hiddenAfter { buffer.write("…", column: column + width - 1, row: row, style: style) }
        let x = column + window.cursorColumn
        guard x < buffer.width, row < buffer.height else { return used }
        var cursor = x < column + used ? buffer[x, row] : Cell(" ", style: style)
        cursor.style.attributes.insert(.reverse)
        buffer[x, row] = cursor
        if x + 1 < buffer.width, buffer[x + 1, row].isContinuation, x + 1 < column + used { buffer[x + 1, row].style = cursor.style }
        return max(used, window.cursorColumn + 1)
    }

    /// The candidates Tab cycles through, right-aligned before `end` (but not before `start`),
    /// two spaces apart, the one in the line in the selection's style, as many as fit.
    static func drawCompletions(_ completion: Completion, into buffer: inout Buffer, from start: Int, row: Int, to end: Int, theme: Theme) {
        let names = completion.candidates.map { $0.trimmingCharacters(in: .whitespaces) }
        let width = names.reduce(0) { $0 + DisplayWidth.of($1) + 2 } - 2
        var column = max(start, end - width)
        for (index, name) in names.enumerated() where column < end {
            column += buffer.write(name, column: column, row: row, limit: end - column,
                                   style: theme[index == completion.chosen ? .selection : .dim]) + 2
        }
    }
}
