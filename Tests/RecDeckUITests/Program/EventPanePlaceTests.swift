import Foundation
import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

/// The event pane is where the user put it: Enter in the all-events overlay opens that very
/// event, and another event arriving for the recording shown leaves the pane where it was.
@Suite(.tags(.inProcess)) struct EventPanePlaceTests {
    /// One recording, `rec-three`, announced by `count` events (one file each, a minute apart).
    static func recordingEvents(_ count: Int) -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        for number in 1...count { write(event: number, into: directory) }
        return directory
    }

    /// Event `number` of `rec-three`, in `2026/10/01/<number>.json`.
    static func write(event number: Int, into directory: TemporaryDirectory) {
        directory.write("2026/10/01/\(number).json", "[\(EventFixture.recording(id: "ev-\(number)", call: "3c3c3c3c", recording: "rec-three", eventTime: "2026-10-01T08:5\(number):00Z", start: "2026-10-01T08:00:00Z", durationMs: "\(60_000 * number)"))]")
    }

    /// The event pane's rows inside its border.
    static func paneRows(_ harness: ProgramHarness) -> [String] {
        (22...37).map { harness.line($0) }
    }

    @Test func enterOnARowOfAllEventsOpensThatEvent() throws {
        let harness = try ProgramHarness(Self.recordingEvents(3))
        try harness.waitFor("(3 events, 1 delivery of the first)")
        #expect(harness.line(22).hasPrefix("│── event 1 of 3 · 2026/10/01/1.json · 1 delivery ──"))
        // Newest first: the second row is the second event.
        try harness.press(.character("e"), thenWaitFor: "All events (3)")
        try harness.press(.character("j"), .enter, thenWaitFor: "── event 2 of 3 · 2026/10/01/2.json")
        try harness.waitUntil("the pane at the second event") { _ in harness.line(22).hasPrefix("│── event 2 of 3 ") }
        #expect(harness.line(22) == "│── event 2 of 3 · 2026/10/01/2.json · 1 delivery ──" + String(repeating: " ", count: 67) + "│")
        #expect(harness.line(23) == "│{" + String(repeating: " ", count: 117) + "│")
        #expect(harness.program.state.focus == .event)
        #expect(harness.program.state.selectedId == "rec-three")
        let state = harness.program.state
        #expect(state.eventDocument.map { state.eventState.cursor == $0.sectionStarts[1] } == true, "the cursor on the event opened")
    }

    @Test func anotherEventForTheRecordingShownKeepsThePanesPlace() throws {
        let directory = Self.recordingEvents(2)
        let harness = try ProgramHarness(directory)
        try harness.waitFor("(2 events, 1 delivery of the first)")
        harness.backend.press(.character("3"))
        harness.backend.send(Array(repeating: .key(.character("j")), count: 40))
        try harness.waitUntil("the cursor 40 lines down") { _ in harness.program.state.eventState.cursor == 40 }
        try harness.press(.character("z"), thenWaitFor: "// ")
        let before = Self.paneRows(harness)
        let place = harness.program.state.eventState
        #expect(place.scroll > 0 && !place.folded.isEmpty)

        Self.write(event: 3, into: directory)
        try harness.waitFor("(3 events, 1 delivery of the first)")
        try harness.waitUntil("the third event laid out") { _ in harness.program.state.eventDocument?.sectionCount == 3 }
        let renumbered = before.map { $0.replacingOccurrences(of: "── event 2 of 2 ·", with: "── event 2 of 3 ·") }
        #expect(renumbered != before && Self.paneRows(harness) == renumbered, "the pane stays where it was")
        let after = harness.program.state.eventState
        #expect(after.scroll == place.scroll && after.cursor == place.cursor && after.folded == place.folded)
    }
}
