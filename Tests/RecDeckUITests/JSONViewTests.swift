import Testing
@testable import RecDeckUI
import RecDeckCore

// MARK: - Fixtures and helpers

/// A RecordingFileStatusUpdated delivery as Event Grid writes it (compact, odd whitespace, a tab).
private let recordingEvent = """
[{"id":"7283825e-f8f1-4c61-a9ea-752c56890500","topic":"/subscriptions/sub-1/resourcegroups/rg/providers/microsoft.communication/communicationservices/acs-1",
 "subject":"/recording/call/c1/serverCallId/s1/recordingId/r1",
 "data":{"recordingStorageInfo":{"recordingChunks":[{"documentId":"0-eus-d12-801b3f3fc462fe8a01e6810cbff729b8","index":0,"endReason":"SessionEnded",
   "contentLocation":"https://storage.asm.skype.com/v1/objects/0-eus-d12-801b/content/video",
   "metadataLocation":"https://storage.asm.skype.com/v1/objects/0-eus-d12-801b/content/acsmetadata",
\t  "deleteLocation":"https://us-storage.asm.skype.com/v1/objects/0-eus-d1-83e9"}]},
  "recordingStartTime":"2021-07-27T15:20:23.6089755Z","recordingDurationMs":6620,"sessionEndReason":"CallEnded"},
 "eventType":"Microsoft.Communication.RecordingFileStatusUpdated","dataVersion":"1.0","metadataVersion":"1",
 "eventTime":"2021-07-27T15:20:34.2199328Z"}]
"""

// Line indexes in the laid-out recording event.
private let dataLine = 5, chunksLine = 7, endReasonLine = 11, durationLine = 19, sessionEndLine = 20,
            dataClosingLine = 21, lastLine = 27

private let theme = Theme.builtInDefault

private func render(_ document: JSONDocument, _ state: JSONViewState = JSONViewState(), width: Int, height: Int,
                    focused: Bool = true) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    JSONView.render(document, state: state, into: &buffer, rect: buffer.bounds, theme: theme, focused: focused)
    return buffer
}

/// The style of the cell where `needle` starts on `row` (ASCII rows).
private func style(of needle: String, row: Int, in buffer: Buffer) -> Style? {
    guard let range = buffer.lines[row].range(of: needle) else { return nil }
    let column = buffer.lines[row].distance(from: buffer.lines[row].startIndex, to: range.lowerBound)
    return buffer[column, row].style
}

// MARK: - Layout

