import RecDeckCore

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
    /// Whether long lines wrap at `width` (continuation rows indented to the value) instead of
    /// being cut; rows, not lines, then fill the view.
    public var wrap: Bool
    /// The view's width in cells: where lines wrap (set by whoever lays the view out).
    public var width: Int
    /// The first cell of each line shown when lines do not wrap (horizontal scroll).
    public var column: Int

    public init(scroll: Int = 0, cursor: Int = 0, folded: Set<Int> = [], wrap: Bool = false, width: Int = 0, column: Int = 0) {
        self.scroll = scroll
        self.cursor = cursor
        self.folded = folded
        search = ""
        matches = []
        matchIndex = nil
        self.wrap = wrap
        self.width = width
        self.column = column
    }

    /// Whether rows differ from lines: wrapping at a known width.
    var wraps: Bool { wrap && width > 0 }

    /// Rows line `line` takes in the view (1 unless wrapping).
    func rows(of line: Int, in document: JSONDocument) -> Int {
        wraps ? JSONLineWrap.rowCount(of: line, in: document, folded: document.isFolded(line, folded), width: width) : 1
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
        var top = 0
        cursor = last
        for line in shown {
            top += rows(of: line, in: document)
            if row < top {
                cursor = line
                break
            }
        }
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
            cursor = lastWholeLine(in: document, height: rows)
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
            scroll = topLine(endingAt: cursor, in: document, height: rows)
        }
        scroll = min(scroll, maxScroll(in: document, height: rows))
    }

    /// The lines on screen, top to bottom, for a view `height` rows high (at most `height`; when
    /// wrapping, the last may show only its first rows).
    public func screenLines(in document: JSONDocument, height: Int) -> [Int] {
        guard !document.isEmpty, height > 0 else { return [] }
        var line = document.shownLine(for: min(max(0, scroll), document.lineCount - 1), folded: folded)
        var result = [line]
        var used = rows(of: line, in: document)
        while used < height, let next = document.visibleLine(after: line, folded: folded) {
            result.append(next)
            used += rows(of: next, in: document)
            line = next
        }
        return result
    }

    // MARK: - Helpers

    private mutating func page(_ direction: Int, in document: JSONDocument, height: Int) {
        guard !document.isEmpty else { return reset() }
        normalize(in: document)
        let rows = max(1, height)
        let top = visibleLine(scroll, movedByRows: direction * rows, in: document)
        scroll = min(top, maxScroll(in: document, height: rows))
        cursor = visibleLine(cursor, movedByRows: direction * rows, in: document)
        keepCursorVisible(in: document, height: height)
    }

    /// The visible line `count` rows after (positive) or before (negative) the start of `line`:
    /// as `visibleLine(_:movedBy:)` when not wrapping, else a line taller than one row counts
    /// for its rows.
    private func visibleLine(_ line: Int, movedByRows count: Int, in document: JSONDocument) -> Int {
        guard wraps else { return document.visibleLine(line, movedBy: count, folded: folded) }
        var line = line
        var moved = 0
        if count > 0 {
            while let next = document.visibleLine(after: line, folded: folded) {
                moved += rows(of: line, in: document)
                if moved > count { break }
                line = next
            }
        } else {
            while let previous = document.visibleLine(before: line, folded: folded) {
                moved += rows(of: previous, in: document)
                if moved > -count { break }
                line = previous
            }
        }
        return line
    }

    /// The top line that shows `line` whole at the bottom of a view `height` rows high (`line`
    /// itself when it takes more rows than that).
    private func topLine(endingAt line: Int, in document: JSONDocument, height: Int) -> Int {
        guard wraps else { return document.visibleLine(line, movedBy: -(height - 1), folded: folded) }
        return furthestLine(from: line, step: -1, in: document, height: height)
    }

    /// The last line shown whole from `scroll` in a view `height` rows high (`scroll` when even
    /// that one does not fit).
    private func lastWholeLine(in document: JSONDocument, height: Int) -> Int {
        guard wraps else { return document.visibleLine(scroll, movedBy: height - 1, folded: folded) }
        return furthestLine(from: scroll, step: 1, in: document, height: height)
    }

    /// The furthest visible line after (`step` 1) or before (-1) `line` such that it, `line` and
    /// the lines between fit in `height` rows (`line` when nothing more fits).
    private func furthestLine(from line: Int, step: Int, in document: JSONDocument, height: Int) -> Int {
        var furthest = line
        var used = rows(of: line, in: document)
        while let next = step > 0 ? document.visibleLine(after: furthest, folded: folded)
                                  : document.visibleLine(before: furthest, folded: folded) {
            used += rows(of: next, in: document)
            if used > height { break }
            furthest = next
        }
        return furthest
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
        if wraps { return line == scroll || lastWholeLine(in: document, height: height) >= line }
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
        topLine(endingAt: document.lastVisibleLine(folded: folded), in: document, height: max(1, height))
    }
}

