import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

/// Event times far from now (1700, past 2262 held at the bound) reach the dashboard without a trap.
@Suite struct FarTimeDashboardTests {
    @Test func anEventFrom1700LoadsArrivesTicksAndRenders() {
        var state = DashboardFixture.state()
        var store = RecordingStore()
        let events = [EventFixture.recording(id: "old", recording: "rec-1700", eventTime: "1700-01-01T00:00:00Z", start: "1700-01-01T00:00:00Z",
                                             durationMs: "9000000000000000000"),
                      EventFixture.recording(id: "huge", recording: "rec-huge", durationMs: "9000000000000000000")]
        store.apply(decode("[\(events.joined(separator: ","))]", file: "old.json"), to: "old.json")
        var delta = StoreDelta()
        for (key, value) in store.recordings { delta.added[key] = value }
        _ = update(&state, .storeChanged(delta, summary: store.summary, problems: nil, otherEvents: nil, initialLoad: false))
        _ = update(&state, .tick(DashboardFixture.now.advanced(by: 1_000_000_000)))
        let screen = render(state).text
        #expect(screen.contains("5 recordings"))
        #expect(screen.contains("106,751,991,167d 07h"), "the recorded total is held at its bound, not wrapped: \(screen)")
        #expect(screen.contains("326y"))
    }
}
