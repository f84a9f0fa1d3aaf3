import Foundation
import RecDeckCore
import RecDeckTestSupport
import Testing

/// The second adversarial pass: far times, far file times, hang-ups and signals, in the real
/// program under tmux or as a command.
@Suite struct HostileInputRoundTwoTests {
    /// Sets the modification time of `path` to `seconds` since 1970 (2300-01-01 is 10,413,792,000).
    static func setModified(_ path: String, seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        utimensat(AT_FDCWD, path, &times, 0)
    }

    @Test(arguments: [[String](), ["--poll", "0.2"]])
    func farEventAndFileTimesDoNotEndTheDashboard(mode: [String]) throws {
        let directory = TemporaryDirectory()
        directory.write("good.json", EventFixture.recording(id: "g", recording: "rec-good"))
        directory.write("old.json", EventFixture.recording(id: "o", recording: "rec-1700", eventTime: "1700-01-01T00:00:00Z",
                                                           start: "1700-01-01T00:00:00Z"))
        Self.setModified(directory.write("late.json", EventFixture.recording(id: "l", recording: "rec-late")), seconds: 10_413_792_000)
        let session = try TmuxSession(recdeck: [directory.path] + mode, width: 120, height: 40)
        try session.waitFor("3 recordings", timeout: 30)
        // Live: a file from 2300 arrives, a far event arrives, the 2300 file is touched again.
        Self.setModified(directory.write("later.json", EventFixture.recording(id: "k", recording: "rec-later")), seconds: 10_413_792_001)
        directory.write("older.json", EventFixture.recording(id: "p", recording: "rec-1701", eventTime: "1701-01-01T00:00:00Z"))
        try session.waitFor("5 recordings", timeout: 15)
        Self.setModified(directory.path + "/late.json", seconds: 10_413_792_002)
        session.sendKeys("S")
        // Ages in years (326 or so for 1700, a year less for 1701), not "now".
        let screen = try session.waitUntil { $0.range(of: #"32[0-9]y"#, options: .regularExpression) != nil }
        #expect(screen.contains("5 recordings"), "\(screen)")
        session.sendKeys("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func listShowsTheAgeOfAnEventFrom1700() {
        let directory = TemporaryDirectory()
        directory.write("old.json", EventFixture.recording(id: "o", recording: "rec-1700", eventTime: "1700-01-01T00:00:00Z",
                                                           start: "1700-01-01T00:00:00Z"))
        let result = CommandRunner.run([CommandRunner.binary, "list", directory.path], environment: ["RECDECK_NOW": "2026-10-01T09:00:00Z"], deadline: 30)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("326y"), "\(result.stdout)")
    }

    /// A full disk on standard output is an error (status 2, said on standard error); a closed
    /// pipe stays quiet.
    @Test(arguments: ["list DIR", "list DIR --format json", "check DIR", "calls DIR", "config --default"])
    func aFailedWriteOnStandardOutputIsAnError(command: String) {
        let directory = TemporaryDirectory()
        for index in 0..<50 { directory.write("e\(index).json", EventFixture.recording(id: "e\(index)", recording: "rec-\(index)")) }
        directory.write("bad.json", "[{")
        let line = command.replacingOccurrences(of: "DIR", with: TmuxSession.quoted(directory.path))
        let full = CommandRunner.shell("\"$RECDECK\" \(line) > /dev/full")
        #expect(full.status == 2, "\(command): \(full.stderr)")
        #expect(full.stderr.contains("recdeck: cannot write to standard output: No space left on device"), "\(command): \(full.stderr)")
        let closed = CommandRunner.shell("\"$RECDECK\" \(line) | head -c 1 > /dev/null; echo \"status ${PIPESTATUS:-}\"")
        #expect(!closed.stderr.contains("cannot write"), "\(command): \(closed.stderr)")
    }

    /// A demo ended by a signal (here SIGUSR1, which used to kill it outright) removes its folder.
    @Test func aDemoEndedByASignalRemovesItsFolder() throws {
        // A temporary folder of its own (TMPDIR), so demos of tests running beside it do not count.
        let temporary = TemporaryDirectory()
        func demoFolders() -> Set<String> {
            Set(((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []).filter { $0.hasPrefix("recdeck-demo-") })
        }
        let session = try TmuxSession(recdeck: ["demo", "--utc"], width: 120, height: 40, environment: ["TMPDIR": temporary.path])
        try session.waitFor("recordings", timeout: 20)
        let started = demoFolders()
        #expect(started.count == 1)
        let pid = try #require(pid_t(session.format("#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(pid, SIGUSR1)
        #expect(session.exitStatus() == 128 + SIGUSR1)
        // tmux can report the pane dead while the last of the removal is under way: poll for it, with a deadline.
        let deadline = Date().addingTimeInterval(5)
        while !demoFolders().intersection(started).isEmpty, Date() < deadline { usleep(20_000) }
        let left = demoFolders().intersection(started)
        #expect(left.isEmpty, "left behind: \(left.map { (try? FileManager.default.subpathsOfDirectory(atPath: temporary.path + "/" + $0)) ?? [] })")
    }
}

/// Names that cannot be opened as written are reported, never skipped in silence.
@Suite struct UnreadableNameTests {
    /// Creates `name` (raw bytes) under the folder `parent` is open on: a folder, or a file of `text`.
    static func make(_ name: [UInt8], in parent: Int32, text: String? = nil) -> Int32 {
        let cName = name.map { CChar(bitPattern: $0) } + [0]
        guard let text else {
            mkdirat(parent, cName, 0o755)
            return openat(parent, cName, O_RDONLY | O_DIRECTORY)
        }
        let descriptor = openat(parent, cName, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = Array(text.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        return -1
    }

    @Test func nonUTF8NamesAndOverlongPathsAreReported() throws {
        let directory = TemporaryDirectory()
        // Removed with rm, which walks paths longer than PATH_MAX.
        defer { _ = CommandRunner.shell("rm -rf \(TmuxSession.quoted(directory.path))") }
        directory.write("good.json", EventFixture.recording())
        let root = open(directory.path, O_RDONLY | O_DIRECTORY)
        defer { close(root) }
        // Names with a byte that is not UTF-8: a file, and a folder holding a file.
        _ = Self.make(Array("x".utf8) + [0xFF] + Array(".json".utf8), in: root, text: EventFixture.recording(id: "u", recording: "rec-u"))
        let folder = Self.make(Array("f".utf8) + [0xFE], in: root)
        _ = Self.make(Array("inside.json".utf8), in: folder, text: EventFixture.recording(id: "i", recording: "rec-i"))
        close(folder)
        // A folder chain deeper than PATH_MAX, with a good and a broken file at the bottom.
        var parent = dup(root)
        for _ in 0..<24 {
            let child = Self.make(Array(String(repeating: "d", count: 200).utf8), in: parent)
            close(parent)
            parent = child
        }
        _ = Self.make(Array("deep.json".utf8), in: parent, text: EventFixture.recording(id: "deep", recording: "rec-deep"))
        _ = Self.make(Array("broken.json".utf8), in: parent, text: "[{")
        close(parent)
        let result = CommandRunner.recdeck("check", directory.path, "--format", "json")
        #expect(result.status == 1, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let problems = try #require(report["problems"] as? [[String: Any]])
        let messages = problems.compactMap { $0["message"] as? String }
        #expect(messages.filter { $0.contains("not valid UTF-8") }.count == 2, "\(messages)")
        #expect(messages.filter { $0.contains("longer than PATH_MAX (4096 bytes)") }.count == 1, "\(messages)")
        #expect(report["recordings"] as? Int == 1)
    }
}

/// A file in a folder that is readable but not searchable (`r--`): `check` and the dashboard, in
/// both watch modes, count the same problem (seen by a user without the permission: `nobody`).
@Suite struct UnsearchableFolderTests {
    static let asNobody = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]

    @Test(arguments: [[String](), ["--poll", "0.2"]])
    func checkAndTheDashboardAgree(mode: [String]) throws {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: Self.asNobody[0]),
              CommandRunner.run(Self.asNobody + [CommandRunner.binary, "--version"], environment: [:], deadline: 30).status == 0 else {
            print("checkAndTheDashboardAgree: skipped: needs root, setpriv and a binary user nobody can run")
            return
        }
        let directory = TemporaryDirectory()
        chmod(directory.path, 0o755)
        chmod(directory.write("good.json", EventFixture.recording()), 0o644)
        chmod(directory.write("locked/hidden.json", EventFixture.recording(id: "h", recording: "rec-hidden")), 0o644)
        chmod(directory.path + "/locked", 0o444)
        let check = CommandRunner.run(Self.asNobody + [CommandRunner.binary, "check", directory.path], environment: ["HOME": "/tmp"], deadline: 30)
        #expect(check.stdout.contains("locked/hidden.json") && check.stdout.contains("permission denied"), "\(check.stdout)")
        let line = (Self.asNobody + [CommandRunner.binary, directory.path] + mode).map(TmuxSession.quoted).joined(separator: " ")
        let session = try TmuxSession(line, width: 120, height: 40, environment: ["HOME": "/tmp"])
        let screen = try session.waitFor("1 recording ·", timeout: 20)
        try session.waitFor("1 problem", timeout: 15)
        session.sendKeys("p")
        try session.waitFor("permission denied")
        session.sendKeys("Escape", "q")
        #expect(session.exitStatus() == 0, "\(screen)")
    }
}