/// Folding: a folded object or array shows as one line, `"data": { … },  // 4 keys`.
extension JSONViewState {
    /// Whether line `line` is a folded opening line.
    public func isFolded(_ line: Int, in document: JSONDocument) -> Bool {
        line >= 0 && line < document.lineCount && document.isFolded(line, folded)
    }

    /// Folds or unfolds the container at the cursor: the one the cursor's line opens, else (on a
    /// closing line, or any line inside) the one enclosing it, the cursor moving to its opening line.
    public mutating func toggleFold(in document: JSONDocument, height: Int) {
        guard !document.isEmpty else { return }
        normalize(in: document)
        let line = document.lines[cursor]
        if line.isFoldable {
            if folded.contains(cursor) { folded.remove(cursor) } else { folded.insert(cursor) }
        } else if let opener = line.parent {
            folded.insert(opener)
            cursor = opener
        }
        keepCursorVisible(in: document, height: height)
    }

    /// Folds the container opened on line `line` (nothing when it opens none).
    public mutating func fold(_ line: Int, in document: JSONDocument, height: Int) {
        guard line >= 0, line < document.lineCount, document.lines[line].isFoldable else { return }
        folded.insert(line)
        keepCursorVisible(in: document, height: height)
    }

    /// Unfolds line `line` and every fold that hides it.
    public mutating func unfold(_ line: Int, in document: JSONDocument, height: Int) {
        guard line >= 0, line < document.lineCount else { return }
        folded.remove(line)
        revealLine(line, in: document)
        keepCursorVisible(in: document, height: height)
    }

    /// Folds every object and array (each section then shows as one line until unfolded).
    public mutating func foldAll(in document: JSONDocument, height: Int) {
        folded = Set(document.lines.indices.filter { document.lines[$0].isFoldable })
        keepCursorVisible(in: document, height: height)
    }

    /// Unfolds everything.
    public mutating func unfoldAll(in document: JSONDocument, height: Int) {
        folded = []
        keepCursorVisible(in: document, height: height)
    }

    /// Removes every fold that hides `line`.
    mutating func revealLine(_ line: Int, in document: JSONDocument) {
        var ancestor = document.lines[line].parent
        while let opener = ancestor {
            folded.remove(opener)
            ancestor = document.lines[opener].parent
        }
    }
}

/// Which lines of a `JSONDocument` show under a set of folded opening lines.
///
/// A line is hidden when a folded container holds it (the container's closing line included);
/// a folded opening line itself shows, standing for everything up to its closing line.
extension JSONDocument {
    /// Whether line `index` opens a container that `folded` folds.
    func isFolded(_ index: Int, _ folded: Set<Int>) -> Bool {
        lines[index].closingLine != nil && folded.contains(index)
    }

    /// The line shown for `index`: itself when visible, else the outermost folded container
    /// holding it.
    func shownLine(for index: Int, folded: Set<Int>) -> Int {
        guard !folded.isEmpty else { return index }
        var shown = index
        var ancestor = lines[index].parent
        while let opener = ancestor {
            if isFolded(opener, folded) { shown = opener }
            ancestor = lines[opener].parent
        }
        return shown
    }

    /// Whether line `index` shows under `folded`.
    public func isVisible(_ index: Int, folded: Set<Int>) -> Bool {
        index >= 0 && index < lines.count && shownLine(for: index, folded: folded) == index
    }

    /// The visible line after visible line `index`, if any.
    func visibleLine(after index: Int, folded: Set<Int>) -> Int? {
        let next = (isFolded(index, folded) ? lines[index].closingLine! : index) + 1
        return next < lines.count ? next : nil
    }

    /// The visible line before visible line `index`, if any.
    func visibleLine(before index: Int, folded: Set<Int>) -> Int? {
        index > 0 ? shownLine(for: index - 1, folded: folded) : nil
    }

    /// The visible line `steps` visible lines after (positive) or before (negative) `index`,
    /// stopping at the first or last line.
    func visibleLine(_ index: Int, movedBy steps: Int, folded: Set<Int>) -> Int {
        var line = index
        if steps > 0 {
            for _ in 0..<steps {
                guard let next = visibleLine(after: line, folded: folded) else { break }
                line = next
            }
        } else if steps < 0 {
            for _ in 0..<(-steps) {
                guard let previous = visibleLine(before: line, folded: folded) else { break }
                line = previous
            }
        }
        return line
    }

