import RecDeckCore
import RecDeckTestSupport
import RecDeckUI

/// A dashboard state over a few recordings, at a fixed clock, for render and update tests.
enum DashboardFixture {
    static let now = Timestamp(iso8601: "2026-10-01T09:00:00Z")!

    /// Three recordings: a two-chunk one, one with a failed chunk, an old single-chunk one.
    static func store() -> RecordingStore {
        var store = RecordingStore()
        let events = [
            EventFixture.recording(id: "e1", call: "1027c4aa", recording: "rec-multi", eventTime: "2026-10-01T08:58:00Z",
                                   start: "2026-10-01T07:55:55Z", durationMs: "3725000",
                                   chunks: [EventFixture.chunk(index: 1, document: "0-weu-d20-b", endReason: "SessionEnded"),
                                            EventFixture.chunk(index: 0, document: "0-weu-d7-e4", endReason: "ChunkMaximumTimeExceeded")]),
            EventFixture.recording(id: "e2", call: "99ab01ff", recording: "rec-failed", eventTime: "2026-10-01T08:57:00Z",
                                   start: "2026-10-01T07:58:40Z", durationMs: "6000",
                                   chunks: [EventFixture.chunk(index: 0, document: "0-weu-d3-ff", endReason: "ChunkUploadFailure")]),
            EventFixture.recording(id: "e3", call: "55cc0a1b", recording: "rec-old", eventTime: "2026-09-28T10:00:00Z",
                                   start: "2026-09-28T09:00:00Z", durationMs: "120000"),
        ]
        store.apply(decode("[\(events.joined(separator: ","))]", file: "2026/10/01/a.json"), to: "2026/10/01/a.json")
        store.apply(decode("[{", file: "broken.json"), to: "broken.json")
        store.apply(decode(EventFixture.other(), file: "call.json"), to: "call.json")
        return store
    }

    /// A state at `width`×`height` holding `store()`, the first load done.
    static func state(width: Int = 120, height: Int = 40) -> AppState {
        var state = AppState(directory: "~/events", size: (width, height), now: now, utc: true)
        let store = store()
        var delta = StoreDelta()
        for (id, recording) in store.recordings { delta.added[id] = recording }
        _ = update(&state, .feedStatus(.live, notice: nil))
        _ = update(&state, .storeChanged(delta, summary: store.summary, problems: store.problems,
                                         otherEvents: store.otherEvents, initialLoad: true))
        return state
    }
}
