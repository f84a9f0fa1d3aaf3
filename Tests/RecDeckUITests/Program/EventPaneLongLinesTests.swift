import Foundation
import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

/// The event pane's keys for what does not fit: `W` wraps long lines, `H`/`L`/`0` scroll cut
/// lines sideways, `[`/`]` step through the recording's events, and `y` copies the value or the
/// JSON path at the cursor. The whole program in process, at 120×40 (the pane's text is rows
/// 22–37, 118 cells wide).
@Suite(.tags(.inProcess)) struct EventPaneLongLinesTests {
    static let topic = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/recordings-westeurope"
        + "/providers/Microsoft.Communication/CommunicationServices/acs-recordings-westeurope-production"

    /// One recording whose event has a 195-cell topic line.
    static func longTopic() throws -> ProgramHarness {
        let directory = TemporaryDirectory()
        directory.write("2026/10/01/1.json", EventFixture.recording(topic: topic))
        let harness = try ProgramHarness(directory)
        try harness.waitFor("\"id\": \"ev-1\"")
        return harness
    }

    /// A row of the event pane: `text` inside the pane's borders.
    static func row(_ text: String) -> String {
        "│" + text + String(repeating: " ", count: 118 - text.count) + "│"
    }

    @Test func wrapTogglesAndTheCursorKeepsItsLine() throws {
        let harness = try Self.longTopic()
        harness.backend.send([.key(.character("3")), .key(.character("j")), .key(.character("j"))])
        try harness.waitUntil("the cursor on the topic") { _ in harness.program.state.eventState.cursor == 2 }
        let cut = #"  "topic": "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/recordings-westeurope/providers/Micros…"#
        #expect(harness.line(24) == Self.row(cut))

        try harness.press(.character("W"), thenWaitFor: "long lines wrap")
        #expect(harness.line(21).contains("(1 of 1 delivery) · wrapped"))
        #expect((22...26).map(harness.line) == [
            Self.row("{"),
            Self.row(#"  "id": "ev-1","#),
            Self.row(#"  "topic": "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/recordings-westeurope/providers/Microso"#),
            Self.row(#"           ft.Communication/CommunicationServices/acs-recordings-westeurope-production","#),
            Self.row(#"  "subject": "/recording/call/call-1/recordingId/rec-1","#),
        ])
        #expect(harness.program.state.eventState.cursor == 2)
        // Down from the topic goes to the next line, not to the topic's second row.
        harness.backend.press(.character("j"))
        try harness.waitUntil("the cursor on the subject") { _ in harness.program.state.eventState.cursor == 3 }
        #expect(harness.line(26).hasPrefix(#"│  "subject""#), "the view stays")

        try harness.press(.character("W"), thenWaitFor: "long lines are cut (H/L scroll sideways)")
        #expect(!harness.line(21).contains("wrapped"))
        #expect(harness.line(24) == Self.row(cut))
        #expect(harness.line(25) == Self.row(#"  "subject": "/recording/call/call-1/recordingId/rec-1","#))
        #expect(harness.program.state.eventState.cursor == 3)
    }

    @Test func cutLinesScrollSideways() throws {
        let harness = try Self.longTopic()
        // Half the pane's width at a time, from any pane; the title says where the view starts.
        try harness.press(.character("L"), thenWaitFor: "from column 60")
        #expect(harness.line(24)
            == Self.row("…444/resourceGroups/recordings-westeurope/providers/Microsoft.Communication/CommunicationServices/acs-recordings-west…"))
        #expect(harness.line(22) == Self.row("…"), "a line that ends left of the view says so")
        // Not past the end of the widest line on screen (195 cells in 118).
        try harness.press(.character("L"), thenWaitFor: "from column 78")
        #expect(harness.line(24).hasSuffix(#"-westeurope-production",│"#))
        try harness.press(.character("L"), thenWaitFor: "the lines shown end here")
        try harness.press(.character("H"), thenWaitFor: "from column 19")
        try harness.press(.character("0"), thenWaitFor: "Event  2026/10/01/1.json")
        try harness.waitUntil("the view at column 0") { _ in !harness.line(21).contains("from column") }
        #expect(harness.line(24).hasPrefix(#"│  "topic": "/subscriptions/"#))
        // Wrapped lines do not scroll sideways.
        try harness.press(.character("W"), .character("L"), thenWaitFor: "long lines wrap: W cuts them to scroll sideways")
        #expect(harness.program.state.eventState.column == 0)
    }

    @Test func bracketsStepThroughTheRecordingsEvents() throws {
        let harness = try ProgramHarness(EventPanePlaceTests.recordingEvents(3))
        try harness.waitFor("(3 events, 1 delivery of the first)")
        try harness.press(.character("]"), thenWaitFor: "event 2 of 3")
        #expect(harness.line(22).hasPrefix("│── event 2 of 3 · 2026/10/01/2.json · 1 delivery ──"))
        var state = harness.program.state
        #expect(state.eventDocument.map { state.eventState.cursor == $0.sectionStarts[1] && state.eventState.scroll == $0.sectionStarts[1] } == true)
        try harness.press(.character("]"), thenWaitFor: "event 3 of 3")
        try harness.press(.character("]"), thenWaitFor: "the last event is shown")
        #expect(harness.line(22).hasPrefix("│── event 3 of 3 · "))
        // From inside an event, `[` goes to the one before.
        harness.backend.send([.key(.character("3")), .key(.character("j")), .key(.character("j"))])
        try harness.waitUntil("the cursor inside event 3") { _ in
            harness.program.state.eventDocument.map { harness.program.state.eventState.cursor == $0.sectionStarts[2] + 2 } == true
        }
        try harness.press(.character("["), thenWaitFor: "event 2 of 3")
        try harness.press(.character("["), thenWaitFor: "event 1 of 3")
        try harness.press(.character("["), thenWaitFor: "the first event is shown")
        #expect(harness.line(22).hasPrefix("│── event 1 of 3 · "))
        state = harness.program.state
        #expect(state.eventDocument.map { state.eventState.cursor == $0.sectionStarts[0] } == true)
    }

    @Test func oneEventHasNoOtherToStepTo() throws {
        let harness = try Self.longTopic()
        try harness.press(.character("]"), thenWaitFor: "the event pane shows one event")
        #expect(harness.program.state.eventState.cursor == 0)
    }

    @Test func copiesTheValueAndThePathAtTheCursor() throws {
        let harness = try Self.longTopic()
        harness.backend.press(.character("3"))
        harness.backend.send(Array(repeating: .key(.character("j")), count: 11))
        try harness.waitUntil("the cursor on contentLocation") { _ in harness.program.state.eventState.cursor == 11 }
        let path = "data.recordingStorageInfo.recordingChunks[0].contentLocation"
        try harness.press(.character("y"), thenWaitFor: "v  value of data.recordingStorageInfo")
        try harness.press(.character("v"), thenWaitFor: "copied the value of \(path)")
        #expect(harness.backend.clipboard.last == "https://storage.asm.skype.com/v1/objects/0-weu-d7-doc/content/video")
        try harness.press(.character("y"), thenWaitFor: "p  JSON path data.recordingStorageInfo")
        try harness.press(.character("p"), thenWaitFor: "copied the JSON path \(path)")
        #expect(harness.backend.clipboard.last == path)
        // On the closing line of the chunk: the chunk, as JSON.
        harness.backend.send(Array(repeating: .key(.character("j")), count: 3))
        try harness.waitUntil("the cursor on the chunk's closing line") { _ in harness.program.state.eventState.cursor == 14 }
        try harness.press(.character("y"), thenWaitFor: "v  value of data.recordingStorageInfo.recordin")
        try harness.press(.character("v"), thenWaitFor: "copied the value of data.recordingStorageInfo.recordingChunks[0]")
        #expect(harness.backend.clipboard.last == """
        {
          "documentId": "0-weu-d7-doc",
          "index": 0,
          "endReason": "SessionEnded",
          "contentLocation": "https://storage.asm.skype.com/v1/objects/0-weu-d7-doc/content/video",
          "metadataLocation": "https://storage.asm.skype.com/v1/objects/0-weu-d7-doc/content/acsmetadata",
          "deleteLocation": "https://storage.asm.skype.com/v1/objects/0-weu-d7-doc/content/deletedata"
        }
        """)
    }
}
