import Testing
@testable import RecDeckCore
import RecDeckTestSupport

/// The call model: joins by each key, calls with and without call events, participants, state
/// changes, coverage and every anomaly.
@Suite struct CallModelTests {
    /// A store of `files` (name → JSON text).
    func store(_ files: [String: String]) -> RecordingStore {
        var store = RecordingStore()
        for (name, text) in files { store.apply(decode(text, file: name), to: name) }
        return store
    }

    func calls(_ files: [String: String]) -> CallTable { CallTable(source: store(files)) }

    static let t0 = "2026-10-01T08:00:00Z"
    let now = Timestamp(iso8601: "2026-10-01T12:00:00Z")!

    @Test func joinsARecordingAndCallEventsByCallId() throws {
        let table = calls([
            "rec.json": EventFixture.recording(call: "call-1", recording: "rec-1", start: "2026-10-01T08:01:00Z", durationMs: "300000"),
            "started.json": CallFixture.callStarted(call: "call-1", server: nil),
            "ended.json": CallFixture.callEnded(call: "call-1", server: nil, durationSeconds: "600.0"),
        ])
        #expect(table.calls.count == 1)
        let call = try #require(table.calls["call-1"])
        #expect(call.callId == "call-1" && call.serverCallId == nil)
        #expect(call.recordings.map(\.id) == ["rec-1"])
        #expect(call.startTime == Timestamp(iso8601: "2026-10-01T08:00:00Z"))
        #expect(call.endTime == Timestamp(iso8601: "2026-10-01T08:10:00Z"))
        #expect(call.durationMs == 600_000)
        #expect(call.recordedMs == 300_000)
        #expect(call.coverage == 0.5)
        #expect(call.startedBy == "8:acs:alice")
        #expect(call.eventCount == 3)
        #expect(table.callOfRecording["rec-1"] == "call-1")
    }

    @Test func joinsThroughServerCallIdWhenOneSideHasOnlyThat() throws {
        // The recording's subject has both ids; the call events have only the serverCallId.
        let table = calls([
            "rec.json": EventFixture.recording(call: "call-9", recording: "rec-9", serverCallId: "c2VydmVyOQ"),
            "started.json": CallFixture.callStarted(call: nil, server: "c2VydmVyOQ"),
            "ended.json": CallFixture.callEnded(call: nil, server: "c2VydmVyOQ"),
        ])
        #expect(table.calls.count == 1)
        let call = try #require(table.calls["call-9"])
        #expect(call.serverCallId == "c2VydmVyOQ")
        #expect(call.recordings.count == 1 && call.callEvents.count == 2)
    }

    @Test func serverCallIdComesFromTheSubjectWhenDataHasNone() throws {
        let started = CallFixture.callStarted(call: nil, server: nil).replacingOccurrences(of: "call/{serverCallId}/", with: "call/c2VydmVyNw/")
        let table = calls([
            "rec.json": EventFixture.recording(call: "call-7", recording: "rec-7", serverCallId: "c2VydmVyNw"),
            "started.json": started,
        ])
        #expect(table.calls.keys.sorted() == ["call-7"])
        #expect(table.calls["call-7"]?.callEvents.count == 1)
    }

    @Test func joinsARecordingStateChangeByRecordingId() throws {
        // The state change names neither id the recording has, only its recording id.
        let table = calls([
            "rec.json": EventFixture.recording(call: "call-3", recording: "rec-3"),
            "state.json": CallFixture.recordingState(id: "s1", active: true, recording: "rec-3", call: nil, server: "c2VydmVyMw",
                                                     time: "2026-10-01T08:00:00Z"),
        ])
        #expect(table.calls.count == 1)
        let call = try #require(table.calls["call-3"])
        #expect(call.serverCallId == "c2VydmVyMw")
        #expect(call.stateChanges.map(\.state) == ["active"])
    }

    @Test func callWithoutCallEventsTakesItsTimesFromItsRecordings() throws {
        let table = calls([
            "a.json": EventFixture.recording(id: "a", call: "call-2", recording: "r-a", start: "2026-10-01T08:00:00Z", durationMs: "60000"),
            "b.json": EventFixture.recording(id: "b", call: "call-2", recording: "r-b", start: "2026-10-01T08:05:00Z", durationMs: "60000"),
        ])
        let call = try #require(table.calls["call-2"])
        #expect(call.callEvents.isEmpty)
        #expect(call.startTime == Timestamp(iso8601: "2026-10-01T08:00:00Z"))
        #expect(call.endTime == Timestamp(iso8601: "2026-10-01T08:06:00Z"))
        #expect(call.durationMs == 360_000)
        #expect(call.durationFromCallEvents == false)
        #expect(call.recordedMs == 120_000)
        #expect(call.coverage.map { ($0 * 10000).rounded() } == 3333)
        // Recording events only is a normal deployment, not an anomaly.
        #expect(call.anomalies(now: now) == [])
    }

