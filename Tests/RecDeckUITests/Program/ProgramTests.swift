import Foundation
import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

/// The real run loop in process: a watched directory, keys in, frames out (`TestBackend`, fake clock).
@Suite(.tags(.inProcess)) struct ProgramTests {
    func fixture() -> TemporaryDirectory {
        TemporaryDirectory.twoRecordings()
    }

    static let multiRow = "10-01 07:55:55 2m   1h02m05s  2      Mp4 A/V CallEnded     1027c4aa   │"
    static let singleRow = "10-01 07:50:00 3m   0m06s     1      Mp4 A/V CallEnded     99ab01ff   │"

    @Test func browseMovesTheSelectionAndReadsTheEventOffTheLoop() throws {
        let harness = try ProgramHarness(fixture())
        try harness.waitFor("\"subject\": \"/recording/call/1027c4aa/recordingId/rec-multi\"")
        #expect(harness.line(0) == " recdeck  ~/events  ● live  2 recordings · 2 calls · 1h02m · last event 2m ago"
            + String(repeating: " ", count: 26) + "██    09:00:00Z")
        #expect(harness.line(2) == "│  START ↓        AGE  DURATION  CHUNKS FORMAT  END           CALL       ││ #    END REASON     DOCUMENT               │")
        #expect(harness.line(3) == "│▶ " + Self.multiRow + "│ 0    ChunkMaximumT… 0-weu-d7-e4            │")
        #expect(harness.line(4) == "│  " + Self.singleRow + "│ 1    SessionEnded   0-weu-d20-b            │")
        #expect(harness.line(21).hasPrefix("┌ Event  2026/10/01/a.json (1 of 1 delivery) ──"))
        #expect(harness.line(39) == " ? help  / filter  s sort  f follow  Tab pane  ⏎ open  y copy  T theme  p problems  q quit")

        harness.backend.press(.character("j"))
        try harness.waitFor("\"subject\": \"/recording/call/99ab01ff/recordingId/rec-single\"")
        #expect(harness.line(3) == "│  " + Self.multiRow + "│ 0    SessionEnded   0-weu-d7-doc           │")
        #expect(harness.line(4) == "│▶ " + Self.singleRow + "│                                            │")
        #expect(harness.line(1).hasPrefix("┌ Recordings sort: start ↓ ──") && harness.line(1).contains("┌ Chunks of rec-single (1) expires in "))
        #expect(harness.line(21).hasPrefix("┌ Event  2026/10/01/b.json (1 of 1 delivery) ──"))

        // Into the chunks, the chunk's fields, and back.
        try harness.press(.character("k"), .enter, .character("j"), .enter, thenWaitFor: "││ deleteLocation")
        try harness.press(.escape, .escape, thenWaitFor: "│ #    END REASON")
        #expect(harness.program.state.focus == .recordings)
    }

    @Test func filterTakesAPasteAsOneEditAndEscapeClearsIt() throws {
        let harness = try ProgramHarness(fixture())
        try harness.waitFor("2 recordings")
        harness.backend.press(.character("/"))
        harness.backend.paste("call:99ab")
        try harness.waitUntil("the filtered list") { !$0.contains("10-01 07:55:55") }
        #expect(harness.line(3) == "│▶ " + Self.singleRow + "│ 0    SessionEnded   0-weu-d7-doc           │")
        #expect(harness.line(4) == "│" + String(repeating: " ", count: 72) + "││                                            │")
        #expect(harness.line(38) == " filter: call:99ab")
        #expect(harness.backend.screen[18, 38].style.attributes.contains(.reverse), "the cursor: the cell after the text")
        #expect(harness.program.state.query.text == "call:99ab")

        harness.backend.type(" dur>5x")
        try harness.waitFor("bad duration")
        #expect(harness.program.state.query.isEmpty, "never a half-typed filter: the one submitted before (none)")
        try harness.waitFor("10-01 07:55:55")
        harness.backend.press(.escape)
        try harness.waitUntil("the prompt closed") { !$0.contains(" filter: ") }
        #expect(harness.program.state.mode == .browse)
        #expect(harness.program.state.query.isEmpty)
        #expect(harness.line(3) == "│  " + Self.multiRow + "│ 0    SessionEnded   0-weu-d7-doc           │")
        #expect(harness.line(4) == "│▶ " + Self.singleRow + "│                                            │", "the selection stays on its recording")
    }

    @Test func liveArrivalsKeepTheSelectionUntilFollowIsOn() throws {
        let harness = try ProgramHarness(fixture())
        try harness.waitFor("2 recordings")
        harness.directory.write("2026/10/01/c.json", "[\(EventFixture.recording(id: "e3", call: "77aa77aa", recording: "rec-new", eventTime: "2026-10-01T08:59:00Z", start: "2026-10-01T08:10:00Z", durationMs: "60000"))]")
        try harness.waitFor("3 recordings")
        try harness.waitFor(" 1 new ")
        #expect(harness.program.state.selectedId == "rec-multi", "the selection stays on its recording")
        #expect(harness.line(3).hasPrefix("│  10-01 08:10:00"))
        #expect(harness.line(4).hasPrefix("│▶ 10-01 07:55:55"))

        try harness.press(.character("f"), thenWaitFor: "\"subject\": \"/recording/call/77aa77aa/recordingId/rec-new\"")
        #expect(harness.program.state.selectedId == "rec-new")
        #expect(harness.line(3).hasPrefix("│▶ 10-01 08:10:00"))
        harness.directory.write("2026/10/01/d.json", "[\(EventFixture.recording(id: "e4", call: "88bb88bb", recording: "rec-newer", eventTime: "2026-10-01T08:59:30Z", start: "2026-10-01T08:20:00Z", durationMs: "60000"))]")
        try harness.waitFor("\"subject\": \"/recording/call/88bb88bb/recordingId/rec-newer\"")
        #expect(harness.line(3).hasPrefix("│▶ 10-01 08:20:00"))

        // The highlight of a new row ends on the (fake) clock's next ticks.
        #expect(harness.program.state.arrivedAt["rec-newer"] != nil)
        harness.clock.advance(seconds: 6)
        try harness.waitUntil("the highlight to end") { _ in harness.program.state.arrivedAt.isEmpty }
        #expect(harness.line(0).hasSuffix("09:00:06Z"))
    }

    @Test func allEventsOverlayOpensAnEventThatBelongsToNoRecording() throws {
        let harness = try ProgramHarness(fixture())
        try harness.waitFor("2 recordings")
        try harness.press(.character("e"), thenWaitFor: "All events (3)")
        let rows = harness.screen.split(separator: "\n").filter { $0.contains("RecordingFileStatusUpdated") || $0.contains("CallStarted") }
        #expect(rows.count == 3)
        #expect(rows.first?.contains("2026-10-01 08:58:00") == true)
        // The other event is the oldest: last row.
        try harness.press(.character("G"), .enter, thenWaitFor: "Event  calls.json")
        try harness.waitFor("\"eventType\": \"Microsoft.Communication.CallStarted\"")
        #expect(harness.program.state.focus == .event)
        guard case .event(let location)? = harness.program.state.eventSubject else { Issue.record("no event subject"); return }
        #expect(location.file == "calls.json" && location.offset == 0)
        #expect(harness.line(21).hasPrefix("┌ Event  calls.json ──"))
    }

    @Test func exportRunsOnAWorkerAndReportsTheResult() throws {
        let harness = try ProgramHarness(fixture())
        try harness.waitFor("2 recordings")
        let output = TemporaryDirectory()
        try harness.press(.character("w"), thenWaitFor: "Export 2 rows")
        harness.backend.press(.control("u"))
        harness.backend.type(output.path + "/out.json")
        try harness.press(.enter, thenWaitFor: "exported 2 rows to \(output.path)/out.json")
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output.path + "/out.json"))) as? [[String: Any]]
        #expect(written?.compactMap { $0["recordingId"] as? String } == ["rec-multi", "rec-single"])

        try harness.press(.character("w"), thenWaitFor: "Export 2 rows")
        harness.backend.press(.control("u"))
        harness.backend.type(output.path + "/missing/folder/out.csv")
        try harness.press(.enter, thenWaitFor: "cannot write \(output.path)/missing/folder/out.csv")
    }

    @Test func copyGoesToTheTerminalAndQuitEndsTheProgram() throws {
        let harness = try ProgramHarness(fixture())
        try harness.waitFor("\"subject\": \"/recording/call/1027c4aa/recordingId/rec-multi\"")
        try harness.press(.character("y"), thenWaitFor: "i  recording id")
        try harness.press(.character("c"), thenWaitFor: "copied the call id")
        #expect(harness.backend.clipboard == ["1027c4aa"])
        harness.backend.acceptsClipboard = false
        try harness.press(.character("y"), .character("i"), thenWaitFor: "the terminal does not accept clipboard writes")

        harness.backend.press(.character("q"))
        var exit: ProgramExit?
        for _ in 0..<100 where exit == nil { exit = harness.program.step(maximumWait: 10) }
        #expect(exit == .quit)
    }
}