    /// The last visible line (the document must not be empty).
    func lastVisibleLine(folded: Set<Int>) -> Int {
        shownLine(for: lines.count - 1, folded: folded)
    }

    /// Every visible line under `folded`, in order (walks the whole document: for tests and
    /// overviews, not for drawing).
    public func visibleLines(folded: Set<Int>) -> [Int] {
        var result: [Int] = []
        guard !lines.isEmpty else { return result }
        var line = 0
        while true {
            result.append(line)
            guard let next = visibleLine(after: line, folded: folded) else { return result }
            line = next
        }
    }
}

/// Search: case-insensitive matches over the laid-out text, folded regions included; jumping to a
/// match unfolds what hides it and scrolls it into view.
extension JSONViewState {
    /// One occurrence of the search text: line `line`, Unicode scalars `start..<start + length`
    /// of that line's `text`.
    public struct Match: Sendable, Hashable {
        public var line: Int
        public var start: Int
        public var length: Int

        public init(line: Int, start: Int, length: Int) {
            self.line = line
            self.start = start
            self.length = length
        }
    }

    /// Searches for `text` (empty: no search). With a `height`, the current match becomes the first
    /// at or after the cursor line (wrapping), revealed and scrolled into view; without one, the
    /// matches are only found (no current match until `nextMatch`/`previousMatch`).
    public mutating func setSearch(_ text: String, in document: JSONDocument, height: Int? = nil) {
        search = text
        matches = []
        matchIndex = nil
        let matcher = JSONViewMatcher(text)
        guard !matcher.isEmpty else { return }
        let length = text.unicodeScalars.count
        for index in document.lines.indices {
            for start in matcher.occurrences(in: document.lines[index]) {
                matches.append(Match(line: index, start: start, length: length))
            }
        }
        guard !matches.isEmpty, let height else { return }
        select(firstMatch(atOrAfterLine: max(0, cursor)) ?? 0, in: document, height: height)
    }

    /// Clears the search.
    public mutating func clearSearch() {
        search = ""
        matches = []
        matchIndex = nil
    }

    /// Goes to the next match, wrapping from the last to the first. Without a current match, goes
    /// to the first match after the cursor line; with `fromCursor`, always to the first match at or
    /// after the cursor line (what search-as-you-type wants).
    public mutating func nextMatch(in document: JSONDocument, height: Int, fromCursor: Bool = false) {
        guard !matches.isEmpty else { return }
        let next: Int
        if fromCursor {
            next = firstMatch(atOrAfterLine: max(0, cursor)) ?? 0
        } else if let matchIndex, matchIndex < matches.count {
            next = (matchIndex + 1) % matches.count
        } else {
            next = firstMatch(atOrAfterLine: cursor + 1) ?? 0
        }
        select(next, in: document, height: height)
    }

    /// Goes to the previous match, wrapping from the first to the last. Without a current match,
    /// goes to the last match before the cursor line.
    public mutating func previousMatch(in document: JSONDocument, height: Int) {
        guard !matches.isEmpty else { return }
        let previous: Int
        if let matchIndex, matchIndex < matches.count {
            previous = (matchIndex + matches.count - 1) % matches.count
        } else {
            let after = firstMatch(atOrAfterLine: cursor) ?? matches.count
            previous = (after + matches.count - 1) % matches.count
        }
        select(previous, in: document, height: height)
    }

    /// How many matches there are.
    public var matchCount: Int { matches.count }

    /// The current match's 1-based ordinal, for a title like `3/12`.
    public var matchOrdinal: Int? { matchIndex.map { $0 + 1 } }

    /// `3/12` for the current match, `0/12` before one is chosen, `no matches`; `nil` without a search.
    public var matchSummary: String? {
        guard !search.isEmpty else { return nil }
        guard !matches.isEmpty else { return "no matches" }
        return "\(matchOrdinal ?? 0)/\(matches.count)"
    }

    /// The matches on line `line`, in order (a binary search: cheap per drawn line).
    public func matches(onLine line: Int) -> ArraySlice<Match> {
        let start = firstMatch(atOrAfterLine: line) ?? matches.count
        var end = start
        while end < matches.count, matches[end].line == line { end += 1 }
        return matches[start..<end]
    }

    // MARK: - Helpers

