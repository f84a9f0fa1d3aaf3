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
