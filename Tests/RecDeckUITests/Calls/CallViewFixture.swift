import RecDeckCore
import RecDeckTestSupport
import RecDeckUI

/// A store with one call told by its call events (10 minutes, two participants, two recording
/// stretches with an unrecorded minute between) and two recordings, the second with a missing
/// and a failed chunk; plus the dashboard fixture's recordings.
enum CallViewFixture {
    static let events: [String] = [
        CallFixture.callStarted(id: "cs-1", time: "2026-10-01T08:00:00Z"),
        CallFixture.participant(added: true, id: "pa-1", user: "8:acs:alice", name: "Alice", time: "2026-10-01T08:00:00Z"),
        CallFixture.participant(added: true, id: "pa-2", user: "8:acs:bob", name: "Bob", time: "2026-10-01T08:02:00Z"),
        CallFixture.participant(added: false, id: "pr-2", user: "8:acs:bob", name: "Bob", time: "2026-10-01T08:06:00Z"),
        CallFixture.recordingState(id: "rs-1", active: true, recording: "rec-1", time: "2026-10-01T08:00:30Z"),
        CallFixture.recordingState(id: "rs-2", active: false, recording: "rec-1", time: "2026-10-01T08:04:00Z"),
        CallFixture.recordingState(id: "rs-3", active: true, recording: "rec-2", time: "2026-10-01T08:05:00Z"),
        CallFixture.recordingState(id: "rs-4", active: false, recording: "rec-2", time: "2026-10-01T08:09:30Z"),
        CallFixture.callEnded(id: "ce-1", time: "2026-10-01T08:10:00Z", durationSeconds: "600.0"),
        EventFixture.recording(id: "r-1", call: "call-1", recording: "rec-1", eventTime: "2026-10-01T08:04:10Z",
                               start: "2026-10-01T08:00:30Z", durationMs: "210000"),
        EventFixture.recording(id: "r-2", call: "call-1", recording: "rec-2", eventTime: "2026-10-01T08:09:40Z",
                               start: "2026-10-01T08:05:00Z", durationMs: "270000",
                               chunks: [EventFixture.chunk(index: 0, document: "doc-a", endReason: "ChunkMaximumTimeExceeded"),
                                        EventFixture.chunk(index: 2, document: "doc-c", endReason: "ChunkUploadFailure")]),
    ]

    static func store() -> RecordingStore {
        var store = DashboardFixture.store()
        store.apply(decode("[\(events.joined(separator: ","))]", file: "calls/call-1.json"), to: "calls/call-1.json")
        return store
    }

    /// The call `call-1` as the call model builds it.
    static func call() -> Call {
        CallTable(source: store()).calls["call-1"]!
    }
}
