import Foundation
import RecDeckTestSupport
import Testing

/// `recdeck calls`: every output format, byte for byte.
@Suite struct CallsCommandTests {
    /// Two calls: one with call events, a participant, a state change and a recording; one known
    /// only from a dead-lettered recording.
    static func directory() -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        directory.write("2026/10/01/started.json", "[\(CallFixture.callStarted(call: "call-1", time: "2026-10-01T08:00:00Z"))]")
        directory.write("2026/10/01/alice.json", "[\(CallFixture.participant(added: true, id: "p1", user: "8:acs:alice", name: "Alice", time: "2026-10-01T08:00:01Z"))]")
        directory.write("2026/10/01/state.json", CallFixture.recordingState(id: "s1", active: true, recording: "rec-1", time: "2026-10-01T08:01:00Z"))
        directory.write("2026/10/01/ended.json", "[\(CallFixture.callEnded(call: "call-1", time: "2026-10-01T08:10:00Z", durationSeconds: "600.0", specsShape: true, reason: #"Ended, by \"user\""#))]")
        directory.write("2026/10/01/rec.json", "[\(EventFixture.recording(id: "e1", call: "call-1", recording: "rec-1", serverCallId: "c2VydmVy", start: "2026-10-01T08:01:00Z", durationMs: "300000"))]")
        directory.write("2026/10/02/rec.json", "[\(EventFixture.recording(id: "e2", call: "call-2", recording: "rec-2", start: "2026-10-02T09:00:00Z", extra: CallFixture.deadLetterMembers(cloudEvents: false)))]")
        return directory
    }

    static let call1 = #"{"callId":"call-1","serverCallId":"c2VydmVy","startTime":"2026-10-01T08:00:00.000Z","endTime":"2026-10-01T08:10:00.000Z","durationMs":600000,"endReason":"Ended, by \"user\"","participants":1,"recordings":["rec-1"],"recordedMs":300000,"coverage":0.5,"events":5,"anomalies":["callEndedWhileRecordingActive"],"deadLettered":false}"#
    static let call2 = #"{"callId":"call-2","serverCallId":null,"startTime":"2026-10-02T09:00:00.000Z","endTime":"2026-10-02T09:00:06.620Z","durationMs":6620,"endReason":null,"participants":0,"recordings":["rec-2"],"recordedMs":6620,"coverage":1,"events":1,"anomalies":[],"deadLettered":true}"#

    @Test func json() {
        let directory = Self.directory()
        let result = CommandRunner.recdeck("calls", directory.path, "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "[\n\(Self.call2),\n\(Self.call1)\n]\n")
    }

    @Test func ndjsonSortedAndFiltered() {
        let directory = Self.directory()
        let sorted = CommandRunner.recdeck("calls", directory.path, "--format", "ndjson", "--sort", "coverage:asc")
        #expect(sorted.stdout == "\(Self.call1)\n\(Self.call2)\n")
        let filtered = CommandRunner.recdeck("calls", directory.path, "--format", "ndjson", "--filter", "deadLettered:true")
        #expect(filtered.stdout == "\(Self.call2)\n")
        let byAnomaly = CommandRunner.recdeck("calls", directory.path, "--format", "ndjson", "--filter", "anomaly:whileRecording")
        #expect(byAnomaly.stdout == "\(Self.call1)\n")
    }

    @Test func csv() {
        let directory = Self.directory()
        let result = CommandRunner.recdeck("calls", directory.path, "--format", "csv")
        #expect(result.stdout == #"""
        callId,serverCallId,startTime,endTime,durationMs,endReason,participants,recordings,recordedMs,coverage,events,anomalies,deadLettered
        call-2,,2026-10-02T09:00:00.000Z,2026-10-02T09:00:06.620Z,6620,,0,rec-2,6620,1,1,,true
        call-1,c2VydmVy,2026-10-01T08:00:00.000Z,2026-10-01T08:10:00.000Z,600000,"Ended, by ""user""",1,rec-1,300000,0.5,5,callEndedWhileRecordingActive,false

        """#)
    }

    @Test func tsv() {
        let directory = Self.directory()
        let result = CommandRunner.recdeck("calls", directory.path, "--format", "tsv")
        #expect(result.stdout == """
        callId\tserverCallId\tstartTime\tendTime\tdurationMs\tendReason\tparticipants\trecordings\trecordedMs\tcoverage\tevents\tanomalies\tdeadLettered
        call-2\t\t2026-10-02T09:00:00.000Z\t2026-10-02T09:00:06.620Z\t6620\t\t0\trec-2\t6620\t1\t1\t\ttrue
        call-1\tc2VydmVy\t2026-10-01T08:00:00.000Z\t2026-10-01T08:10:00.000Z\t600000\tEnded, by "user"\t1\trec-1\t300000\t0.5\t5\tcallEndedWhileRecordingActive\tfalse

        """)
    }

    @Test func table() {
        let directory = Self.directory()
        let result = CommandRunner.recdeck("calls", directory.path, "--utc")
        #expect(result.stdout == """
        START                DURATION  PEOPLE  RECS  RECORDED  COVER  END               CALL    ANOMALIES
        2026-10-02 09:00:00  0m06s     0       1     0m06s     100%   —                 call-2  deadLettered
        2026-10-01 08:00:00  10m00s    1       1     5m00s     50%    Ended, by "user"  call-1  callEndedWhileRecordingActive

        """)
        #expect(result.stderr == "2 of 2 calls\n")
    }

    @Test func badSortIsAUsageError() {
        let directory = Self.directory()
        let result = CommandRunner.recdeck("calls", directory.path, "--sort", "chunks")
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown sort field \"chunks\" for calls"))
    }
}
