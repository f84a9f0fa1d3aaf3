import Testing
@testable import RecDeckUI
import RecDeckCore

/// The event pane's long lines: wrapped at the pane's width (continuation rows under the value),
/// or cut at both edges and scrolled sideways; and what the cursor's line copies (its value, its
/// JSON path).
@Suite struct JSONViewLongLinesTests {
    /// Lines: `{`, the subject (65 cells), `"n": 1`, `}`.
    static let document = JSONDocument(text: #"{"subject": "/recording/call/c1/serverCallId/s1/recordingId/r1", "n": 1}"#)

    static func render(_ state: JSONViewState, width: Int, height: Int) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        JSONView.render(document, state: state, into: &buffer, rect: buffer.bounds, theme: .builtInDefault, focused: true)
        return buffer
    }

    @Test func wrappedLinesContinueUnderTheirValue() {
        let state = JSONViewState(wrap: true, width: 30)
        #expect(Self.render(state, width: 30, height: 7).text == """
        {
          "subject": "/recording/call/
                     c1/serverCallId/s
                     1/recordingId/r1"
                     ,
          "n": 1
        }
        """)
        #expect(state.screenLines(in: Self.document, height: 3) == [0, 1])
        // Cut, the same line ends in `…` at the edge.
        #expect(Self.render(JSONViewState(), width: 30, height: 2).text == """
        {
          "subject": "/recording/call…
        """)
    }

    @Test func wrappedRowsCountWhenScrollingAndTheCursorKeepsItsLine() {
        let document = Self.document
        var state = JSONViewState(cursor: 2, width: 30)
        state.keepCursorVisible(in: document, height: 4)
        #expect((state.cursor, state.scroll) == (2, 0))
        // Wrapped, the subject takes four rows: the cursor's line stays, the view scrolls to it.
        state.toggleWrap(in: document, height: 4)
        #expect((state.cursor, state.scroll, state.wrap) == (2, 2, true))
        #expect(Self.render(state, width: 30, height: 4).text == "  \"n\": 1\n}\n\n")
        state.moveUp(in: document, height: 4)
        #expect((state.cursor, state.scroll) == (1, 1))
        state.moveUp(in: document, height: 4)
        #expect((state.cursor, state.scroll) == (0, 0))
        state.pageDown(in: document, height: 4)
        #expect(state.scroll == 1, "a page is four rows: the top row of the subject")
        state.moveCursor(toVisibleRow: 3, in: document, height: 4)
        #expect(state.cursor == 1, "every row of the subject is the subject")
        // Back to cut lines: the same line, and the view fills from the top again.
        state.cursor = 2
        state.toggleWrap(in: document, height: 4)
        #expect((state.cursor, state.scroll, state.wrap) == (2, 0, false))
    }

    @Test func wideCharactersWrapWhole() {
        #expect(JSONLineWrap.rows(cells: [1, 2, 2, 1, 2], width: 4, indent: 1) == [0..<2, 2..<4, 4..<5])
        #expect(JSONLineWrap.rows(cells: [], width: 4, indent: 1) == [0..<0])
        let document = JSONDocument(text: #"{"k": "日本語の長い値"}"#)
        var buffer = Buffer(width: 12, height: 4)
        JSONView.render(document, state: JSONViewState(cursor: 3, wrap: true, width: 12), into: &buffer, rect: buffer.bounds,
                        theme: .builtInDefault, focused: true)
        #expect(buffer.text == "{\n  \"k\": \"日本\n      語の長\n      い値\"")
    }

    @Test func cutLinesScrollSidewaysWithMarkersAtBothEdges() {
        let document = Self.document
        var state = JSONViewState(width: 20)
        var moved = state.scrollSideways(by: 0, in: document, height: 4)
        #expect(!moved)
        moved = state.scrollSideways(by: 10, in: document, height: 4)
        #expect(moved)
        #expect(state.column == 10)
        #expect(Self.render(state, width: 20, height: 4).text == """
        …
        …: "/recording/call…
        …
        …
        """)
        // No further right than shows the end of the widest line: 65 cells in 20.
        moved = state.scrollSideways(by: 100, in: document, height: 4)
        #expect(moved)
        #expect(state.column == 45)
        moved = state.scrollSideways(by: 10, in: document, height: 4)
        #expect(!moved)
        #expect(Self.render(state, width: 20, height: 2).text == """
        …
        …s1/recordingId/r1",
        """)
        moved = state.scrollSideways(by: -100, in: document, height: 4)
        #expect(moved)
        #expect(state.column == 0)
        moved = state.scrollSideways(by: -1, in: document, height: 4)
        #expect(!moved)
        // A match beyond the edge brings the view to it; one that fits at column 0 takes it back there.
        state.setSearch("recordingId", in: document)
        #expect(state.column == 0, "found, not yet gone to")
        state.nextMatch(in: document, height: 4)
        #expect((state.cursor, state.column) == (1, 44))
        #expect(Self.render(state, width: 20, height: 2).text == """
        …
        …/s1/recordingId/r1…
        """)
        state.setSearch("subject", in: document, height: 4)
        #expect((state.cursor, state.column) == (1, 0))
        // Wrapped lines do not scroll sideways.
        state.wrap = true
        moved = state.scrollSideways(by: 10, in: document, height: 4)
        #expect(!moved)
    }

    @Test func theCursorsLineCopiesItsValueAndPath() {
        let document = JSONDocument(text: """
        {"data": {"recordingStorageInfo": {"recordingChunks": [{"index": 0, "contentLocation": "https://x/\\u001b/c"}]},
          "odd key": [true, null, {}], "n": -1.5e3}}
        """)
        let lines = document.lines.map(\.text)
        let location = lines.firstIndex { $0.contains("contentLocation") }!
        #expect(document.path(ofLine: location) == "data.recordingStorageInfo.recordingChunks[0].contentLocation")
        #expect(document.copiedValue(ofLine: location)! == ("https://x/\u{1B}/c", false))
        let odd = lines.firstIndex { $0.contains("odd key") }!
        #expect(document.path(ofLine: odd + 2) == #"data["odd key"][1]"#)
        #expect(document.copiedValue(ofLine: odd + 2)! == ("null", false))
        #expect(document.copiedValue(ofLine: odd + 3)! == ("{}", false))
        #expect(document.copiedValue(ofLine: odd)! == ("[\n  true,\n  null,\n  {}\n]", true))
        // A closing line stands for its container; the top value has no path.
        let chunk = 4
        #expect(lines[chunk] == "        {")
        #expect(document.path(ofLine: document.lines[chunk].closingLine!) == "data.recordingStorageInfo.recordingChunks[0]")
        #expect(document.copiedValue(ofLine: chunk)! == ("{\n  \"index\": 0,\n  \"contentLocation\": \"https://x/\\u001b/c\"\n}", true))
        #expect(document.path(ofLine: 0) == nil)
        #expect(document.copiedValue(ofLine: 0)?.isLayout == true)
        #expect(document.copiedValue(ofLine: document.lineCount) == nil)
        let numbers = lines.firstIndex { $0.contains("\"n\"") }!
        #expect(document.copiedValue(ofLine: numbers)! == ("-1.5e3", false))
    }
}
