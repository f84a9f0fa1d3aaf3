import Foundation
import RecDeckTestSupport
import Testing

@Suite struct CheckCommandTests {
    @Test func cleanDirectoryExitsZero() {
        let directory = TemporaryDirectory()
        directory.write("a.json", "[\(EventFixture.recording()), \(EventFixture.other())]")
        let result = CommandRunner.recdeck("check", directory.path)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("checked 1 file: 2 events, 1 recording, 1 other event, 0 duplicate deliveries; no problems"))
    }

    @Test func problemsAreListedLikeCompilerDiagnostics() {
        let directory = TemporaryDirectory()
        directory.write("good.json", EventFixture.recording())
        directory.write("sub/bad.json", "[\n  {\"id\": 1,,}\n]")
        let result = CommandRunner.recdeck("check", directory.path)
        #expect(result.status == 1)
        #expect(result.stdout == "sub/bad.json:2:12: expected a string key in object, found ','\n")
        #expect(result.stderr.contains("1 problem"))
    }

    @Test func jsonReport() throws {
        let directory = TemporaryDirectory()
        directory.write("a.json", "[\(EventFixture.recording(id: "x")), \(EventFixture.recording(id: "x"))]")
        directory.write("empty.json", "")
        #expect(mkfifo(directory.path + "/pipe.json", 0o644) == 0)
        let result = CommandRunner.recdeck("check", directory.path, "--format", "json", deadline: 20)
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["files"] as? Int == 3)
        #expect(report["events"] as? Int == 1)
        #expect(report["recordings"] as? Int == 1)
        #expect(report["otherEvents"] as? Int == 0)
        #expect(report["duplicateDeliveries"] as? Int == 1)
        let problems = try #require(report["problems"] as? [[String: Any]])
        #expect(problems.map { $0["file"] as? String } == ["empty.json", "pipe.json"])
        #expect(problems[0]["line"] is NSNull)
        #expect((problems[1]["message"] as? String)?.contains("FIFO") == true)
        #expect(Array(result.stdout.utf8.prefix(9)) == Array("{\"files\":".utf8))
    }

    @Test func cannotRunExitsTwo() {
        #expect(CommandRunner.recdeck("check", "/nonexistent/recdeck").status == 2)
        #expect(CommandRunner.recdeck("check").status == 2)
        #expect(CommandRunner.recdeck("check", ".", "--format", "yaml").status == 2)
    }

    @Test func versionAndHelp() {
        #expect(CommandRunner.recdeck("--version").stdout == "0.1.0\n")
        let help = CommandRunner.recdeck("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("list"))
        #expect(help.stdout.contains("check"))
    }

    @Test func zonelessTimesAreOneNoteNotProblems() {
        let directory = TemporaryDirectory()
        directory.write("a.json", "[\(EventFixture.recording(id: "a", eventTime: "2018-10-12T15:14:11.3028183"))]")
        directory.write("b.json", "[\(EventFixture.recording(id: "b", recording: "rec-2", eventTime: "2018-10-12T15:14:12"))]")
        let result = CommandRunner.recdeck("check", directory.path)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            checked 2 files: 2 events, 2 recordings, 0 other events, 0 duplicate deliveries; no problems
            note: 2 timestamps without a zone (such as 2018-10-12T15:14:11.3028183) read as UTC

            """)
    }

    @Test func conflictingRedeliveryIsAProblemNamingBothFiles() throws {
        // Equal field counts and times: the body digest decides, whichever file it is in. So the
        // same body counts with the files' names swapped.
        var counting: [String] = []
        for durations in [("1000", "2000"), ("2000", "1000")] {
            let directory = TemporaryDirectory()
            directory.write("a.json", "[\(EventFixture.recording(id: "e1", durationMs: durations.0))]")
            directory.write("b.json", "[\(EventFixture.recording(id: "e1", durationMs: durations.1))]")
            let result = CommandRunner.recdeck("check", directory.path)
            #expect(result.status == 1)
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == 1)
            let line = try #require(lines.first)
            let (here, other) = line.hasPrefix("a.json") ? ("a.json", "b.json") : ("b.json", "a.json")
            #expect(line.hasPrefix("\(here): conflicting redelivery: event \"e1\""))
            #expect(line.contains("is also in \(other) with a different body"))
            counting.append(here == "a.json" ? durations.0 : durations.1)
        }
        #expect(counting.count == 2 && counting[0] == counting[1])
    }
}
