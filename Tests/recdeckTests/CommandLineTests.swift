import Foundation
import RecDeckTestSupport
import Testing

/// The command line a newcomer meets (issue 13): misspelt commands, missing directories, option
/// errors with their own command's usage, queries that start with `-`, the `--no-recursive` hint.
@Suite struct CommandLineTests {
    @Test func misspeltCommandSuggestsTheCommand() {
        let result = CommandRunner.recdeck("lsit")
        #expect(result.status == 2)
        #expect(result.stderr == "recdeck: \"lsit\" is neither a command nor a directory; did you mean `recdeck list`?\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func missingDirectorySaysSoUnlessWaitIsGiven() {
        let result = CommandRunner.recdeck("/nonexistent/recdeck-events")
        #expect(result.status == 2)
        #expect(result.stderr.contains("no directory /nonexistent/recdeck-events; give the directory of event files, or add --wait to wait for it to appear"))
        #expect(result.stderr.contains("Usage: recdeck watch"))
        // With --wait the command goes on to the dashboard, which refuses a non-terminal (a different message).
        let waiting = CommandRunner.recdeck("/nonexistent/recdeck-events", "--wait")
        #expect(waiting.status == 2)
        #expect(waiting.stderr.contains("standard input is not a terminal"), "\(waiting.stderr)")
    }

    @Test func optionValueErrorsShowTheirCommandsUsage() {
        let directory = TemporaryDirectory()
        let sort = CommandRunner.recdeck("list", directory.path, "--sort", "foo")
        #expect(sort.status == 2)
        #expect(sort.stderr.contains("--sort: unknown sort field \"foo\""))
        #expect(sort.stderr.contains("Usage: recdeck list <directory>"), "\(sort.stderr)")
        let filter = CommandRunner.recdeck("list", directory.path, "--filter", "dur>1x")
        #expect(filter.status == 2)
        #expect(filter.stderr.contains("Usage: recdeck list <directory>"), "\(filter.stderr)")
        let size = CommandRunner.recdeck("check", directory.path, "--max-file-size", "lots")
        #expect(size.status == 2)
        #expect(size.stderr.contains("Usage: recdeck check <directory>"), "\(size.stderr)")
    }

    @Test func aQueryMayStartWithADash() throws {
        let directory = TemporaryDirectory()
        directory.write("a.json", "[\(EventFixture.recording(id: "1", recording: "mp4-one"))]")
        directory.write("b.json", "[\(EventFixture.recording(id: "2", recording: "wav-one").replacingOccurrences(of: "\"Mp4\"", with: "\"Wav\""))]")
        let result = CommandRunner.recdeck("list", directory.path, "--filter", "-format:mp4", "--format", "ndjson")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stdout.contains("\"recordingId\":\"wav-one\""))
    }

    @Test func checkHintsAtSubDirectoriesWhenNotRecursive() {
        let directory = TemporaryDirectory()
        directory.write("2026/10/a.json", "[\(EventFixture.recording(id: "1"))]")
        directory.write("2026/11/b.json", "[\(EventFixture.recording(id: "2"))]")
        let result = CommandRunner.recdeck("check", directory.path, "--no-recursive")
        #expect(result.status == 0)
        #expect(result.stderr.contains(
            "recdeck: no event files in \(directory.path) itself, but 2 files in its sub-directories; drop --no-recursive to read them"),
            "\(result.stderr)")
        #expect(!CommandRunner.recdeck("check", directory.path).stderr.contains("--no-recursive"))
    }
}