    @Test func callEventsWithoutRecordingsAreAnUnrecordedCall() throws {
        let table = calls([
            "started.json": CallFixture.callStarted(call: "call-4", server: "c2VydmVyNA"),
            "ended.json": CallFixture.callEnded(call: "call-4", server: "c2VydmVyNA", durationSeconds: "49.728617199999995"),
        ])
        let call = try #require(table.calls["call-4"])
        #expect(call.recordings.isEmpty)
        #expect(call.durationMs == 49_729)
        #expect(call.recordedMs == 0)
        #expect(call.coverage == 0)
        #expect(call.anomalies(now: now) == [])
    }

    @Test func overlappingRecordingsCountOnce() throws {
        let table = calls([
            "started.json": CallFixture.callStarted(call: "call-5", time: "2026-10-01T08:00:00Z"),
            "ended.json": CallFixture.callEnded(call: "call-5", time: "2026-10-01T08:02:00Z", durationSeconds: "120"),
            "a.json": EventFixture.recording(id: "a", call: "call-5", recording: "r1", start: "2026-10-01T08:00:00Z", durationMs: "60000"),
            "b.json": EventFixture.recording(id: "b", call: "call-5", recording: "r2", start: "2026-10-01T08:00:30Z", durationMs: "60000"),
        ])
        let call = try #require(table.calls["call-5"])
        #expect(call.recordings.map(\.id) == ["r1", "r2"])
        #expect(call.recordedMs == 90_000)
        #expect(call.coverage == 0.75)
    }

