/// Where the user is in a `JSONDocument`: scroll position, cursor, folds and search.
///
/// A value type with pure methods: each takes the document it refers to and the height of the
/// view (in rows) and keeps the cursor on screen. Line numbers are indexes into
/// `JSONDocument.lines`; `scroll` and `cursor` always name visible lines (not inside a fold)
/// once a method has run. Make a fresh state when the document changes to another event.
public struct JSONViewState: Sendable, Hashable {
    /// The first line on screen.
    public var scroll: Int
    /// The line the user is on (what `toggleFold` folds).
    public var cursor: Int
    /// Folded containers, by opening line.
    public var folded: Set<Int>
    /// The text searched for (case-insensitive); empty for no search. Set with `setSearch`.
    public internal(set) var search: String
    /// Every occurrence of `search` in the laid-out text, in document order, folded regions included.
    public internal(set) var matches: [Match]
    /// The current match: an index into `matches`.
    public internal(set) var matchIndex: Int?

    public init(scroll: Int = 0, cursor: Int = 0, folded: Set<Int> = []) {
        self.scroll = scroll
        self.cursor = cursor
        self.folded = folded
        search = ""
        matches = []
        matchIndex = nil
    }

    // MARK: - Cursor movement

    /// Moves the cursor `delta` visible lines down (negative: up), stopping at the first or last line.
    public mutating func moveCursor(by delta: Int, in document: JSONDocument, height: Int) {
        guard !document.isEmpty else { return reset() }
        normalize(in: document)
        cursor = document.visibleLine(cursor, movedBy: delta, folded: folded)
        keepCursorVisible(in: document, height: height)
    }

    /// Moves the cursor `count` visible lines down.
    public mutating func moveDown(_ count: Int = 1, in document: JSONDocument, height: Int) {
        moveCursor(by: count, in: document, height: height)
    }

    /// Moves the cursor `count` visible lines up.
    public mutating func moveUp(_ count: Int = 1, in document: JSONDocument, height: Int) {
        moveCursor(by: -count, in: document, height: height)
    }

    /// Puts the cursor on the line shown at `row` (0 = the view's top row), as a mouse click does;
    /// a row below the last line picks the last line.
    public mutating func moveCursor(toVisibleRow row: Int, in document: JSONDocument, height: Int) {
        guard !document.isEmpty else { return reset() }
        normalize(in: document)
        let shown = screenLines(in: document, height: max(1, height))
        guard row >= 0, let last = shown.last else { return }
        cursor = row < shown.count ? shown[row] : last
        keepCursorVisible(in: document, height: height)
    }

    /// Scrolls a page down, the cursor keeping its row (or going to the last line).
    public mutating func pageDown(in document: JSONDocument, height: Int) {
        page(1, in: document, height: height)
    }

    /// Scrolls a page up, the cursor keeping its row (or going to the first line).
    public mutating func pageUp(in document: JSONDocument, height: Int) {
        page(-1, in: document, height: height)
    }

    /// Scrolls the view `count` lines down (negative: up), as the mouse wheel does; the cursor
    /// moves only as far as it must to stay on screen.
    public mutating func scrollBy(_ count: Int, in document: JSONDocument, height: Int) {
        guard !document.isEmpty else { return reset() }
        normalize(in: document)
        scroll = min(document.visibleLine(scroll, movedBy: count, folded: folded), maxScroll(in: document, height: height))
        let rows = max(1, height)
        if cursor < scroll {
            cursor = scroll
        } else if !isOnScreen(cursor, in: document, height: rows) {
            cursor = document.visibleLine(scroll, movedBy: rows - 1, folded: folded)
        }
        keepCursorVisible(in: document, height: height)
    }

    /// Moves the cursor to the first line.
    public mutating func moveToTop(in document: JSONDocument, height: Int) {
        guard !document.isEmpty else { return reset() }
        cursor = 0
        scroll = 0
        keepCursorVisible(in: document, height: height)
    }

    /// Moves the cursor to the last visible line.
    public mutating func moveToBottom(in document: JSONDocument, height: Int) {
        guard !document.isEmpty else { return reset() }
        cursor = document.lastVisibleLine(folded: folded)
        scroll = maxScroll(in: document, height: height)
        keepCursorVisible(in: document, height: height)
    }

    /// Makes the state fit `document` and `height` again: cursor and scroll in range and visible,
    /// the cursor on screen, no empty rows at the bottom that lines could fill. Call it after a
    /// resize; every other method calls it itself.
    public mutating func keepCursorVisible(in document: JSONDocument, height: Int) {
        guard !document.isEmpty else { return reset() }
        normalize(in: document)
        let rows = max(1, height)
        if cursor < scroll {
            scroll = cursor
        } else if !isOnScreen(cursor, in: document, height: rows) {
            scroll = document.visibleLine(cursor, movedBy: -(rows - 1), folded: folded)
        }
        scroll = min(scroll, maxScroll(in: document, height: rows))
    }

    /// The lines on screen, top to bottom, for a view `height` rows high (at most `height`).
    public func screenLines(in document: JSONDocument, height: Int) -> [Int] {
        guard !document.isEmpty, height > 0 else { return [] }
        var line = document.shownLine(for: min(max(0, scroll), document.lineCount - 1), folded: folded)
        var result = [line]
        while result.count < height, let next = document.visibleLine(after: line, folded: folded) {
            result.append(next)
            line = next
        }
        return result
    }

    // MARK: - Helpers

    private mutating func page(_ direction: Int, in document: JSONDocument, height: Int) {
        guard !document.isEmpty else { return reset() }
        normalize(in: document)
        let rows = max(1, height)
        let top = document.visibleLine(scroll, movedBy: direction * rows, folded: folded)
        scroll = min(top, maxScroll(in: document, height: rows))
        cursor = document.visibleLine(cursor, movedBy: direction * rows, folded: folded)
        keepCursorVisible(in: document, height: height)
    }

    /// Cursor and scroll clamped to the document and moved out of folds.
    mutating func normalize(in document: JSONDocument) {
        let last = document.lineCount - 1
        cursor = document.shownLine(for: min(max(0, cursor), last), folded: folded)
        scroll = document.shownLine(for: min(max(0, scroll), last), folded: folded)
    }

    private mutating func reset() {
        cursor = 0
        scroll = 0
    }

    /// Whether visible line `line` is within `height` rows from `scroll`.
    private func isOnScreen(_ line: Int, in document: JSONDocument, height: Int) -> Bool {
        guard line >= scroll else { return false }
        var row = scroll
        for _ in 0..<(height - 1) {
            if row == line { return true }
            guard let next = document.visibleLine(after: row, folded: folded) else { return false }
            row = next
        }
        return row == line
    }

    /// The highest scroll that still fills the view: the last visible line at the bottom row.
    private func maxScroll(in document: JSONDocument, height: Int) -> Int {
        let last = document.lastVisibleLine(folded: folded)
        return document.visibleLine(last, movedBy: -(max(1, height) - 1), folded: folded)
    }
}
