import Testing
@testable import RecDeckCore
import RecDeckTestSupport

/// Payload shapes published by the Azure SDKs that `shared/samples` lacks, rewritten with test
/// values (`CallFixture`): the calling server preview's `CallRecordingStateChanged` (the Java and
/// Python `callingserver` SDK models: `recordingId`, `state`, `startDateTime`, `callConnectionId`,
/// `serverCallId`, `correlationId`), and Call Automation callbacks posted as one JSON array of
/// CloudEvents.
@Suite struct PublishedCallShapesTests {
    func table(_ files: [String: String]) -> CallTable {
        var store = RecordingStore()
        for (name, text) in files { store.apply(decode(text, file: name), to: name) }
        #expect(store.problems.isEmpty)
        return CallTable(source: store)
    }

    @Test func theCallingServerPreviewsRecordingStateIsAStateChange() throws {
        let table = table([
            "legacy.json": "[" + [
                CallFixture.legacyRecordingState(id: "l-1", active: true, time: "2026-10-01T08:00:31Z", startDateTime: "2026-10-01T08:00:30Z"),
                CallFixture.legacyRecordingState(id: "l-2", active: false, time: "2026-10-01T08:05:01Z", startDateTime: "2026-10-01T08:05:00Z"),
            ].joined(separator: ",") + "]",
            "rec.json": EventFixture.recording(call: "call-1", recording: "rec-1", start: "2026-10-01T08:00:30Z", durationMs: "270000"),
        ])
        let call = try #require(table.calls["call-1"])
        #expect(call.serverCallId == "c2VydmVy")
        #expect(call.stateChanges.map(\.state) == ["active", "inactive"])
        #expect(call.stateChanges.map(\.recordingId) == ["rec-1", "rec-1"])
        // `startDateTime` is when each state began, as for `RecordingStateChanged`.
        #expect(call.activeIntervals == [RecordingActiveInterval(recordingId: "rec-1", start: Timestamp(iso8601: "2026-10-01T08:00:30Z"),
                                                                 end: Timestamp(iso8601: "2026-10-01T08:05:00Z"))])
        #expect(call.recordings.map(\.id) == ["rec-1"])
        #expect(call.anomalies(now: Timestamp(iso8601: "2026-10-01T12:00:00Z")!) == [])
    }

    @Test func aCallbackArrayOfCloudEventsIsReadEventByEvent() throws {
        let batch = "[" + [
            CallFixture.recordingState(id: "b-1", active: true, recording: "rec-9", call: "call-9", server: "c2VydmVyOQ",
                                       time: "2026-10-01T09:00:01Z", startDateTime: "2026-10-01T09:00:00Z"),
            CallFixture.callDisconnected(id: "b-2", call: "call-9", server: "c2VydmVyOQ", time: "2026-10-01T09:30:00Z"),
        ].joined(separator: ",") + "]"
        let table = table(["callback.json": batch])
        let call = try #require(table.calls["call-9"])
        #expect(call.callEvents.map(\.id) == ["b-1", "b-2"])
        #expect(call.endTime == Timestamp(iso8601: "2026-10-01T09:30:00Z"))
        // Disconnected while the recording never went inactive, and no file for it an hour on.
        #expect(call.anomalies(now: Timestamp(iso8601: "2026-10-01T11:00:00Z")!) == [.recordingStartedNoFile, .callEndedWhileRecordingActive])
    }
}