    @Test func participantsOverTime() throws {
        let table = calls([
            "1.json": CallFixture.participant(added: true, id: "p1", user: "8:acs:alice", name: "Alice", time: "2026-10-01T08:00:00Z"),
            "2.json": CallFixture.participant(added: true, id: "p2", user: "8:acs:bob", name: "Bob", time: "2026-10-01T08:01:00Z"),
            "3.json": CallFixture.participant(added: false, id: "p3", user: "8:acs:bob", name: "Bob", time: "2026-10-01T08:03:00Z"),
            "4.json": CallFixture.participant(added: true, id: "p4", user: "8:acs:bob", name: "Bob", time: "2026-10-01T08:05:00Z"),
            "5.json": CallFixture.participant(added: false, id: "p5", user: "8:acs:carol", name: "Carol", time: "2026-10-01T08:06:00Z"),
        ])
        let call = try #require(table.calls["call-1"])
        let t = { (text: String) in Timestamp(iso8601: text) }
        #expect(call.participants.map(\.id) == ["8:acs:alice", "8:acs:bob", "8:acs:carol"])
        #expect(call.participants[0].stays == [.init(joined: t("2026-10-01T08:00:00Z"), left: nil)])
        #expect(call.participants[1].stays == [.init(joined: t("2026-10-01T08:01:00Z"), left: t("2026-10-01T08:03:00Z")),
                                               .init(joined: t("2026-10-01T08:05:00Z"), left: nil)])
        // Removed without having been seen added.
        #expect(call.participants[2].stays == [.init(joined: nil, left: t("2026-10-01T08:06:00Z"))])
        #expect(call.participants[1].displayName == "Bob")
    }

    @Test func stateChangesInTimeOrderMakeActiveIntervals() throws {
        let table = calls([
            "s2.json": CallFixture.recordingState(id: "s2", active: false, time: "2026-10-01T08:04:00Z"),
            "s1.json": CallFixture.recordingState(id: "s1", active: true, time: "2026-10-01T08:09:00Z", startDateTime: "2026-10-01T08:01:00Z"),
            "s3.json": CallFixture.recordingState(id: "s3", active: true, time: "2026-10-01T08:06:00Z"),
            "rec.json": EventFixture.recording(call: "call-1", recording: "rec-1"),
        ])
        let call = try #require(table.calls["call-1"])
        // startDateTime, when given, is when the state began.
        #expect(call.stateChanges.map(\.state) == ["active", "inactive", "active"])
        let t = { (text: String) in Timestamp(iso8601: text) }
        #expect(call.activeIntervals == [
            RecordingActiveInterval(recordingId: "rec-1", start: t("2026-10-01T08:01:00Z"), end: t("2026-10-01T08:04:00Z")),
            RecordingActiveInterval(recordingId: "rec-1", start: t("2026-10-01T08:06:00Z"), end: nil),
        ])
    }

    @Test func endReasonAndEndedByFromTheSpecsShape() throws {
        let table = calls(["ended.json": CallFixture.callEnded(call: "call-6", durationSeconds: "10", specsShape: true, reason: "ReasonCode")])
        let call = try #require(table.calls["call-6"])
        #expect(call.endReason == "ReasonCode")
        #expect(call.endedBy == "8:acs:bob")
        #expect(call.durationMs == 10_000)
        // Without a CallStarted the start is the end less the duration.
        #expect(call.startTime == Timestamp(iso8601: "2026-10-01T08:09:50Z"))
    }

    @Test func nestedStartedByIdentifier() throws {
        let table = calls(["started.json": CallFixture.callStarted(startedBy: "8:acs:nested", nestedIdentifier: true)])
        #expect(table.calls["call-1"]?.startedBy == "8:acs:nested")
    }

    @Test func recordingWithoutAnyCallIdBelongsToNoCall() {
        let text = EventFixture.recording(call: "x", recording: "rec-lonely")
            .replacingOccurrences(of: "/recording/call/x/recordingId/rec-lonely", with: "/recording/recordingId/rec-lonely")
        #expect(calls(["a.json": text]).calls.isEmpty)
    }

    // MARK: - Anomalies

    @Test func recordingStartedNoFileAfterTheGracePeriod() throws {
        let files = [
            "started.json": CallFixture.callStarted(call: "call-8", time: "2026-10-01T08:00:00Z"),
            "state.json": CallFixture.recordingState(id: "s1", active: true, recording: "rec-missing", call: "call-8", time: "2026-10-01T08:00:05Z"),
            "ended.json": CallFixture.callEnded(call: "call-8", time: "2026-10-01T08:10:00Z"),
        ]
        let call = try #require(calls(files).calls["call-8"])
        // 29 minutes after the end: still within the grace period.
        #expect(call.anomalies(now: Timestamp(iso8601: "2026-10-01T08:39:00Z")!) == [.callEndedWhileRecordingActive])
        #expect(call.anomalies(now: Timestamp(iso8601: "2026-10-01T08:41:00Z")!) == [.recordingStartedNoFile, .callEndedWhileRecordingActive])
    }

    @Test func recordingStartedWithItsFileIsNoAnomaly() throws {
        let files = [
            "state.json": CallFixture.recordingState(id: "s1", active: true, recording: "rec-1", time: "2026-10-01T08:00:05Z"),
            "state2.json": CallFixture.recordingState(id: "s2", active: false, recording: "rec-1", time: "2026-10-01T08:00:11Z"),
            "rec.json": EventFixture.recording(call: "call-1", recording: "rec-1"),
        ]
        let call = try #require(calls(files).calls["call-1"])
        #expect(call.anomalies(now: now) == [])
    }

    @Test func recordedLongerThanCall() throws {
        let files = [
            "started.json": CallFixture.callStarted(call: "call-l", time: "2026-10-01T08:00:00Z"),
            "ended.json": CallFixture.callEnded(call: "call-l", time: "2026-10-01T08:01:00Z", durationSeconds: "60"),
            "rec.json": EventFixture.recording(call: "call-l", recording: "r-long", start: "2026-10-01T08:00:00Z", durationMs: "62001"),
        ]
        let call = try #require(calls(files).calls["call-l"])
        #expect(call.anomalies(now: now) == [.recordedLongerThanCall])
        #expect(call.coverage == 1)
        // Within the 2 s tolerance it is not.
        let close = try #require(calls(files.merging(["rec.json": EventFixture.recording(
            call: "call-l", recording: "r-long", start: "2026-10-01T08:00:00Z", durationMs: "62000")]) { $1 }).calls["call-l"])
        #expect(close.anomalies(now: now) == [])
    }

    @Test func callEndedWhileRecordingActive() throws {
        let files = [
            "state.json": CallFixture.recordingState(id: "s1", active: true, time: "2026-10-01T08:00:05Z"),
            "rec.json": EventFixture.recording(call: "call-1", recording: "rec-1"),
            "gone.json": CallFixture.callDisconnected(time: "2026-10-01T08:10:00Z"),
        ]
        let call = try #require(calls(files).calls["call-1"])
        #expect(call.anomalies(now: now) == [.callEndedWhileRecordingActive])
        let stopped = try #require(calls(files.merging(["stop.json": CallFixture.recordingState(
            id: "s2", active: false, time: "2026-10-01T08:09:59Z")]) { $1 }).calls["call-1"])
        #expect(stopped.anomalies(now: now) == [])
    }

    @Test func callFilterTermsMatchCalls() throws {
        let table = calls([
            "a.json": EventFixture.recording(id: "a", call: "call-a", recording: "r-a"),
            "b.json": CallFixture.callStarted(call: "call-b"),
        ])
        let a = try #require(table.calls["call-a"]), b = try #require(table.calls["call-b"])
        let query = { (text: String) in try RecordingQuery(parsing: text) }
        #expect(try query("call:call-a").matches(a, now: now) && !query("call:call-a").matches(b, now: now))
        #expect(try query("rec:r-a").matches(a, now: now) && !query("rec:r-a").matches(b, now: now))
        #expect(try query("alice").matches(b, now: now))
        #expect(try query("-deadLettered:true").matches(a, now: now))
        #expect(try !query("anomaly:recordingStarted").matches(a, now: now))
        #expect(throws: QueryError.self) { try query("deadLettered:maybe") }
    }
}
