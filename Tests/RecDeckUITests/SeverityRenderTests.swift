import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

/// What the dashboard marks as wrong (issue 13): faults get ⚠ and the anomaly colour, expired
/// media only a dim age, the header counts each fault kind, the chunks pane names each in words.
@Suite struct SeverityRenderTests {
    func line(_ buffer: Buffer, _ row: Int) -> String {
        buffer.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[row]
    }

    func arrive(_ state: inout AppState, _ events: [String]) {
        var store = RecordingStore()
        store.apply(decode("[\(events.joined(separator: ","))]", file: "new.json"), to: "new.json")
        var delta = StoreDelta()
        for (key, value) in store.recordings { delta.added[key] = value }
        _ = update(&state, .storeChanged(delta, summary: store.summary, problems: nil, otherEvents: nil, initialLoad: false))
    }

    @Test func expiredMediaIsDimNotAFault() {
        let state = DashboardFixture.state()
        let screen = render(state)
        let theme = state.theme
        // Row 5 is rec-old, whose newest event is three days old.
        #expect(line(screen, 5).hasPrefix("│  09-28 09:00:00 2d "))
        #expect(screen[3, 5].style == theme[.text])
        #expect(screen[18, 5].style == theme[.dim])  // its AGE cell
        // rec-failed has a failed chunk: ⚠ and the anomaly colour on its AGE cell too.
        #expect(line(screen, 3).hasPrefix("│▶⚠10-01"))
        #expect(screen[18, 4].style == theme[.text])
    }

    @Test func headerCountsEachFaultKind() {
        var state = DashboardFixture.state()
        arrive(&state, [
            EventFixture.recording(id: "g1", call: "gap", recording: "rec-gap", eventTime: "2026-10-01T08:59:00Z",
                                   chunks: [EventFixture.chunk(index: 0, document: "a"), EventFixture.chunk(index: 2, document: "b")]),
            EventFixture.recording(id: "d1", call: "nodur", recording: "rec-nodur", eventTime: "2026-10-01T08:59:00Z", durationMs: "null"),
            EventFixture.recording(id: "d2", call: "nodur2", recording: "rec-nodur2", eventTime: "2026-10-01T08:59:00Z", durationMs: "0"),
        ])
        state.size = (160, 40)
        let header = line(render(state), 0)
        #expect(header.contains("6 recordings · 6 calls · 1h04m · ⚠ 1 failed chunk · 1 chunk gap · 2 without duration · 1 problem · last event 1m ago"),
                "\(header)")
        // At 80 columns the totals, clock and sparkline give way, and the faults are said in fewer
        // words, so that the problems still show.
        state.size = (80, 24)
        #expect(line(render(state), 0) == " recdeck  ~/events  ● live  ⚠ 1 failed · 1 gap · 2 no duration · 1 problem")
        state.size = (100, 24)
        #expect(line(render(state), 0) == " recdeck  ~/events  ● live  ⚠ 1 failed chunk · 1 chunk gap · 2 without duration · 1 problem")
        var single = AppState(directory: "~/events", size: (120, 40), now: DashboardFixture.now, utc: true)
        arrive(&single, [EventFixture.recording(id: "s", eventTime: "2026-10-01T08:59:00Z")])
        #expect(line(render(single), 0).contains("1 recording · 1 call · 7s"))
        // An event of this very second is "just now", not "now ago".
        var fresh = AppState(directory: "~/events", size: (160, 40), now: DashboardFixture.now, utc: true)
        arrive(&fresh, [EventFixture.recording(id: "f", eventTime: "2026-10-01T09:00:00Z")])
        #expect(line(render(fresh), 0).contains("1 recording · 1 call · 7s · last event just now"), "\(line(render(fresh), 0))")
    }

    @Test func chunksPaneNamesTheFaultsAndTheRetention() {
        var state = DashboardFixture.state()
        arrive(&state, [EventFixture.recording(id: "g1", call: "gap", recording: "rec-gap", eventTime: "2026-10-01T06:00:00Z",
                                               start: "2026-10-01T08:59:30Z",
                                               chunks: [EventFixture.chunk(index: 0, document: "a"), EventFixture.chunk(index: 3, document: "b")])])
        _ = update(&state, .input(.key(.character("g"))))
        #expect(state.selectedId == "rec-gap")
        let text = render(state).text
        #expect(text.contains("┌ Chunks of rec-gap (2) expires in 21h ─"), "\(text)")
        #expect(text.contains("│ ⚠ chunk indexes 1, 2 are missing "))
    }

    /// The two fault kinds the header test above leaves out: a repeated chunk index and a recording
    /// without chunks, counted in the header and named in the chunks pane.
    @Test func repeatedIndexesAndMissingChunksAreCountedAndNamed() {
        var state = DashboardFixture.state()
        arrive(&state, [
            EventFixture.recording(id: "r1", call: "rep", recording: "rec-rep", eventTime: "2026-10-01T08:59:00Z",
                                   chunks: [EventFixture.chunk(index: 0, document: "a"), EventFixture.chunk(index: 0, document: "b")]),
            EventFixture.recording(id: "n1", call: "none", recording: "rec-none", eventTime: "2026-10-01T08:59:10Z", chunks: []),
        ])
        state.size = (200, 40)
        let header = line(render(state), 0)
        #expect(header.contains("⚠ 1 failed chunk · 1 repeated chunk index · 1 without chunks · 1 problem"), "\(header)")
        state.size = (120, 40)
        _ = update(&state, .input(.key(.character("g"))))
        #expect(state.selectedId == "rec-none")
        #expect(render(state).text.contains("│ ⚠ no chunks"), "\(render(state).text)")
        _ = update(&state, .input(.key(.character("j"))))
        #expect(state.selectedId == "rec-rep")
        #expect(render(state).text.contains("│ ⚠ 2 chunks have index 0"), "\(render(state).text)")
    }

    @Test func aNewFaultyRowKeepsTheAnomalyColour() {
        var state = DashboardFixture.state()
        arrive(&state, [EventFixture.recording(id: "n1", call: "newfail", recording: "rec-newfail", eventTime: "2026-10-01T08:59:30Z",
                                               start: "2026-10-01T08:59:00Z",
                                               chunks: [EventFixture.chunk(index: 0, document: "x", endReason: "ChunkUploadFailure")])])
        #expect(state.arrivedAt["rec-newfail"] != nil)
        let screen = render(state)
        #expect(line(screen, 3).hasPrefix("│ ⚠10-01 08:59:00"))
        let theme = state.theme
        #expect(screen[3, 3].style.foreground == theme[.rowAnomaly].foreground)
        #expect(screen[3, 3].style.attributes.isSuperset(of: theme[.rowNew].attributes))
    }
}
