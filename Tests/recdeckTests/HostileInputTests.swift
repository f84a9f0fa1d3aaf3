import Foundation
import RecDeckCore
import RecDeckTestSupport
import Testing

/// Files written badly or by an attacker: every one is reported (or read), nothing crashes or
/// hangs, and every good event beside them still counts — in `check` and in the dashboard.
@Suite(.tags(.terminal)) struct HostileInputTests {
    /// One good recording and every kind of bad file, keyed by the message each must produce.
    static func hostileDirectory() -> (TemporaryDirectory, expected: [String: String]) {
        let directory = TemporaryDirectory()
        directory.write("good.json", "[\(EventFixture.recording(id: "good", recording: "rec-good"))]")
        directory.write("strings.json", EventFixture.recording(id: "strings", recording: "rec-strings", durationMs: "\"6620\""))
        directory.write("truncated.json", String("[\(EventFixture.recording(id: "t", recording: "rec-cut"))]".prefix(120)))
        directory.write("empty.json", "")
        directory.write("binary.json", bytes: (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) })
        directory.write("utf8.json", bytes: Array("[{\"id\": \"".utf8) + [0xC3, 0x28, 0xFF] + Array("\"}]".utf8))
        directory.write("utf16.json", bytes: [0xFF, 0xFE] + Array("[]".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        directory.write("deep.json", String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000))
        directory.write("big.json", "[" + String(repeating: " ", count: 3 << 20) + "]")
        directory.write("nulls.json", #"[{"id": "n", "eventType": "Microsoft.Communication.RecordingFileStatusUpdated", "data": null}]"#)
        directory.write("huge-id.json", "[\(EventFixture.recording(id: "h", recording: String(repeating: "x", count: 1 << 20)))]")
        mkfifo(directory.path + "/fifo.json", 0o644)
        symlink("/dev/null", directory.path + "/device.json")
        symlink(directory.path + "/nowhere.json", directory.path + "/dangling.json")
        try? FileManager.default.createDirectory(atPath: directory.path + "/loop", withIntermediateDirectories: true)
        symlink(directory.path, directory.path + "/loop/back")
        bindSocket(at: directory.path + "/socket.json")
        let expected = [
            "truncated.json": "found end of input",
            "empty.json": "the file is empty",
            "binary.json": "expected",
            "utf8.json": "invalid UTF-8",
            "utf16.json": "UTF-16",
            "deep.json": "nested more than 256 levels deep",
            "big.json": "over the 2097152-byte limit",
            "nulls.json": "no \"data\"",
            "fifo.json": "FIFO",
            "device.json": "character device",
            "dangling.json": "dangling symbolic link",
            "loop/back": "directory link loop",
            "socket.json": "socket",
        ]
        return (directory, expected)
    }

    static func bindSocket(at path: String) {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        close(descriptor)
    }

    @Test func checkReportsEveryHostileFileAndKeepsTheGoodEvents() throws {
        let (directory, expected) = Self.hostileDirectory()
        let result = CommandRunner.recdeck("check", directory.path, "--format", "json", "--max-file-size", "2M", deadline: 60)
        #expect(!result.timedOut)
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let problems = try #require(report["problems"] as? [[String: Any]])
        for (file, message) in expected {
            let found = problems.first { $0["file"] as? String == file }
            #expect((found?["message"] as? String)?.contains(message) == true, "\(file): \(found ?? [:])")
        }
        #expect(report["recordings"] as? Int == 3, "good, numbers-as-strings and the 1 MB id all count")
        let list = CommandRunner.recdeck("list", directory.path, "--format", "json", "--max-file-size", "2M", deadline: 60)
        let recordings = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(Set(recordings.compactMap { ($0["recordingId"] as? String)?.prefix(12) }) == ["rec-good", "rec-strings", "xxxxxxxxxxxx"])
        #expect(recordings.first { $0["recordingId"] as? String == "rec-strings" }?["durationMs"] as? Int == 6620)
    }

    /// A file without read permission, seen by a user who cannot read it (as root: `nobody`, through setpriv).
    @Test func unreadableFileIsReported() throws {
        let directory = TemporaryDirectory()
        chmod(directory.path, 0o755)
        directory.write("good.json", EventFixture.recording())
        let secret = directory.write("secret.json", EventFixture.recording(id: "s", recording: "rec-secret"))
        chmod(secret, 0)
        var command = [CommandRunner.binary, "check", directory.path, "--format", "json"]
        if geteuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                print("unreadableFileIsReported: skipped: running as root and setpriv is missing")
                return
            }
            let asNobody = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            guard CommandRunner.run(asNobody + [CommandRunner.binary, "--version"], environment: [:], deadline: 30).status == 0 else {
                print("unreadableFileIsReported: skipped: user nobody cannot run \(CommandRunner.binary) from here")
                return
            }
            command = asNobody + command
        }
        let result = CommandRunner.run(command, environment: ["HOME": "/tmp"], deadline: 30)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        let problems = try #require(report["problems"] as? [[String: Any]])
        #expect(problems.map { $0["file"] as? String } == ["secret.json"])
        #expect((problems.first?["message"] as? String)?.contains("permission denied") == true)
        #expect(report["recordings"] as? Int == 1)
    }

    @Test func fileDeletedBetweenListingAndReadingIsNotAProblem() throws {
        let directory = TemporaryDirectory()
        directory.write("here.json", EventFixture.recording())
        let scanner = DirectoryScanner(root: directory.path)
        let listing = try scanner.list()
        unlink(directory.path + "/here.json")
        #expect(listing.files == ["here.json"])
        #expect(scanner.read("here.json") == nil)
    }

    @Test func dashboardShowsTheGoodRecordingsAndCountsTheRest() throws {
        let (directory, expected) = Self.hostileDirectory()
        let session = try TmuxSession(recdeck: [directory.path, "--max-file-size", "2M"], width: 120, height: 40)
        try session.waitFor("3 recordings", timeout: 30)
        // Problems count once files have settled (they were written just now).
        try session.waitFor("\(expected.count) problems", timeout: 15)
        session.sendKeys("G")
        let screen = try session.waitFor("xxxxxxxx")
        #expect(!screen.contains(String(repeating: "x", count: 200)), "the 1 MB id is cut to the column")
        // Scrolling past the 1 MB id stays instant: a burst of moves is answered at once.
        for _ in 0..<20 { session.sendKeys("k", "j") }
        session.sendKeys("p")
        try session.waitFor("nested more than 256 levels deep")
        session.sendKeys("Escape", "q")
        #expect(session.exitStatus() == 0)
    }
}
