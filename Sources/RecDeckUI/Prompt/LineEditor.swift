import RecDeckCore

/// One line of text being edited, readline style: the characters and a cursor between them
/// (counted in `Character`s, so an accented letter or an emoji is one step). Pure: keys in,
/// text out; the prompts (filter, search, command, export path) keep one each.
///
/// Keys: ← → (Ctrl-B, Ctrl-F) by a character, Alt-B / Alt-F by a word of letters and digits,
/// Home / End (Ctrl-A, Ctrl-E), Backspace (Ctrl-H) and Delete (Ctrl-D) a character, Ctrl-W the
/// word before the cursor (back to a space), Alt-D the word after it, Ctrl-U everything before the
/// cursor, Ctrl-K everything after it; characters and pastes are inserted at the cursor.
///
/// What those four cut goes into a kill ring, as readline's: Ctrl-Y puts the last cut back at the
/// cursor, Alt-Y right after it swaps it for the cut before (round the ring), and cuts made one
/// after another join into one entry (Ctrl-W Ctrl-W takes back two words with one Ctrl-Y).
public struct LineEditor: Sendable, Hashable {
    public private(set) var characters: [Character]
    /// Where the cursor is: 0 before the first character, `characters.count` after the last.
    public private(set) var cursor: Int
    /// What was cut, the newest last (at most `killRingSize` entries).
    public private(set) var killRing: [[Character]] = []
    /// What the previous key did, for the keys that continue it (a cut joining the one before, Alt-Y).
    private var previous: Continuation?

    /// A key's effect that the next key may continue.
    private enum Continuation: Sendable, Hashable {
        /// A cut of the text before the cursor (Ctrl-W, Ctrl-U) or after it (Ctrl-K, Alt-D).
        case cut(backward: Bool)
        /// A yank of `killRing[entry]` into `range` of the line.
        case yank(range: Range<Int>, entry: Int)
    }

    /// How many cuts the kill ring keeps.
    public static let killRingSize = 16

    /// The letters of the Alt keys that edit (Alt-B, Alt-F, Alt-D, Alt-Y); other Alt keys are not edits.
    public static let altKeys: Set<Character> = ["b", "f", "d", "y"]

