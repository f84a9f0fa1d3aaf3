import Foundation
import RecDeckCore
import RecDeckTestSupport
import Testing

/// The config file from the command line: flags win over the file, the file over the defaults.
@Suite struct ConfigCommandTests {
    func recordings(_ result: CommandRunner.Result) throws -> [String] {
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return list.compactMap { $0["recordingId"] as? String }
    }

    @Test func precedence() throws {
        let directory = TemporaryDirectory()
        directory.write("a.json", "[\(EventFixture.recording(id: "1", recording: "long", durationMs: "600000")), \(EventFixture.recording(id: "2", recording: "short", start: "2026-10-02T08:00:00Z", durationMs: "1000"))]")
        directory.write("sub/b.json", EventFixture.recording(id: "3", recording: "nested"))
        let config = directory.write("config.toml", "sort = \"duration:asc\"\nrecursive = false\n")
        // The file: its sort, not recursive.
        #expect(try recordings(CommandRunner.recdeck("list", directory.path, "--format", "json", "--config", config)) == ["short", "long"])
        // A flag wins over the file.
        #expect(try recordings(CommandRunner.recdeck("list", directory.path, "--format", "json", "--config", config, "--sort", "duration:desc")) == ["long", "short"])
        // The default location, through XDG_CONFIG_HOME.
        let xdg = TemporaryDirectory()
        xdg.write("recdeck/config.toml", "sort = \"duration:asc\"\n")
        let viaXDG = CommandRunner.run([CommandRunner.binary, "list", directory.path, "--format", "json"],
                                       environment: ["XDG_CONFIG_HOME": xdg.path], deadline: 30)
        #expect(try recordings(viaXDG) == ["short", "nested", "long"])
        // No file: the defaults (newest start first, recursive).
        let empty = TemporaryDirectory()
        let defaults = CommandRunner.run([CommandRunner.binary, "list", directory.path, "--format", "json"],
                                         environment: ["XDG_CONFIG_HOME": empty.path], deadline: 30)
        #expect(try recordings(defaults) == ["short", "long", "nested"])
    }

    @Test func invalidConfigSaysWhereAndWhatToDo() {
        let directory = TemporaryDirectory()
        let config = directory.write("config.toml", "utc = true\nsort = \"colour\"\n")
        let result = CommandRunner.recdeck("list", directory.path, "--config", config)
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(config):2: unknown sort field \"colour\""))
        #expect(result.stderr.contains("recdeck config --default"))
        #expect(result.stdout.isEmpty)
        #expect(CommandRunner.recdeck("config", "--check", config).status == 1)
    }

    @Test func defaultFilePrintsAndChecksClean() {
        let printed = CommandRunner.recdeck("config", "--default")
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("[keys]\nquit = [\"q\", \"ctrl-c\"]"))
        let directory = TemporaryDirectory()
        let path = directory.write("config.toml", printed.stdout)
        let check = CommandRunner.recdeck("config", "--check", path)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(CommandRunner.recdeck("config").status == 2, "one of --default, --path, --check")
    }

    @Test func remappedKeysWorkInTheDashboard() throws {
        let directory = TemporaryDirectory()
        directory.write("a.json", EventFixture.recording())
        let config = directory.write("config.toml", "[keys]\nquit = [\"x\"]\nhelp = [\"f1\"]\n")
        let session = try TmuxSession(recdeck: [directory.path, "--config", config], width: 120, height: 40)
        try session.waitFor("1 recording ·")
        try session.waitFor("x quit")
        session.sendKeys("q")
        session.sendKeys("F1")
        try session.waitFor("this help")
        session.sendKeys("Escape", "x")
        #expect(session.exitStatus() == 0)
    }
}
