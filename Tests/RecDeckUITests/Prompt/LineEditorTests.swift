import RecDeckUI
import Testing

@Suite struct LineEditorTests {
    /// The line with `|` where the cursor is.
    func shown(_ editor: LineEditor) -> String {
        var characters = editor.characters
        characters.insert("|", at: editor.cursor)
        return String(characters)
    }

    func editing(_ text: String, _ keys: Key...) -> String {
        var editor = LineEditor(text: text)
        for key in keys {
            let edited = editor.apply(key)
            #expect(edited, "\(key) is an editing key")
        }
        return shown(editor)
    }

    @Test func movesByCharacterWordAndLine() {
        #expect(editing("reason:failure dur>5m", .left, .left) == "reason:failure dur>|5m")
        #expect(editing("reason:failure dur>5m", .home, .right, .control("f")) == "re|ason:failure dur>5m")
        #expect(editing("reason:failure dur>5m", .control("a"), .control("e")) == "reason:failure dur>5m|")
        #expect(editing("reason:failure dur>5m", .control("b"), .end) == "reason:failure dur>5m|")
        // Alt-B / Alt-F stop at words of letters and digits, as readline's do.
        #expect(editing("reason:failure dur>5m", .alt("b")) == "reason:failure dur>|5m")
        #expect(editing("reason:failure dur>5m", .alt("b"), .alt("b"), .alt("b")) == "reason:|failure dur>5m")
        #expect(editing("reason:failure dur>5m", .home, .alt("f")) == "reason|:failure dur>5m")
        #expect(editing("reason:failure dur>5m", .home, .alt("f"), .alt("f")) == "reason:failure| dur>5m")
        #expect(editing("ab", .left, .left, .left, .left) == "|ab", "the cursor stops at the start")
        #expect(editing("ab", .right) == "ab|", "and at the end")
    }

    @Test func cutsGoToAKillRingThatCtrlYAndAltYBringBack() {
        // The last cut comes back at the cursor.
        #expect(editing("reason:failure dur>5m", .control("w"), .home, .control("y")) == "dur>5m|reason:failure ")
        // Cuts in a row join, in the order of the text: two Ctrl-W give back both words at once.
        #expect(editing("call:1 rec:2 dur>5", .control("w"), .control("w"), .control("y")) == "call:1 rec:2 dur>5|")
        #expect(editing("call:1 rec:2 dur>5", .home, .control("k"), .control("y")) == "call:1 rec:2 dur>5|")
        #expect(editing("ab cd", .home, .alt("d"), .alt("d"), .control("y")) == "ab cd|")
        // A key between two cuts makes them two entries; Alt-Y right after Ctrl-Y goes to the older one, round the ring.
        #expect(editing("one two", .control("w"), .left, .control("u"), .control("y")) == "one| ")
        #expect(editing("one two", .control("w"), .left, .control("u"), .control("y"), .alt("y")) == "two| ")
        #expect(editing("one two", .control("w"), .left, .control("u"), .control("y"), .alt("y"), .alt("y")) == "one| ")
        // Alt-Y after anything but a yank, and Ctrl-Y with nothing cut, change nothing.
        #expect(editing("one", .alt("y"), .control("y")) == "one|")
        #expect(editing("one two", .control("w"), .character("x"), .alt("y")) == "one x|")
    }

    @Test func theKillRingKeepsTheNewestCuts() {
        var editor = LineEditor()
        for number in 0..<(LineEditor.killRingSize + 3) {
            editor.insert("w\(number)")
            _ = editor.apply(.control("u"))
            _ = editor.apply(.character(" "))
            _ = editor.apply(.backspace)
        }
        #expect(editor.killRing.count == LineEditor.killRingSize)
        #expect(editor.killRing.first.map { String($0) } == "w3")
        #expect(editor.killRing.last.map { String($0) } == "w\(LineEditor.killRingSize + 2)")
    }

    @Test func insertsAndDeletesAtTheCursor() {
        #expect(editing("call:1027", .home, .character("-")) == "-|call:1027")
        #expect(editing("dur>5", .left, .character("é"), .character("😀")) == "dur>é😀|5")
        #expect(editing("dur>5m", .left, .backspace) == "dur>|m")
        #expect(editing("dur>5m", .left, .left, .delete) == "dur>|m")
        #expect(editing("dur>5m", .control("d")) == "dur>5m|", "Delete at the end does nothing")
        #expect(editing("", .backspace, .control("h")) == "|")
        var editor = LineEditor(text: "call: dur>5m")
        editor.moveCursor(to: 5)
        editor.insert("1027")
        #expect(shown(editor) == "call:1027| dur>5m", "a paste goes in at the cursor")
    }

    @Test func cutsWordsAndToEitherEnd() {
        #expect(editing("reason:failure dur>5m", .control("w")) == "reason:failure |")
        #expect(editing("reason:failure  dur>5m", .alt("b"), .control("w")) == "reason:failure  |5m", "back to a space")
        #expect(editing("reason:failure  dur>5m", .alt("b"), .alt("b"), .control("w")) == "|dur>5m", "spaces, then the word")
        #expect(editing("a b  ", .control("w")) == "a |", "spaces first, then the word")
        #expect(editing("reason:failure dur>5m", .alt("b"), .control("u")) == "|5m")
        #expect(editing("reason:failure dur>5m", .alt("b"), .control("k")) == "reason:failure dur>|")
        #expect(editing("reason:failure dur>5m", .home, .alt("d")) == "|:failure dur>5m")
    }

    @Test func otherKeysAreNotEdits() {
        var editor = LineEditor(text: "x")
        for key: Key in [.enter, .escape, .tab, .up, .down, .alt("q"), .control("c"), .pageDown] {
            let edited = editor.apply(key)
            #expect(!edited, "\(key) is the prompt's, not the editor's")
        }
        #expect(shown(editor) == "x|")
    }

    @Test func theWindowScrollsHalfAWidthAtATimeToKeepTheCursorOnScreen() {
        var editor = LineEditor(text: "abcdefghij")
        // Fits, with the cell after it for the cursor.
        #expect(editor.window(width: 11) == ("abcdefghij", 10, false, false))
        // One cell short: scrolled by half the width, the first cell for the marker.
        #expect(editor.window(width: 10) == (" ghij", 5, true, false))
        editor.moveCursor(to: 0)
        #expect(editor.window(width: 6) == ("abcde", 0, false, true), "the last cell is the marker's")
        editor.moveCursor(to: 4)
        #expect(editor.window(width: 6) == ("abcde", 4, false, true))
        editor.moveCursor(to: 5)
        #expect(editor.window(width: 6) == (" efgh", 2, true, true), "never on the marker's cell")
        editor.moveCursor(to: 6)
        #expect(editor.window(width: 6) == (" efgh", 3, true, true))
    }

    @Test func wideCharactersTakeTwoCellsAndAreNeverShownHalf() {
        var editor = LineEditor(text: "日本語ab")
        #expect(editor.window(width: 9) == ("日本語ab", 8, false, false))
        editor.moveCursor(to: 1)
        #expect(editor.window(width: 9) == ("日本語ab", 2, false, false))
        editor.moveCursor(to: 3)
        // Scrolled by 4: 語 (columns 4–5) would start on the marker's cell, so it is not shown half.
        #expect(editor.window(width: 5) == ("  ab", 2, true, false))
    }
}
