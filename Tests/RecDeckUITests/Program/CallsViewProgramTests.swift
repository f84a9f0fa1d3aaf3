import Foundation
import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

/// The calls view, dead letters and redeliveries in the real run loop (`Program`, `TestBackend`,
/// a watched directory, a fake clock).
@Suite struct CallsViewProgramTests {
    /// `call-1` told by its call events with two recordings, and a recording of another call.
    func callsDirectory() -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        directory.write("calls/call-1.json", "[\(CallViewFixture.events.joined(separator: ","))]")
        directory.write("other.json", EventFixture.recording(id: "r-x", call: "other-call", recording: "rec-x",
                                                             eventTime: "2026-10-01T07:30:00Z", start: "2026-10-01T07:00:00Z", durationMs: "60000"))
        return directory
    }

    static let callRow = "10-01 08:00:00 call-1                               10m00s   2      2     80%                                       │"
    static let otherRow = "10-01 07:00:00 other-call                           1m00s    0      1     100%                                      │"

    @Test func cTogglesTheCallsViewAndEnterShowsACallsRecordings() throws {
        let harness = try ProgramHarness(callsDirectory())
        try harness.waitFor("3 recordings")
        #expect(!harness.screen.contains("dead-lettered"), "no dead letters, no word of them")
        try harness.press(.character("c"), thenWaitFor: "┌ Calls sort: start ↓ ──")
        try harness.waitFor("│── event 1 of 9 · calls/call-1.json · 1 delivery ──")
        // The calls, the timeline of the selected one and its call events, each the full width.
        #expect(harness.line(1) == "┌ Calls sort: start ↓ ─────────────────────────────────────────────────────────────────────────────────────────────────┐")
        #expect(harness.line(2) == "│  START          CALL                                 DURATION PEOPLE RECS  COVER ANOMALIES                           │")
        #expect(harness.line(3) == "│▶ 10-01 08:00:00 call-1                               10m00s   2      2     80%                                       │")
        #expect(harness.line(4) == "│  10-01 07:00:00 other-call                           1m00s    0      1     100%                                      │")
        #expect(harness.line(9) == "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘")
        #expect(harness.line(10) == "┌ Timeline of call-1 ──────────────────────────────────────────────────────────────────────────────────────────────────┐")
        #expect(harness.line(11) == "│ 10-01 08:00:00 → 08:10:00 · 10m00s · recorded 8m00s (80%)                                                            │")
        #expect(harness.line(12) == "│                    08:00     08:01    08:02     08:03     08:04     08:05    08:06     08:07     08:08    08:09      │")
        #expect(harness.line(13) == "│                    ┬─────────┬────────┬─────────┬─────────┬─────────┬────────┬─────────┬─────────┬────────┬─────────┬│")
        #expect(harness.line(14) == "│ call               ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━│")
        #expect(harness.line(15) == "│ Alice              ├─────────────────────────────────────────────────────────────────────────────────────────────────│")
        #expect(harness.line(16) == "│ Bob                ···················├──────────────────────────────────────┤·······································│")
        #expect(harness.line(17) == "│ recording on       ·····▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒·········▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒·····│")
        #expect(harness.line(18) == "│ rec rec-1          ·····███████████████████████████████████··························································│")
        #expect(harness.line(19) == "│   #0 SessionEnded  ·····▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓··························································│")
        #expect(harness.line(20) == "│ rec rec-2          ·················································████████████████████████████████████████████·····│")
        #expect(harness.line(21) == "│   #0 ChunkMaximum… ·················································▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓··································│")
        #expect(harness.line(22) == "│   #1               missing: no event names chunk 1···································································│")
        #expect(harness.line(23) == "│   #2 ChunkUploadF… ··············································································▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓·····│")
        #expect(harness.line(24) == "│ not recorded: 08:00:00 → 08:00:30 (0m30s) · 08:04:00 → 08:05:00 (1m00s) · 08:09:30 → 08:10:00 (0m30s)                │")
        #expect(harness.line(25) == "│ ━ call  ├─┤ participant  ▒ recording active  █ recording  ▓ chunk  · nothing                                         │")
        #expect(harness.line(28) == "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘")
        #expect(harness.line(29) == "┌ Call events  call-1 (9 call events) ─────────────────────────────────────────────────────────────────────────────────┐")
        // Down to the other call: its timeline and its (no) call events.
        try harness.press(.character("j"), thenWaitFor: "┌ Timeline of other-call")
        #expect(harness.line(4).hasPrefix("│▶ " + Self.otherRow))
        try harness.waitFor("┌ Call events  other-call (0 call events)")
        #expect(harness.line(10) == "┌ Timeline of other-call ─" + String(repeating: "─", count: 93) + "┐")

        // Enter: the recordings of call-1, filtered to it; Esc: back to the calls, unfiltered.
        try harness.press(.character("k"), .enter, thenWaitFor: "┌ Recordings sort: start ↓  filter: call:\"call-1\"")
        #expect(harness.program.state.visible.sorted() == ["rec-1", "rec-2"])
        #expect(!harness.program.state.calls.shown)
        try harness.waitFor("┌ Chunks of rec-2 (2)")
        try harness.press(.escape, thenWaitFor: "┌ Calls sort: start ↓ ──")
        #expect(harness.program.state.query.isEmpty)
        #expect(harness.line(3) == "│▶ " + Self.callRow)

        // And c goes back to the recordings, all three.
        try harness.press(.character("c"), thenWaitFor: "┌ Recordings sort: start ↓ ──")
        #expect(harness.program.state.visible.count == 3)
    }

    @Test func theFilterWorksInBothViews() throws {
        let harness = try ProgramHarness(callsDirectory())
        try harness.waitFor("3 recordings")
        try harness.press(.character("c"), thenWaitFor: "┌ Calls sort: start ↓ ──")
        try harness.waitFor("other-call")
        harness.backend.press(.character("/"))
        harness.backend.paste("call:other")
        try harness.waitFor("┌ Calls sort: start ↓  filter: call:other  1 of 2 ──")
        #expect(harness.line(3) == "│▶ " + Self.otherRow)
        #expect(!harness.line(4).contains("call-1"))
        harness.backend.press(.enter)
        // The same filter on the recordings.
        try harness.press(.character("c"), thenWaitFor: "┌ Recordings sort: start ↓  filter: call:other ──")
        #expect(Array(harness.program.state.visible) == ["rec-x"])
        // A call-level term: the end reason of call-1's CallEnded, only in the calls view.
        harness.backend.press(.character("/"))
        harness.backend.press(.control("u"))
        harness.backend.type("anomaly:chunkGap")
        try harness.waitUntil("rec-2 alone") { _ in Array(harness.program.state.visible) == ["rec-2"] }
        harness.backend.press(.enter)
        try harness.press(.character("c"), thenWaitFor: "filter: anomaly:chunkGap  1 of 2 ──")
        #expect(harness.line(3) == "│▶ " + Self.callRow)
        // Esc on the calls clears the filter.
        try harness.press(.escape, thenWaitFor: "┌ Calls sort: start ↓ ──")
        try harness.waitFor("other-call")
    }

    @Test func sortingTheCalls() throws {
        let harness = try ProgramHarness(callsDirectory())
        try harness.waitFor("3 recordings")
        try harness.press(.character("c"), thenWaitFor: "┌ Calls sort: start ↓ ──")
        try harness.press(.character("S"), thenWaitFor: "┌ Calls sort: start ↑ ──")
        try harness.waitUntil("other-call first") { _ in harness.program.state.calls.rows.map(\.id) == ["other-call", "call-1"] }
        #expect(harness.program.state.calls.selectedId == "call-1", "the selection stays on its call")
        // s opens the calls' own chooser: every call field with its letter, the arrow on the one sorted by.
        let chooser = try harness.press(.character("s"), thenWaitFor: "Sort calls by")
        #expect(chooser.contains("│ s  start time" + String(repeating: " ", count: 22) + "↑ "))
        #expect(chooser.contains("o  coverage (recorded / duration)"))
        #expect(chooser.contains("n  faults"))
        try harness.press(.character("e"), thenWaitFor: "┌ Calls sort: end ↓ ──")
        try harness.press(.character("s"), .character("o"), thenWaitFor: "┌ Calls sort: coverage ↓ ──")
        try harness.waitUntil("full coverage first") { _ in harness.program.state.calls.rows.map(\.id) == ["other-call", "call-1"] }
        // The letter of the field sorted by reverses it; Esc closes the chooser and changes nothing.
        try harness.press(.character("s"), .character("o"), thenWaitFor: "┌ Calls sort: coverage ↑ ──")
        try harness.press(.character("s"), thenWaitFor: "Sort calls by")
        harness.backend.send([.key(.escape)])
        try harness.waitUntil("the chooser closed") { screen in !screen.contains("Sort calls by") && screen.contains("┌ Calls sort: coverage ↑ ──") }
    }

    @Test func deadLettersInTheHeaderAndTheEventPaneTitle() throws {
        let directory = TemporaryDirectory()
        directory.write("deadletter/a.json", "[" + EventFixture.recording(id: "dl-1", call: "dead-call", recording: "rec-dl",
                                                                      eventTime: "2026-10-01T08:50:00Z", start: "2026-10-01T08:40:00Z",
                                                                      durationMs: "60000", extra: CallFixture.deadLetterMembers(cloudEvents: false)) + "]")
        directory.write("b.json", EventFixture.recording(id: "ok-1", call: "live-call", recording: "rec-ok",
                                                         eventTime: "2026-10-01T08:30:00Z", start: "2026-10-01T08:20:00Z", durationMs: "60000"))
        let harness = try ProgramHarness(directory)
        try harness.waitFor("2 recordings")
        #expect(harness.line(0).hasPrefix(" recdeck  ~/events  ● live  2 recordings · 2 calls · 2m00s · 1 dead-lettered event · last event 10m ago"))
        try harness.waitFor("┌ Event  deadletter/a.json (1 of 1 delivery) · dead-lettered: MaxDeliveryAttemptsExceeded, 30 attempts, last HTTP 503 ─")
        try harness.press(.character("j"), thenWaitFor: "┌ Event  b.json (1 of 1 delivery) ──")
        #expect(!harness.line(21).contains("dead-lettered"))
        // The calls view marks the call; its recordings' pane says why.
        try harness.press(.character("c"), thenWaitFor: "┌ Timeline of dead-call")
        #expect(harness.line(3) == "│▶⚠10-01 08:40:00 dead-call                            1m00s    0      1     100%  deadLettered                        │")
    }

    @Test func rStepsThroughTheDeliveriesOfAConflictingRedelivery() throws {
        let directory = TemporaryDirectory()
        // The same event (source, id, type) twice with different bodies: the one with more fields counts.
        let richer = EventFixture.recording(id: "twice", call: "c-1", recording: "rec-r", eventTime: "2026-10-01T08:50:00Z",
                                            start: "2026-10-01T08:40:00Z", durationMs: "60000")
            .replacingOccurrences(of: "\"data\": {", with: "\"data\": {\"extra\": 1, ")
        let plainer = EventFixture.recording(id: "twice", call: "c-1", recording: "rec-r", eventTime: "2026-10-01T08:50:00Z",
                                             start: "2026-10-01T08:40:00Z", durationMs: "60000")
        directory.write("a-plain.json", plainer)
        directory.write("z-rich.json", richer)
        let harness = try ProgramHarness(directory)
        try harness.waitFor("1 recording")
        let counting = "┌ Event  z-rich.json delivery 1 of 2 counts over delivery 2: it has more fields (17 against 16) ──"
        try harness.waitFor(counting)
        try harness.waitFor("│    \"extra\": 1,")
        harness.backend.press(.character("r"))
        try harness.waitFor("┌ Event  a-plain.json delivery 2 of 2 conflicts; delivery 1 counts: it has more fields (17 against 16) ──")
        try harness.waitUntil("the other delivery's text") { !$0.contains("\"extra\"") && $0.contains("│    \"recordingStorageInfo\": {") }
        harness.backend.press(.character("r"))
        try harness.waitFor(counting)
        try harness.waitFor("│    \"extra\": 1,")
    }

    @Test func rSaysSoWhenThereIsOneDelivery() throws {
        let harness = try ProgramHarness(TemporaryDirectory.twoRecordings())
        try harness.waitFor("\"subject\": \"/recording/call/1027c4aa/recordingId/rec-multi\"")
        try harness.press(.character("r"), thenWaitFor: "every event here has one delivery")
    }
}
