import Foundation
import RecDeckCore
import RecDeckTestSupport
import Testing

/// `recdeck serve` as users run it: the built binary, real HTTP, real signals.
@Suite struct ServeCommandTests {
    static let key = "serve-test-key-42"

    @Test func startLineGivesTheEndpointAndTheKeyNeverAppearsAgain() throws {
        let directory = TemporaryDirectory()
        let serve = try ServeProcess([directory.path + "/events", "--headless", "--listen", "127.0.0.1:0"])
        let line = try #require(serve.startLine, "\(serve.standardError)")
        let key = String(line.split(separator: "?key=").last ?? "")
        #expect(line == "recdeck: receiving on http://127.0.0.1:\(serve.port)/api/events?key=\(key)")
        #expect(key.count == 32, "a generated key")
        let client = try HTTPTestClient(port: serve.port)
        #expect(try client.exchange("POST", "/api/events?key=\(key)", body: "[\(EventFixture.recording())]").status == 200)
        #expect(try HTTPTestClient(port: serve.port).exchange("POST", "/api/events?key=\(key)x", body: "[]").status == 401)
        serve.send(SIGINT)
        #expect(serve.waitForExit() == 0)
        let after = serve.standardError.split(separator: "\n").filter { !$0.hasPrefix("recdeck: receiving on ") }
        #expect(after.count >= 3, "one line per request and the stop lines: \(after)")
        #expect(after.allSatisfy { !$0.contains(key) })
        #expect(CommandRunner.recdeck("list", directory.path + "/events", "--format", "json").stdout.contains("\"rec-1\""))
    }

    @Test func nonLoopbackAddressWithoutAKeyIsRefused() throws {
        let directory = TemporaryDirectory()
        let refused = CommandRunner.run([CommandRunner.binary, "serve", directory.path, "--headless", "--listen", "0.0.0.0:0"],
                                        environment: ["RECDECK_SERVE_KEY": ""], deadline: 30)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("refusing to listen on 0.0.0.0"))
        let keyFile = directory.write("key", Self.key + "\n")
        let serve = try ServeProcess([directory.path, "--headless", "--listen", "0.0.0.0:0", "--key-file", keyFile])
        #expect(serve.startLine?.hasSuffix("?key=\(Self.key)") == true, "\(serve.standardError)")
        #expect(try HTTPTestClient(port: serve.port).exchange("POST", "/api/events", headers: [("x-recdeck-key", Self.key)],
                                                               body: "[]").status == 200)
        serve.send(SIGTERM)
        #expect(serve.waitForExit() == 0)
    }

    @Test func keyFromTheEnvironment() throws {
        let directory = TemporaryDirectory()
        let serve = try ServeProcess([directory.path, "--headless", "--listen", "127.0.0.1:0"], environment: ["RECDECK_SERVE_KEY": Self.key])
        #expect(serve.startLine?.hasSuffix("?key=\(Self.key)") == true, "\(serve.standardError)")
        serve.send(SIGTERM)
        #expect(serve.waitForExit() == 0)
    }

    /// A directory the server cannot write: 503 (Event Grid retries), nothing half-written. As root
    /// permissions do not stop writes, so the server then runs as user nobody (through setpriv).
    @Test func unwritableDirectoryIs503() throws {
        let directory = TemporaryDirectory()
        var prefix: [String] = []
        if geteuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                print("unwritableDirectoryIs503: skipped: running as root and setpriv is missing")
                return
            }
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            guard CommandRunner.run(prefix + [CommandRunner.binary, "--version"], environment: [:], deadline: 30).status == 0 else {
                print("unwritableDirectoryIs503: skipped: user nobody cannot run \(CommandRunner.binary) from here")
                return
            }
        }
        chmod(directory.path, 0o555)
        defer { chmod(directory.path, 0o755) }
        let serve = try ServeProcess([directory.path, "--headless", "--listen", "127.0.0.1:0", "--key", Self.key],
                                     environment: ["HOME": "/tmp"], prefix: prefix)
        let response = try HTTPTestClient(port: serve.port).exchange("POST", "/api/events?key=\(Self.key)",
                                                                      body: "[\(EventFixture.recording())]")
        #expect(response.status == 503)
        #expect(response.text.contains("Permission denied"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        serve.send(SIGTERM)
        #expect(serve.waitForExit() == 0)
        #expect(serve.standardError.contains(" 503 "))
    }

    @Test func sigtermClosesIdleConnectionsAndExits() throws {
        let directory = TemporaryDirectory()
        let serve = try ServeProcess([directory.path, "--headless", "--listen", "127.0.0.1:0", "--key", Self.key])
        let idle = try HTTPTestClient(port: serve.port)
        #expect(try idle.exchange("POST", "/api/events?key=\(Self.key)", body: "[\(EventFixture.recording())]").status == 200)
        serve.send(SIGTERM)
        #expect(idle.isClosedByServer())
        #expect(serve.waitForExit() == 0)
        #expect(serve.standardError.contains("recdeck: stopped; 1 delivery stored"))
    }

    /// Concurrent deliveries, the server killed (SIGKILL) at a random moment: every delivery that
    /// was answered 200 is on disk, whole and readable, and `recdeck check` finds nothing wrong.
    @Test func everyDeliveryAnswered200SurvivesSIGKILL() throws {
        let directory = TemporaryDirectory()
        let serve = try ServeProcess([directory.path, "--headless", "--listen", "127.0.0.1:0", "--key", Self.key])
        let port = serve.port
        let acknowledged = Acknowledged()
        let group = DispatchGroup()
        for worker in 0..<8 {
            DispatchQueue.global().async(group: group) {
                guard let client = try? HTTPTestClient(port: port, timeout: 10) else { return }
                for index in 0..<10_000 {
                    let id = "crash-\(worker)-\(index)"
                    let body = "[" + EventFixture.recording(id: id, recording: "rec-\(id)") + "]"
                    guard let response = try? client.exchange("POST", "/api/events?key=\(Self.key)", body: body) else { return }
                    if response.status == 200 { acknowledged.add(id) }
                }
            }
        }
        let deadline = Date().addingTimeInterval(30)
        let target = Int.random(in: 20...400)
        while acknowledged.count < target, Date() < deadline { usleep(1_000) }
        serve.send(SIGKILL)
        #expect(group.wait(timeout: .now() + 30) == .success)
        #expect(serve.waitForExit() != nil)
        let ids = acknowledged.all
        #expect(ids.count >= target)
        let store = try DirectoryScanner(root: directory.path).scan()
        let missing = ids.filter { store.recordings["rec-\($0)"] == nil }
        #expect(missing.isEmpty, "answered 200 but not on disk: \(missing.prefix(5))")
        #expect(store.problems.isEmpty, "\(store.problems.prefix(3))")
        let check = CommandRunner.recdeck("check", directory.path)
        #expect(check.status == 0, "\(check.stderr)")
    }
}

/// Event ids answered 200, collected from several threads.
private final class Acknowledged: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String] = []

    func add(_ id: String) { lock.withLock { ids.append(id) } }
    var count: Int { lock.withLock { ids.count } }
    var all: [String] { lock.withLock { ids } }
}