@Test func recordingEventLaysOutPrettyPrintedAndCut() {
    let document = JSONDocument(text: recordingEvent)
    #expect(document.lineCount == 28)
    let buffer = render(document, width: 64, height: 28)
    #expect(buffer.text == """
    [
      {
        "id": "7283825e-f8f1-4c61-a9ea-752c56890500",
        "topic": "/subscriptions/sub-1/resourcegroups/rg/providers/…
        "subject": "/recording/call/c1/serverCallId/s1/recordingId/…
        "data": {
          "recordingStorageInfo": {
            "recordingChunks": [
              {
                "documentId": "0-eus-d12-801b3f3fc462fe8a01e6810cbf…
                "index": 0,
                "endReason": "SessionEnded",
                "contentLocation": "https://storage.asm.skype.com/v…
                "metadataLocation": "https://storage.asm.skype.com/…
                "deleteLocation": "https://us-storage.asm.skype.com…
              }
            ]
          },
          "recordingStartTime": "2021-07-27T15:20:23.6089755Z",
          "recordingDurationMs": 6620,
          "sessionEndReason": "CallEnded"
        },
        "eventType": "Microsoft.Communication.RecordingFileStatusUp…
        "dataVersion": "1.0",
        "metadataVersion": "1",
        "eventTime": "2021-07-27T15:20:34.2199328Z"
      }
    ]
    """)
    // Whole lines are laid out, uncut; the cut is the renderer's.
    #expect(document.lines[3].text
        == #"    "topic": "/subscriptions/sub-1/resourcegroups/rg/providers/microsoft.communication/communicationservices/acs-1","#)
    // Syntax colours.
    #expect(style(of: "\"index\"", row: 10, in: buffer) == theme[.jsonKey])
    #expect(style(of: ": 0", row: 10, in: buffer) == theme[.jsonPunct])
    #expect(style(of: "0,", row: 10, in: buffer) == theme[.jsonNumber])
    #expect(style(of: "\"SessionEnded\"", row: 11, in: buffer) == theme[.jsonString])
    #expect(buffer[63, 3].text == "…")
}

@Test func spansCarryRoles() {
    let document = JSONDocument(text: #"{"a": true, "b": false, "c": null, "d": -1.5e3, "e": "x", "f": {}, "g": []}"#)
    let roles = document.lines.map { $0.spans.map(\.role) }
    #expect(roles[1] == [.text, .jsonKey, .jsonPunct, .jsonBool, .jsonPunct])
    #expect(roles[3] == [.text, .jsonKey, .jsonPunct, .jsonNull, .jsonPunct])
    #expect(roles[4] == [.text, .jsonKey, .jsonPunct, .jsonNumber, .jsonPunct])
    #expect(document.lines.map(\.text) == [
        "{", #"  "a": true,"#, #"  "b": false,"#, #"  "c": null,"#, #"  "d": -1.5e3,"#, #"  "e": "x","#,
        #"  "f": {},"#, #"  "g": []"#, "}",
    ])
    // Empty containers cannot fold; the root can.
    #expect(document.lines[0].closingLine == 8)
    #expect(document.lines[6].closingLine == nil)
    #expect(document.lines[0].foldSummary == "7 keys")
}

@Test func keyOrderIsKeptAsWritten() {
    let document = JSONDocument(text: #"{"zeta": 1, "alpha": {"y": 2, "b": 3}, "mid": [3, 1, 2]}"#)
    #expect(document.text == """
    {
      "zeta": 1,
      "alpha": {
        "y": 2,
        "b": 3
      },
      "mid": [
        3,
        1,
        2
      ]
    }
    """)
}

@Test func numbersKeepTheirRawText() {
    let document = JSONDocument(text: "[9007199254740993, 1.50, -0, 1E+10, 0.000000000000000000001]")
    #expect(document.lines.map(\.text) == [
        "[", "  9007199254740993,", "  1.50,", "  -0,", "  1E+10,", "  0.000000000000000000001", "]",
    ])
    let buffer = render(document, width: 30, height: 7)
    #expect(buffer.lines[1].hasPrefix("  9007199254740993,"))
    #expect(buffer.lines[2].hasPrefix("  1.50,"))
}

@Test func controlCharactersAreShownEscaped() {
    let json = #"{"k\u001bx": "a\u001b[31mred\u0007\u0000 tab\t nl\n del\u007f c1\u009b bidi\u202e end"}"#
    // A second section that is not JSON, with raw control bytes in it.
    let raw = "{\u{1B}]52;c;aGk=\u{07} oops\u{9B}2J\tx"
    let document = JSONDocument(sections: [(title: "── event 1 ──", text: json), (title: "── bad\u{1B}[2J ──", text: raw)])
    #expect(document.lines[2].text
        == #"  "k\u001bx": "a\u001b[31mred\u0007\u0000 tab\t nl\n del\u007f c1\u009b bidi\u202e end""#)
    let buffer = render(document, width: 100, height: 8)
    for cell in buffer.cells {
        for scalar in cell.text.unicodeScalars {
            #expect(!(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)), "unsafe scalar \(scalar.value)")
            #expect(!SafeText.isUnsafe(scalar))
        }
    }
    #expect(buffer.text.contains(#"\u001b[31mred\u0007\u0000"#))
    #expect(buffer.text.contains(#"── bad\u001b[2J ──"#))
    #expect(buffer.text.contains(#"{\u001b]52;c;aGk=\u0007 oops\u009b2J\tx"#))
}

@Test func multipleSectionsHaveTitles() {
    let first = #"{"id": "a"}"#
    let second = #"[{"id": "b", "n": 2}]"#
    let document = JSONDocument(sections: [
        (title: "── event 1 of 2 · 2026/10/01/x.json · 1 delivery ──", text: first),
        (title: "── event 2 of 2 · 2026/10/01/y.json · 2 deliveries ──", text: second),
    ])
    let buffer = render(document, width: 60, height: 12)
    #expect(buffer.text == """
    ── event 1 of 2 · 2026/10/01/x.json · 1 delivery ──
    {
      "id": "a"
    }
    ── event 2 of 2 · 2026/10/01/y.json · 2 deliveries ──
    [
      {
        "id": "b",
        "n": 2
      }
    ]

    """)
    #expect(document.lines[0].spans.map(\.role) == [.dim])
    #expect(document.lines[4].section == 1)
    #expect(document.lines[5].parent == nil)
    #expect(document.lines[5].closingLine == 10)
    #expect(buffer[3, 4].style == theme[.dim])
    #expect(document.sourceText == first + "\n" + second)
    // Titles do not fold; each section folds on its own.
    var state = JSONViewState()
    state.toggleFold(in: document, height: 12)
    #expect(state.folded.isEmpty)
    state.moveDown(7, in: document, height: 12)
    state.toggleFold(in: document, height: 12)
    #expect(state.folded == [6])
    state.moveUp(in: document, height: 12)
    state.toggleFold(in: document, height: 12)
    #expect(state.folded == [5, 6])
    #expect(render(document, state, width: 60, height: 6).lines[5].hasPrefix("[ … ]  // 1 item"))
    #expect(document.visibleLines(folded: state.folded) == [0, 1, 2, 3, 4, 5])
    // One section: no title.
    #expect(JSONDocument(sections: [(title: "── event 1 of 1 ──", text: first)]).lines.first?.text == "{")
    #expect(JSONDocument([.init(title: "t1", text: "1"), .init(title: "t2", text: "2")]).text == "t1\n1\nt2\n2")
}

@Test func invalidJSONFallsBackToRawText() {
    let document = JSONDocument(text: "{\"a\": 1,}\r\n  second line\r\n")
    let buffer = render(document, width: 80, height: 4, focused: false)
    #expect(buffer.text == """
    not valid JSON: expected a string key in object, found '}' (line 1, column 9)
    {"a": 1,}
      second line

    """)
    #expect(document.lines[0].spans.map(\.role) == [.error])
    #expect(buffer[1, 1].style == theme[.text])
    #expect(document.lines.allSatisfy { $0.closingLine == nil && $0.parent == nil })

    #expect(JSONDocument(text: "{} x").lines[0].text
        == "not valid JSON: unexpected text after the JSON value, found 'x' (line 1, column 4)")
    #expect(JSONDocument(text: "").lines.map(\.text)
        == ["not valid JSON: expected a value, found end of input (line 1, column 1)", ""])
    #expect(JSONDocument(text: "\u{FEFF}{}").lines.map(\.text) == ["{}"])
}

// MARK: - Folding

@Test func foldingTheDataObjectShowsOneLine() {
    let document = JSONDocument(text: recordingEvent)
    var state = JSONViewState()
    state.moveDown(dataLine, in: document, height: 12)
    #expect(state.cursor == dataLine)
    #expect(document.lines[dataLine].closingLine == dataClosingLine)
    state.toggleFold(in: document, height: 12)
    #expect(state.folded == [dataLine])
    #expect(state.isFolded(dataLine, in: document))
    #expect(document.visibleLines(folded: state.folded).count == 28 - 16)
    let buffer = render(document, state, width: 64, height: 12, focused: false)
    #expect(buffer.text == """
    [
      {
        "id": "7283825e-f8f1-4c61-a9ea-752c56890500",
        "topic": "/subscriptions/sub-1/resourcegroups/rg/providers/…
        "subject": "/recording/call/c1/serverCallId/s1/recordingId/…
        "data": { … },  // 4 keys
        "eventType": "Microsoft.Communication.RecordingFileStatusUp…
        "dataVersion": "1.0",
        "metadataVersion": "1",
        "eventTime": "2021-07-27T15:20:34.2199328Z"
      }
    ]
    """)
    // The unfocused cursor line is a selection bar across the pane.
    #expect(buffer[0, 5].style == theme[.selectionUnfocused])
    #expect(buffer[63, 5].style == theme[.selectionUnfocused])
    #expect(style(of: "// 4 keys", row: 5, in: render(document, state, width: 64, height: 12, focused: false))
        == theme[.selectionUnfocused])
    #expect(style(of: "// 4 keys", row: 5, in: render(document, JSONViewState(folded: [dataLine]), width: 64, height: 12))
        == theme[.dim])

    state.toggleFold(in: document, height: 12)
    #expect(state.folded.isEmpty)
    #expect(render(document, state, width: 64, height: 28).text == render(document, width: 64, height: 28).text)
}

@Test func foldingFromInsideOrFromTheClosingLineFoldsTheEnclosingContainer() {
    let document = JSONDocument(text: recordingEvent)
    var state = JSONViewState(cursor: durationLine)
    state.toggleFold(in: document, height: 10)
    #expect(state.folded == [dataLine])
    #expect(state.cursor == dataLine)

    state = JSONViewState(cursor: dataClosingLine)
    state.toggleFold(in: document, height: 10)
    #expect(state.folded == [dataLine])
    #expect(state.cursor == dataLine)

    state = JSONViewState(cursor: chunksLine)
    state.toggleFold(in: document, height: 10)
    #expect(state.folded == [chunksLine])
    let buffer = render(document, state, width: 64, height: 10)
    #expect(buffer.lines[chunksLine].hasPrefix(#"        "recordingChunks": [ … ],  // 1 item"#) == false)
    #expect(buffer.lines[chunksLine].hasPrefix(#"        "recordingChunks": [ … ]  // 1 item"#))
    #expect(buffer.lines[chunksLine + 1].hasPrefix("      },"))

    state.foldAll(in: document, height: 10)
    #expect(document.visibleLines(folded: state.folded) == [0])
    #expect(state.cursor == 0)
    #expect(render(document, state, width: 64, height: 2).text == "[ … ]  // 1 item\n")
    state.unfoldAll(in: document, height: 10)
    #expect(document.visibleLines(folded: state.folded).count == 28)
}

@Test func focusedCursorLineKeepsSyntaxColoursOnASubtleBar() {
    let document = JSONDocument(text: recordingEvent)
    let state = JSONViewState(cursor: 10)
    let buffer = render(document, state, width: 64, height: 28, focused: true)
    let key = style(of: "\"index\"", row: 10, in: buffer)
    #expect(key?.foreground == theme[.jsonKey].foreground)
    #expect(key?.background == theme[.selection].background)
    #expect(key?.attributes.contains(.bold) == true)
    #expect(buffer[63, 10].style.background == theme[.selection].background)
    #expect(buffer[63, 11].style == theme[.text])
    // Without colour the cursor line stays visible through reverse video.
    var plain = Buffer(width: 64, height: 28)
    JSONView.render(document, state: state, into: &plain, rect: plain.bounds, theme: theme.withoutColor, focused: true)
    #expect(plain[12, 10].style.attributes.contains(.reverse))
    #expect(!plain[12, 9].style.attributes.contains(.reverse))
}

// MARK: - Cursor and scrolling

@Test func cursorMovesAndScrollsAtSmallHeights() {
    let document = JSONDocument(text: recordingEvent)
    var state = JSONViewState()
    state.moveDown(in: document, height: 3)
    state.moveDown(in: document, height: 3)
    #expect((state.cursor, state.scroll) == (2, 0))
    state.moveDown(in: document, height: 3)
    #expect((state.cursor, state.scroll) == (3, 1))
    #expect(render(document, state, width: 40, height: 3).text == """
      {
        "id": "7283825e-f8f1-4c61-a9ea-752c…
        "topic": "/subscriptions/sub-1/reso…
    """)
    state.moveUp(2, in: document, height: 3)
    #expect((state.cursor, state.scroll) == (1, 1))
    state.moveUp(in: document, height: 3)
    #expect((state.cursor, state.scroll) == (0, 0))
    state.moveUp(in: document, height: 3)
    #expect((state.cursor, state.scroll) == (0, 0))

    state.pageDown(in: document, height: 3)
    #expect((state.cursor, state.scroll) == (3, 3))
    state.moveToBottom(in: document, height: 3)
    #expect((state.cursor, state.scroll) == (lastLine, lastLine - 2))
    state.moveDown(in: document, height: 3)
    #expect((state.cursor, state.scroll) == (lastLine, lastLine - 2))
    state.pageDown(in: document, height: 3)
    #expect((state.cursor, state.scroll) == (lastLine, lastLine - 2))
    state.pageUp(in: document, height: 3)
    #expect((state.cursor, state.scroll) == (lastLine - 3, lastLine - 5))
    state.moveToTop(in: document, height: 3)
    #expect((state.cursor, state.scroll) == (0, 0))

    // A taller pane after a resize: no empty rows below the last line.
    state = JSONViewState(scroll: lastLine - 2, cursor: lastLine)
    state.keepCursorVisible(in: document, height: 10)
    #expect((state.cursor, state.scroll) == (lastLine, lastLine - 9))

    // Height 1: the scroll follows the cursor.
    state = JSONViewState()
    state.moveDown(4, in: document, height: 1)
    #expect((state.cursor, state.scroll) == (4, 4))
    #expect(render(document, state, width: 20, height: 1).text == #"    "subject": "/re…"#)
}

@Test func movementSkipsFoldedRegions() {
    let document = JSONDocument(text: recordingEvent)
    var state = JSONViewState(cursor: dataLine, folded: [dataLine])
    state.moveDown(in: document, height: 4)
    #expect(state.cursor == dataClosingLine + 1)
    state.moveUp(in: document, height: 4)
    #expect(state.cursor == dataLine)
    #expect(state.screenLines(in: document, height: 4) == [3, 4, 5, 22])
    state.moveToBottom(in: document, height: 4)
    #expect(state.screenLines(in: document, height: 4) == [24, 25, 26, 27])
    state.pageUp(in: document, height: 4)
    #expect(state.screenLines(in: document, height: 4) == [4, 5, 22, 23])
    #expect(state.cursor == 23)
}

@Test func mouseWheelAndClick() {
    let document = JSONDocument(text: recordingEvent)
    var state = JSONViewState()
    state.scrollBy(5, in: document, height: 3)
    #expect((state.cursor, state.scroll) == (5, 5))
    state.scrollBy(100, in: document, height: 3)
    #expect((state.cursor, state.scroll) == (lastLine - 2, lastLine - 2))
    state.moveToBottom(in: document, height: 3)
    state.scrollBy(-100, in: document, height: 3)
    #expect((state.cursor, state.scroll) == (2, 0))
    state.moveCursor(toVisibleRow: 1, in: document, height: 3)
    #expect(state.cursor == 1)
    state.moveCursor(toVisibleRow: 9, in: document, height: 3)
    #expect(state.cursor == 2)
}

// MARK: - Search

@Test func searchWrapsAndUnfoldsWhatHidesTheMatch() {
    let document = JSONDocument(text: recordingEvent)
    var state = JSONViewState()
    state.foldAll(in: document, height: 5)
    state.setSearch("ENDED", in: document, height: 5)
    #expect(state.matchCount == 2)
    #expect(state.matches.map(\.line) == [endReasonLine, sessionEndLine])
    #expect(state.matchSummary == "1/2")
    #expect(state.cursor == endReasonLine)
    #expect(document.isVisible(endReasonLine, folded: state.folded))
    #expect(state.screenLines(in: document, height: 5).contains(endReasonLine))

    // Hide the second match again, then jump to it.
    state.folded.insert(dataLine)
    state.keepCursorVisible(in: document, height: 5)
    #expect(state.cursor == dataLine)
    state.nextMatch(in: document, height: 5)
    #expect(state.matchSummary == "2/2")
    #expect(state.cursor == sessionEndLine)
    #expect(!state.folded.contains(dataLine))
    #expect(state.screenLines(in: document, height: 5) == [16, 17, 18, 19, 20])

    state.nextMatch(in: document, height: 5)
    #expect(state.matchOrdinal == 1)
    #expect(state.cursor == endReasonLine)
    state.previousMatch(in: document, height: 5)
    #expect(state.matchOrdinal == 2)
    state.previousMatch(in: document, height: 5)
    #expect(state.matchOrdinal == 1)

    // Matches are drawn; the current one stands out.
    let buffer = render(document, state, width: 64, height: 5)
    let row = state.screenLines(in: document, height: 5).firstIndex(of: endReasonLine)!
    #expect(style(of: "Ended\"", row: row, in: buffer) == theme[.searchMatch].adding([.bold, .underline]))
    state.nextMatch(in: document, height: 5)
    let other = render(document, state, width: 64, height: 5)
    let otherRow = state.screenLines(in: document, height: 5).firstIndex(of: sessionEndLine)!
    #expect(style(of: "Ended\"", row: otherRow, in: other) == theme[.searchMatch].adding([.bold, .underline]))
    #expect(style(of: "CallEnded", row: otherRow, in: other) == theme[.jsonString].adding(.bold)
        .with(background: theme[.selection].background))
}

@Test func searchWithoutJumpAndEdgeCases() {
    let document = JSONDocument(text: recordingEvent)
    var state = JSONViewState()
    state.setSearch("ended", in: document)
    #expect(state.matchSummary == "0/2")
    #expect(state.cursor == 0)
    state.nextMatch(in: document, height: 5)
    #expect(state.matchSummary == "1/2")
    state.setSearch("", in: document, height: 5)
    #expect(state.matchSummary == nil)
    state.setSearch("zzz", in: document, height: 5)
    #expect(state.matchSummary == "no matches")
    state.nextMatch(in: document, height: 5)
    #expect(state.matchIndex == nil)
    // Several matches on one line, and search as you type from the cursor.
    state.moveToBottom(in: document, height: 5)
    state.moveUp(3, in: document, height: 5)
    state.setSearch("2021", in: document, height: 5)
    #expect(state.matches.map(\.line) == [18, 25])
    #expect(state.cursor == 25)
    state.nextMatch(in: document, height: 5, fromCursor: true)
    #expect(state.cursor == 25)
}

@Test func searchIgnoresCaseBeyondASCII() {
    let document = JSONDocument(text: #"{"name": "ÉCOLE Straße", "city": "東京"}"#)
    var state = JSONViewState()
    state.setSearch("école", in: document, height: 4)
    #expect(state.matches == [JSONViewState.Match(line: 1, start: 11, length: 5)])
    let buffer = render(document, state, width: 40, height: 4)
    #expect((11..<16).allSatisfy { buffer[$0, 1].style == theme[.searchMatch].adding([.bold, .underline]) })
    #expect(buffer[16, 1].style != buffer[15, 1].style)
    state.setSearch("京", in: document, height: 4)
    #expect(state.matches == [JSONViewState.Match(line: 2, start: 12, length: 1)])
}

// MARK: - Width, size and bounds

@Test func wideCharactersTakeTwoCells() {
    let document = JSONDocument(text: #"{"名前": "東京タワー", "x": 1}"#)
    let wide = render(document, width: 30, height: 4)
    #expect(wide.lines[1] == #"  "名前": "東京タワー",       "#)
    #expect(wide[3, 1].text == "名")
    #expect(wide[4, 1].isContinuation)
    #expect(DisplayWidth.of(document.lines[1].text) == 23)
    // Cut where a wide character would straddle the edge: it is left out, never split.
    #expect(render(document, width: 13, height: 4).lines[1] == #"  "名前": "… "#)
    #expect(render(document, width: 14, height: 4).lines[1] == #"  "名前": "東…"#)
    #expect(render(document, width: 23, height: 4).lines[1] == #"  "名前": "東京タワー","#)
    #expect(render(document, width: 22, height: 4).lines[1] == #"  "名前": "東京タワー…"#)
    #expect(render(document, width: 21, height: 4).lines[1] == #"  "名前": "東京タワ… "#)
}

@Test func aMegabyteStringIsCutAtLayout() {
    let big = String(repeating: "a", count: 1_048_576)
    let text = #"{"id": ""# + big + #"", ""# + big + #"": 1, "n": "#
        + String(repeating: "7", count: 5000) + "}"
    let document = JSONDocument(text: text)
    #expect(document.lineCount == 5)
    let kept = String(repeating: "a", count: JSONDocument.maxCharacters)
    #expect(document.lines[1].text == #"  "id": ""# + kept + #"…(1044480 more characters)","#)
    #expect(document.lines[1].spans.map(\.role) == [.text, .jsonKey, .jsonPunct, .jsonString, .dim, .jsonString, .jsonPunct])
    #expect(document.lines[2].text == #"  ""# + kept + #"…(1044480 more characters)": 1,"#)
    #expect(document.lines[3].text == "  \"n\": " + String(repeating: "7", count: 4096) + "…(904 more characters)")
    let buffer = render(document, width: 40, height: 5)
    #expect(buffer.lines[1] == #"  "id": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…"#)
    #expect(document.sourceText.utf8.count == text.utf8.count)

    // A megabyte line of text that is not JSON is cut the same way.
    let broken = JSONDocument(text: "{" + big)
    #expect(broken.lines.count == 2)
    #expect(broken.lines[1].text == "{" + String(repeating: "a", count: 4095) + "…(1044481 more characters)")
}

@Test func neverWritesOutsideTheRect() {
    let document = JSONDocument(text: recordingEvent)
    var state = JSONViewState(cursor: 3)
    state.setSearch("a", in: document, height: 4)
    var buffer = Buffer(width: 30, height: 10, fill: Cell("x"))
    let rect = Rect(x: 5, y: 2, width: 10, height: 4)
    JSONView.render(document, state: state, into: &buffer, rect: rect, theme: theme, focused: true)
    for row in 0..<10 {
        for column in 0..<30 where !rect.contains(column: column, row: row) {
            #expect(buffer[column, row] == Cell("x"), "cell \(column),\(row) was written")
        }
    }
    #expect(buffer.lines[2] == "xxxxx[         xxxxxxxxxxxxxxx")
    // Partly outside the buffer, or empty: clipped, no crash.
    JSONView.render(document, state: state, into: &buffer, rect: Rect(x: 25, y: 8, width: 20, height: 20), theme: theme, focused: true)
    #expect(buffer.lines[8] == "xxxxxxxxxxxxxxxxxxxxxxxxx[    ")
    #expect(buffer.lines[9] == "xxxxxxxxxxxxxxxxxxxxxxxxx  {  ")
    JSONView.render(document, state: state, into: &buffer, rect: Rect(x: 0, y: 0, width: 0, height: 5), theme: theme, focused: true)
    var one = Buffer(width: 1, height: 1)
    JSONView.render(document, state: JSONViewState(scroll: 3, cursor: 3), into: &one, rect: one.bounds, theme: theme, focused: true)
    #expect(one.text == "…")
}

@Test func emptyDocumentIsHarmless() {
    let document = JSONDocument()
    var state = JSONViewState(scroll: 4, cursor: 7)
    state.moveDown(in: document, height: 3)
    state.pageDown(in: document, height: 3)
    state.toggleFold(in: document, height: 3)
    state.foldAll(in: document, height: 3)
    state.setSearch("x", in: document, height: 3)
    state.moveToBottom(in: document, height: 3)
    #expect((state.cursor, state.scroll) == (0, 0))
    #expect(render(document, state, width: 10, height: 3).text == "\n\n")
}

private extension Style {
    func with(background: Color) -> Style {
        var copy = self
        copy.background = background
        return copy
    }
}
