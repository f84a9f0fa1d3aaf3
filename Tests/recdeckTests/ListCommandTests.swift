import Foundation
import RecDeckTestSupport
import Testing

@Suite struct ListCommandTests {
    func jsonArray(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func jsonFollowsTheContract() throws {
        let directory = TemporaryDirectory()
        directory.write("2026/10/01/a.json", "[\(EventFixture.recording(id: "e1", recording: "r1", serverCallId: "c2VydmVy", start: "2026-10-01T08:00:00.1234567+02:00"))]")
        let result = CommandRunner.recdeck("list", directory.path, "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let expected = """
        [
        {"recordingId":"r1","callId":"call-1","serverCallId":"c2VydmVy","startTime":"2026-10-01T06:00:00.123Z",\
        "durationMs":6620,"sessionEndReason":"CallEnded","contentType":"AudioVideo","channelType":"Mixed","formatType":"Mp4",\
        "chunks":[{"index":0,"documentId":"0-weu-d7-doc","endReason":"SessionEnded",\
        "contentLocation":"https://storage.asm.skype.com/v1/objects/0-weu-d7-doc/content/video",\
        "metadataLocation":"https://storage.asm.skype.com/v1/objects/0-weu-d7-doc/content/acsmetadata",\
        "deleteLocation":"https://storage.asm.skype.com/v1/objects/0-weu-d7-doc/content/deletedata"}],\
        "events":[{"id":"e1","file":"2026/10/01/a.json","eventTime":"2026-10-01T08:00:10.500Z"}],\
        "duplicateDeliveries":0,"anomalies":["mediaExpired"],"deadLettered":false}
        ]

        """
        #expect(result.stdout == expected)
    }

    @Test func missingValuesAreNullAndOrderIsNewestFirstThenId() throws {
        let directory = TemporaryDirectory()
        directory.write("a.json", """
        [\(EventFixture.recording(id: "1", recording: "b", start: "2026-10-01T08:00:00Z")),
         \(EventFixture.recording(id: "2", recording: "a", start: "2026-10-01T08:00:00Z")),
         \(EventFixture.recording(id: "3", recording: "c", start: "2026-10-02T08:00:00Z")),
         \(EventFixture.recording(id: "4", recording: "d", start: nil, durationMs: "null"))]
        """)
        let result = CommandRunner.recdeck("list", directory.path, "--format", "json")
        let recordings = try jsonArray(result.stdout)
        #expect(recordings.map { $0["recordingId"] as? String } == ["c", "a", "b", "d"])
        #expect(recordings[3]["startTime"] is NSNull)
        #expect(recordings[3]["durationMs"] is NSNull)
        #expect((recordings[3]["anomalies"] as? [String])?.contains("noDuration") == true)

        let ascending = CommandRunner.recdeck("list", directory.path, "--format", "ndjson", "--sort", "start:asc")
        let lines = ascending.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.first?.contains("\"recordingId\":\"a\"") == true)
    }

    @Test func redeliveredEventCountsOnce() throws {
        let directory = TemporaryDirectory()
        directory.write("a.json", "[\(EventFixture.recording(id: "same"))]")
        directory.write("b.json", "[\(EventFixture.recording(id: "same"))]")
        let recordings = try jsonArray(CommandRunner.recdeck("list", directory.path, "--format", "json").stdout)
        #expect(recordings.count == 1)
        #expect(recordings[0]["duplicateDeliveries"] as? Int == 1)
        #expect((recordings[0]["events"] as? [[String: Any]])?.first?["file"] as? String == "a.json")
    }

    @Test func truncatedFileBesideGoodOnes() throws {
        let directory = TemporaryDirectory()
        directory.write("good.json", "[\(EventFixture.recording(id: "1", recording: "good"))]")
        directory.write("cut.json", String("[\(EventFixture.recording(id: "2", recording: "cut"))]".prefix(80)))
        let result = CommandRunner.recdeck("list", directory.path, "--format", "json")
        #expect(result.status == 0)
        #expect(try jsonArray(result.stdout).map { $0["recordingId"] as? String } == ["good"])
        #expect(result.stderr.contains("1 problem"))
        #expect(result.stderr.contains("recdeck check"))
    }

    @Test func fifoNamedJSONDoesNotHang() throws {
        let directory = TemporaryDirectory()
        directory.write("good.json", EventFixture.recording())
        #expect(mkfifo(directory.path + "/pipe.json", 0o644) == 0)
        let result = CommandRunner.recdeck("list", directory.path, "--format", "json", deadline: 20)
        #expect(!result.timedOut)
        #expect(result.status == 0)
        #expect(try jsonArray(result.stdout).count == 1)
    }

    @Test func directorySymlinkLoopEnds() throws {
        let directory = TemporaryDirectory()
        directory.write("a/x.json", EventFixture.recording())
        #expect(symlink(directory.path + "/a", directory.path + "/a/again") == 0)
        let result = CommandRunner.recdeck("list", directory.path, "--format", "json", deadline: 20)
        #expect(!result.timedOut)
        #expect(try jsonArray(result.stdout).count == 1)
    }

    @Test func filterAndItsErrors() throws {
        let directory = TemporaryDirectory()
        directory.write("a.json", """
        [\(EventFixture.recording(id: "1", recording: "short", durationMs: "5000")),
         \(EventFixture.recording(id: "2", recording: "long", durationMs: "600000"))]
        """)
        let long = CommandRunner.recdeck("list", directory.path, "--format", "json", "--filter", "dur>1m")
        #expect(try jsonArray(long.stdout).map { $0["recordingId"] as? String } == ["long"])
        let bad = CommandRunner.recdeck("list", directory.path, "--filter", "dur>5x")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("5x"))
        #expect(bad.stdout.isEmpty)
        let badSort = CommandRunner.recdeck("list", directory.path, "--sort", "colour")
        #expect(badSort.status == 2)
        #expect(badSort.stderr.contains("colour"))
    }

    @Test func csvTsvAndTable() throws {
        let directory = TemporaryDirectory()
        directory.write("a.json", "[\(EventFixture.recording(id: "1", recording: "r,1"))]")
        let csv = CommandRunner.recdeck("list", directory.path, "--format", "csv").stdout.split(separator: "\n")
        #expect(csv.count == 2)
        #expect(csv[0].hasPrefix("recordingId,callId,serverCallId,startTime,durationMs"))
        #expect(csv[1].hasPrefix("\"r,1\",call-1,,2026-10-01T08:00:00.123Z,6620,CallEnded"))
        let tsv = CommandRunner.recdeck("list", directory.path, "--format", "tsv").stdout.split(separator: "\n")
        #expect(tsv[1].split(separator: "\t", omittingEmptySubsequences: false).count == 16)
        let table = CommandRunner.recdeck("list", directory.path, "--utc")
        #expect(table.stdout.hasPrefix("START"))
        #expect(table.stdout.contains("2026-10-01 08:00:00"))
        #expect(table.stdout.contains("r,1"))
        #expect(table.stderr == "1 of 1 recording\n", "one recording, in the singular")
    }

    @Test func controlCharactersNeverReachTheOutput() throws {
        let directory = TemporaryDirectory()
        directory.write("a.json", "[\(EventFixture.recording(id: "1", recording: #"evil\u001b]0;pwned\u0007\u009b31m"#))]")
        for format in ["table", "csv", "tsv", "json", "ndjson"] {
            let result = CommandRunner.recdeck("list", directory.path, "--format", format)
            #expect(result.status == 0)
            #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B }, "\(format)")
            #expect(result.stdout.contains("\\u001b"), "\(format)")
        }
    }

    @Test func closedPipeExitsQuietly() {
        let directory = TemporaryDirectory()
        let events = (0..<3000).map { EventFixture.recording(id: "e\($0)", recording: "r\($0)") }
        directory.write("many.json", "[" + events.joined(separator: ",") + "]")
        let result = CommandRunner.shell("\"$RECDECK\" list '\(directory.path)' --format ndjson | head -1; echo \"status=$?\"")
        #expect(result.stdout.hasSuffix("status=0\n"))
        #expect(result.stdout.split(separator: "\n").count == 2)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test func missingDirectoryCannotRun() {
        let result = CommandRunner.recdeck("list", "/nonexistent/recdeck")
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/recdeck"))
    }
}