    /// `text` with the cursor after its last character.
    public init(text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// The whole line. Setting it puts the cursor at its end.
    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
            previous = nil
        }
    }

    /// Inserts `text` at the cursor and moves the cursor after it.
    public mutating func insert(_ text: String) {
        let inserted = Array(text)
        characters.insert(contentsOf: inserted, at: cursor)
        cursor += inserted.count
        previous = nil
    }

    /// Replaces the characters in `range` with `text`, the cursor after it (for completion).
    public mutating func replace(_ range: Range<Int>, with text: String) {
        let clamped = range.clamped(to: 0..<characters.count)
        let inserted = Array(text)
        characters.replaceSubrange(clamped, with: inserted)
        cursor = clamped.lowerBound + inserted.count
        previous = nil
    }

    /// Moves the cursor to `position` (clamped to the line).
    public mutating func moveCursor(to position: Int) {
        cursor = min(max(0, position), characters.count)
        previous = nil
    }

    /// Applies an editing key; false when `key` is not one (the prompt handles it, or ignores it).
    public mutating func apply(_ key: Key) -> Bool {
        let continued = previous
        previous = nil
        switch key {
        case .character(let character):
            insert(String(character))
        case .left, .control("b"):
            moveCursor(to: cursor - 1)
        case .right, .control("f"):
            moveCursor(to: cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = characters.count
        case .alt("b"):
            cursor = wordStart(before: cursor)
        case .alt("f"):
            cursor = wordEnd(after: cursor)
        case .backspace, .control("h"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .control("w"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            cut(start..<cursor, backward: true, after: continued)
        case .alt("d"):
            cut(cursor..<wordEnd(after: cursor), backward: false, after: continued)
        case .control("u"):
            cut(0..<cursor, backward: true, after: continued)
        case .control("k"):
            cut(cursor..<characters.count, backward: false, after: continued)
        case .control("y"):
            guard let last = killRing.indices.last else { return true }
            yank(last, replacing: nil)
        case .alt("y"):
            // Only right after a yank: the yanked text becomes the cut before it.
            guard case .yank(let range, let entry)? = continued else { return true }
            yank((entry + killRing.count - 1) % killRing.count, replacing: range)
        default:
            return false
        }
        return true
    }

    /// Removes `range` into the kill ring, joined to the entry of a cut just before it.
    private mutating func cut(_ range: Range<Int>, backward: Bool, after continued: Continuation?) {
        let removed = Array(characters[range])
        characters.removeSubrange(range)
        cursor = range.lowerBound
        if case .cut? = continued, !killRing.isEmpty {
            if backward { killRing[killRing.count - 1].insert(contentsOf: removed, at: 0) } else { killRing[killRing.count - 1] += removed }
        } else if !removed.isEmpty {
            killRing.append(removed)
            if killRing.count > Self.killRingSize { killRing.removeFirst() }
        }
        previous = .cut(backward: backward)
    }

    /// Inserts `killRing[entry]` at the cursor, or in place of the text of the yank before.
    private mutating func yank(_ entry: Int, replacing range: Range<Int>?) {
        let start = range?.lowerBound ?? cursor
        characters.replaceSubrange(range ?? cursor..<cursor, with: killRing[entry])
        cursor = start + killRing[entry].count
        previous = .yank(range: start..<cursor, entry: entry)
    }

    /// The start of the word of letters and digits before `position` (readline's Alt-B).
    func wordStart(before position: Int) -> Int {
        var at = position
        while at > 0, !Self.isWordCharacter(characters[at - 1]) { at -= 1 }
        while at > 0, Self.isWordCharacter(characters[at - 1]) { at -= 1 }
        return at
    }

    /// The end of the word of letters and digits after `position` (readline's Alt-F).
    func wordEnd(after position: Int) -> Int {
        var at = position
        while at < characters.count, !Self.isWordCharacter(characters[at]) { at += 1 }
        while at < characters.count, Self.isWordCharacter(characters[at]) { at += 1 }
        return at
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// What of the line shows in `width` cells, and where the cursor goes in them.
    ///
    /// The line scrolls by half a width at a time so the cursor is always on screen (with the cell
    /// after the text for a cursor at the end): the same text and cursor always show the same
    /// way, so the view needs no state of its own. When text is cut off on the left or the right
    /// (`hiddenBefore`, `hiddenAfter`), the first or last cell is left blank for the view's `…`;
    /// wide characters take two cells and are never shown half.
    public func window(width: Int) -> (text: String, cursorColumn: Int, hiddenBefore: Bool, hiddenAfter: Bool) {
        guard width > 0 else { return ("", 0, false, false) }
        var cursorColumn = 0, total = 0
        for (index, character) in characters.enumerated() {
            if index == cursor { cursorColumn = total }
            total += Self.cells(character)
        }
        if cursor == characters.count { cursorColumn = total }
        // All of it and the cursor's cell fit; else the cursor stays clear of the last cell (the marker's).
        let step = max(1, width / 2)
        let first = total < width || cursorColumn <= width - 2 ? 0 : ((cursorColumn - (width - 2)) / step + 1) * step
        var shown = ""
        var column = 0, hiddenAfter = false
        for (index, character) in characters.enumerated() {
            let cells = Self.cells(character)
            defer { column += cells }
            // Scrolled: the first cell is the marker's.
            if column < first + (first > 0 ? 1 : 0) { continue }
            if shown.isEmpty, column > first { shown = String(repeating: " ", count: column - first) }
            // Unless this is the last character, the last cell is kept for the marker.
            if column + cells > first + width - (index == characters.count - 1 ? 0 : 1) {
                hiddenAfter = true
                break
            }
            shown.append(character)
        }
        return (shown, cursorColumn - first, first > 0, hiddenAfter)
    }

    /// Cells a character takes as the screen shows it (a control character as its escape).
    private static func cells(_ character: Character) -> Int {
        DisplayWidth.of(SafeText.escaped(String(character)))
    }
}
