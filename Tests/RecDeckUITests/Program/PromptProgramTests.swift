import Foundation
import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

/// The prompts in the real run loop: editing in the middle of the line, history across runs,
/// Tab completion, and the `:` command line.
@Suite(.tags(.inProcess)) struct PromptProgramTests {
    static let multiRow = ProgramTests.multiRow
    static let singleRow = ProgramTests.singleRow
    static let emptyRow = "│" + String(repeating: " ", count: 72) + "││                                            │"

    /// Whether the cell at (`column`, `row`) is drawn in reverse video: the prompt's cursor.
    func isCursor(_ harness: ProgramHarness, column: Int, row: Int) -> Bool {
        harness.backend.screen[column, row].style.attributes.contains(.reverse)
    }

    /// The columns of row `row` drawn in reverse video.
    func cursorColumns(_ harness: ProgramHarness, row: Int) -> [Int] {
        (0..<harness.backend.screen.width).filter { isCursor(harness, column: $0, row: row) }
    }

    @Test func editsInTheMiddleOfTheLineWithTheCursorWhereItIs() throws {
        let harness = try ProgramHarness(TemporaryDirectory.twoRecordings())
        try harness.waitFor("2 recordings")
        harness.backend.press(.character("/"))
        harness.backend.type("99ab")
        harness.backend.press(.alt("b"))
        harness.backend.type("call:")
        try harness.waitUntil("the filtered list") { !$0.contains("10-01 07:55:55") }
        #expect(harness.line(38) == " filter: call:99ab")
        #expect(cursorColumns(harness, row: 38) == [14], "the cursor is on the 9, after what was typed")
        #expect(harness.line(3) == "│▶ " + Self.singleRow + "│ 0    SessionEnded   0-weu-d7-doc           │")
        #expect(harness.line(4) == Self.emptyRow)

        // Ctrl-K: "call:", which does not parse; Delete the colon; a paste at the end.
        harness.backend.press(.control("k"))
        try harness.waitFor("empty value")
        #expect(harness.line(38) == " filter: call:")
        #expect(harness.line(39).hasPrefix(" empty value"), "the reason, under the prompt")
        #expect(cursorColumns(harness, row: 38) == [14])
        harness.backend.press(.left, .delete, .end)
        harness.backend.paste(":1027")
        try harness.waitUntil("the other recording") { !$0.contains("10-01 07:50:00") }
        #expect(harness.line(38) == " filter: call:1027")
        #expect(cursorColumns(harness, row: 38) == [18], "at the end the cursor is the cell after the text")
        #expect(harness.line(3) == "│▶ " + Self.multiRow + "│ 0    ChunkMaximumT… 0-weu-d7-e4            │")
        harness.backend.press(.enter)
        try harness.waitUntil("the prompt closed") { _ in harness.program.state.mode == .browse }
        #expect(harness.line(38).hasPrefix("└"), "the prompt's line is the panes' again")
        #expect(harness.program.state.query.text == "call:1027")
    }

    @Test func aLongLineScrollsToKeepTheCursorOnScreen() throws {
        let harness = try ProgramHarness(TemporaryDirectory.twoRecordings(), width: 60, height: 20)
        try harness.waitFor("recdeck")
        harness.backend.press(.character("/"))
        let long = "call:" + String(repeating: "0123456789", count: 6)
        harness.backend.paste(long)
        try harness.waitFor(" filter: …")
        // 50 cells for the text: scrolled by 25 (and the marker's cell), the cursor after the end.
        #expect(harness.line(18) == " filter: …" + String(long.suffix(39)))
        #expect(cursorColumns(harness, row: 18) == [49])
        harness.backend.press(.home)
        try harness.waitFor(" filter: call:")
        #expect(harness.line(18) == " filter: " + String(long.prefix(49)) + "…")
        #expect(cursorColumns(harness, row: 18) == [9])
    }

    @Test func upAndDownWalkTheHistoryKeptAcrossRuns() throws {
        let state = TemporaryDirectory()
        let file = PromptHistoryFile(path: state.path + "/recdeck/history")
        _ = state.write("recdeck/history", "filter\tcall:1027\nfilter\tcall:99ab\ncommand\tsort age\n")
        let harness = try ProgramHarness(TemporaryDirectory.twoRecordings(), history: file)
        try harness.waitFor("2 recordings")
        harness.backend.press(.character("/"))
        harness.backend.type("chunks>")
        try harness.waitFor("empty value")
        try harness.press(.up, thenWaitFor: " filter: call:99ab")
        #expect(harness.line(38) == " filter: call:99ab")
        #expect(harness.line(3) == "│▶ " + Self.singleRow + "│ 0    SessionEnded   0-weu-d7-doc           │")
        #expect(harness.line(4) == Self.emptyRow)
        try harness.press(.up, thenWaitFor: " filter: call:1027")
        #expect(harness.line(3) == "│▶ " + Self.multiRow + "│ 0    ChunkMaximumT… 0-weu-d7-e4            │")
        try harness.press(.up, thenWaitFor: " filter: call:1027")
        try harness.press(.down, thenWaitFor: " filter: call:99ab")
        try harness.press(.down, thenWaitFor: " filter: chunks>")
        #expect(harness.line(38) == " filter: chunks>", "past the newest: what was being typed")
        harness.backend.type("1")
        try harness.waitUntil("one recording") { !$0.contains("10-01 07:50:00") }
        harness.backend.press(.enter)
        try harness.waitUntil("the history written") { _ in
            (try? String(contentsOfFile: file.path, encoding: .utf8)) == "filter\tcall:1027\nfilter\tcall:99ab\nfilter\tchunks>1\ncommand\tsort age\n"
        }

        // The next run walks it too.
        let next = try ProgramHarness(TemporaryDirectory.twoRecordings(), history: file)
        try next.waitFor("2 recordings")
        next.backend.press(.character("/"), .up)
        try next.waitFor(" filter: chunks>1")
        #expect(next.line(3) == "│▶ " + Self.multiRow + "│ 0    ChunkMaximumT… 0-weu-d7-e4            │")
        next.backend.press(.escape, .character(":"), .up)
        try next.waitFor(" :sort age")
    }

    @Test func aHistoryThatCannotBeWrittenIsSaidOnce() throws {
        let state = TemporaryDirectory()
        let harness = try ProgramHarness(TemporaryDirectory.twoRecordings(), history: PromptHistoryFile(path: state.path + "/plain/history"))
        try harness.waitFor("2 recordings")
        // Read (there is none yet), then its folder cannot be made.
        _ = state.write("plain", "not a folder")
        harness.backend.press(.character("/"))
        harness.backend.type("call:1027")
        harness.backend.press(.enter)
        try harness.waitFor("history not saved")
        #expect(harness.line(39) == " history not saved: \(state.path)/plain/history: cannot make the folder \(state.path)/plain")
        harness.clock.advance(seconds: 5)
        try harness.waitUntil("the message gone") { !$0.contains("history not saved") }
        harness.backend.press(.character("/"))
        harness.backend.type(" dur>1m")
        harness.backend.press(.enter)
        try harness.waitUntil("the prompt closed") { _ in harness.program.state.mode == .browse }
        #expect(!harness.screen.contains("history not saved"), "said once, not at every prompt")
        #expect(harness.program.state.history[.filter] == ["call:1027", "call:1027 dur>1m"], "kept for this run all the same")
    }

    @Test func tabCompletesFieldNamesAndCyclesThroughSeveral() throws {
        let harness = try ProgramHarness(TemporaryDirectory.twoRecordings())
        try harness.waitFor("2 recordings")
        harness.backend.press(.character("/"))
        harness.backend.type("-rea")
        try harness.press(.tab, thenWaitFor: " filter: -reason:")
        #expect(harness.line(38) == " filter: -reason:")
        #expect(harness.program.state.mode.promptOpen)
        harness.backend.type("fail c")
        try harness.press(.tab, thenWaitFor: "channel:")
        #expect(harness.line(38) == " filter: -reason:fail call:" + String(repeating: " ", count: 68) + "call:  channel:  chunks>")
        #expect(cursorColumns(harness, row: 38) == [27] + Array(95..<100), "the cursor, and the candidate in the line")
        try harness.press(.tab, thenWaitFor: " filter: -reason:fail channel: ")
        try harness.press(.tab, thenWaitFor: " filter: -reason:fail chunks> ")
        try harness.press(.backTab, thenWaitFor: " filter: -reason:fail channel: ")
        harness.backend.type("mixed")
        try harness.waitFor(" filter: -reason:fail channel:mixed")
        #expect(harness.line(38) == " filter: -reason:fail channel:mixed", "typing ends the completion")
    }

    @Test func theCommandLineSortsAndCompletesItsWords() throws {
        let harness = try ProgramHarness(TemporaryDirectory.twoRecordings())
        try harness.waitFor("2 recordings")
        harness.backend.press(.character(":"))
        harness.backend.type("so")
        try harness.press(.tab, thenWaitFor: " :sort")
        harness.backend.type("dur")
        try harness.press(.tab, thenWaitFor: " :sort duration")
        harness.backend.type("a")
        try harness.press(.tab, thenWaitFor: " :sort duration asc")
        harness.backend.press(.enter)
        try harness.waitFor("sorted by duration:asc")
        #expect(harness.program.state.sort == RecordingSort(field: .duration, ascending: true))
        #expect(harness.line(1).hasPrefix("┌ Recordings sort: duration ↑ ──"))
        // The selection stays on its recording, now the second row.
        #expect(harness.line(3) == "│  " + Self.singleRow + "│ 0    ChunkMaximumT… 0-weu-d7-e4            │")
        #expect(harness.line(4) == "│▶ " + Self.multiRow + "│ 1    SessionEnded   0-weu-d20-b            │")
        #expect(harness.line(39) == " sorted by duration:asc")
        #expect(harness.program.state.mode == .browse)

        // A field alone: its own direction (the longest first).
        harness.backend.press(.character(":"))
        harness.backend.type("sort duration")
        try harness.press(.enter, thenWaitFor: "sorted by duration:desc")
        #expect(harness.line(1).hasPrefix("┌ Recordings sort: duration ↓ ──"))
        #expect(harness.line(3) == "│▶ " + Self.multiRow + "│ 0    ChunkMaximumT… 0-weu-d7-e4            │")
        #expect(harness.line(4) == "│  " + Self.singleRow + "│ 1    SessionEnded   0-weu-d20-b            │")
    }

    @Test func anUnknownCommandOrABadArgumentKeepsThePromptOpenWithTheReason() throws {
        let harness = try ProgramHarness(TemporaryDirectory.twoRecordings())
        try harness.waitFor("2 recordings")
        harness.backend.press(.character(":"))
        harness.backend.type("frob x")
        try harness.press(.enter, thenWaitFor: "unknown command")
        let reason = "unknown command :frob; commands are sort, filter, export, theme, call or quit (Tab completes)"
        #expect(harness.line(38) == " :frob x")
        #expect(harness.line(39) == " " + reason, "the reason, under the prompt")
        #expect(harness.program.state.mode.promptOpen)
        harness.backend.press(.control("u"))
        harness.backend.type("sort length")
        try harness.press(.enter, thenWaitFor: "unknown sort field")
        #expect(harness.program.state.sort == RecordingSort())
        harness.backend.press(.control("u"))
        harness.backend.type("theme nope")
        try harness.press(.enter, thenWaitFor: "no theme nope; themes: default, mono")
        try harness.press(.escape, thenWaitFor: " ? help")
        #expect(harness.program.state.mode == .browse)
        harness.backend.press(.character(":"))
        harness.backend.type("theme mo")
        try harness.press(.tab, .enter, thenWaitFor: "theme: mono")
        #expect(harness.program.state.theme.name == "mono")
    }

    @Test func theCommandLineJumpsToACallFiltersAndQuits() throws {
        let harness = try ProgramHarness(TemporaryDirectory.twoRecordings())
        try harness.waitFor("2 recordings")
        harness.backend.press(.character(":"))
        harness.backend.type("call 99")
        try harness.press(.tab, thenWaitFor: " :call 99ab01ff")
        harness.backend.press(.enter)
        try harness.waitFor("1 recording of call 99ab01ff")
        #expect(harness.program.state.query.text == "call:\"99ab01ff\"")
        #expect(harness.line(3) == "│▶ " + Self.singleRow + "│ 0    SessionEnded   0-weu-d7-doc           │")
        #expect(harness.line(4) == Self.emptyRow)

        harness.backend.press(.character(":"))
        harness.backend.type("filter dur>1h")
        harness.backend.press(.enter)
        try harness.waitUntil("the longer recording") { $0.contains("10-01 07:55:55") && !$0.contains("10-01 07:50:00") }
        #expect(harness.program.state.query.text == "dur>1h")
        #expect(harness.program.state.mode == .browse)

        let output = TemporaryDirectory()
        harness.backend.press(.character(":"))
        harness.backend.type("export " + output.path + "/long.csv")
        try harness.press(.enter, thenWaitFor: "exported 1 row to \(output.path)/long.csv")
        #expect(try String(contentsOfFile: output.path + "/long.csv", encoding: .utf8).contains("rec-multi"))

        harness.backend.press(.character(":"))
        harness.backend.type("q")
        harness.backend.press(.enter)
        let deadline = Date().addingTimeInterval(10)
        var exit: ProgramExit?
        while exit == nil, Date() < deadline { exit = harness.program.step(maximumWait: 10) }
        #expect(exit == .quit)
    }

    @Test func inTheCallsViewTheCommandLineSelectsACallAndSortsTheCalls() throws {
        let harness = try ProgramHarness(TemporaryDirectory.twoRecordings())
        try harness.waitFor("2 recordings")
        try harness.press(.character("c"), thenWaitFor: "┌ Calls sort: start ↓ ──")
        #expect(harness.line(4).hasPrefix("│  10-01 07:55:55 1027c4aa "))
        harness.backend.press(.character(":"))
        harness.backend.type("call 99")
        try harness.press(.tab, .enter, thenWaitFor: "│▶ 10-01 07:50:00 99ab01ff ")
        #expect(harness.program.state.calls.selectedId == "99ab01ff")
        #expect(harness.program.state.query.isEmpty, "the calls view selects; it does not filter")
        harness.backend.press(.character(":"))
        harness.backend.type("sort so")
        try harness.press(.enter, thenWaitFor: "unknown sort field")
        harness.backend.press(.control("w"))
        harness.backend.type("recordi")
        try harness.press(.tab, .enter, thenWaitFor: "calls sorted by recordings:desc")
        #expect(harness.program.state.calls.sort == CallSort(field: .recordings))
        #expect(harness.program.state.sort == RecordingSort(), "the recordings' order is the recordings'")
    }
}