    /// Index of the first match on line `line` or later.
    private func firstMatch(atOrAfterLine line: Int) -> Int? {
        var low = 0
        var high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if matches[middle].line < line { low = middle + 1 } else { high = middle }
        }
        return low < matches.count ? low : nil
    }

    private mutating func select(_ index: Int, in document: JSONDocument, height: Int) {
        matchIndex = index
        let line = matches[index].line
        guard line < document.lineCount else { return }
        revealLine(line, in: document)
        cursor = line
        keepCursorVisible(in: document, height: height)
        revealSideways(matches[index], in: document)
    }

    /// Scrolls cut lines sideways so that `match` shows (a quarter of the width in from the left
    /// edge when the view must move; back to column 0 when it fits there).
    private mutating func revealSideways(_ match: Match, in document: JSONDocument) {
        guard !wrap, width > 1 else { return }
        let scalars = document.lines[match.line].text.unicodeScalars
        let start = DisplayWidth.of(String(scalars.prefix(match.start)))
        let end = start + DisplayWidth.of(String(scalars.dropFirst(match.start).prefix(match.length)))
        // Text shows whole from the first cell (past `…` once scrolled) to the one before the last (`…` when cut).
        let first = column == 0 ? 0 : column + 1
        guard start < first || end > column + width - 1 else { return }
        column = end <= width - 1 ? 0 : max(0, start - width / 4)
    }
}

/// Finds text in laid-out lines ignoring case, one needle prepared once per search.
///
/// Works on Unicode scalars, each folded to its lowercase (when that is one scalar), so offsets
/// map straight onto the spans; ASCII lines are searched byte-wise without allocating.
struct JSONViewMatcher {
    private let needle: [UInt32]
    private let isASCII: Bool

    init(_ text: String) {
        needle = text.unicodeScalars.map(Self.fold)
        isASCII = needle.allSatisfy { $0 < 0x80 }
    }

    var isEmpty: Bool { needle.isEmpty }

    /// Start offsets (in scalars) of the non-overlapping occurrences in `line`, left to right.
    func occurrences(in line: JSONDocument.Line) -> [Int] {
        guard !needle.isEmpty else { return [] }
        if line.isASCII {
            guard isASCII else { return [] }
            var text = line.text
            return text.withUTF8 { bytes in
                search(count: bytes.count) { UInt32(foldASCII(bytes[$0])) }
            }
        }
        let scalars = line.text.unicodeScalars.map(Self.fold)
        return search(count: scalars.count) { scalars[$0] }
    }

    @inline(__always)
    private func search(count: Int, _ element: (Int) -> UInt32) -> [Int] {
        let length = needle.count
        guard length <= count else { return [] }
        var found: [Int] = []
        var start = 0
        let first = needle[0]
        while start <= count - length {
            if element(start) == first {
                var offset = 1
                while offset < length, element(start + offset) == needle[offset] { offset += 1 }
                if offset == length {
                    found.append(start)
                    start += length
                    continue
                }
            }
            start += 1
        }
        return found
    }

    /// `scalar` lowercased when that is a single scalar, else unchanged.
    static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        if value < 0x80 { return UInt32(foldASCII(UInt8(value))) }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        if lower.count == 1, let only = lower.first { return only.value }
        return value
    }

    @inline(__always)
    private static func foldASCII(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    @inline(__always)
    private func foldASCII(_ byte: UInt8) -> UInt8 { Self.foldASCII(byte) }
}

/// Long lines: wrapped at the view's width (`wrap`), or cut at its edges and scrolled sideways
/// (`column`), never both: while lines wrap, the column is kept but not used.
extension JSONViewState {
    /// Wraps long lines, or cuts them again; the cursor stays on its line, and on screen.
    public mutating func toggleWrap(in document: JSONDocument, height: Int) {
        wrap.toggle()
        keepCursorVisible(in: document, height: height)
    }

    /// Shifts the view `cells` columns right (negative: left), not left of column 0 and not
    /// further right than shows the end of the widest line on screen. Returns whether it moved.
    @discardableResult
    public mutating func scrollSideways(by cells: Int, in document: JSONDocument, height: Int) -> Bool {
        guard !wrap, !document.isEmpty else { return false }
        let widest = screenLines(in: document, height: height).map { line in
            let spans = document.displaySpans(ofLine: line, folded: isFolded(line, in: document))
            return spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
        }.max() ?? 0
        let furthest = max(0, widest - max(1, width))
        let moved = column.addingReportingOverflow(cells).partialValue
        let target = cells > 0 ? min(moved, max(furthest, column)) : max(0, moved)
        guard target != column else { return false }
        column = target
        return true
    }
}
