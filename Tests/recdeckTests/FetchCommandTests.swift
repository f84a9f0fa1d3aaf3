import Foundation
import RecDeckFetchTestSupport
import RecDeckTestSupport
import Testing

/// `recdeck fetch` and `recdeck delete` as a user runs them, against the loopback fake of the
/// recording service (two hosts, for the redirect): bytes on disk, resume, each failure's
/// words, exit codes, and that neither the access key nor any signature reaches the output.
@Suite struct FetchCommandTests {
    static let keyText = "c2VjcmV0LWZha2Uta2V5LWZvci1yZWNkZWNr"
    static let key = Array(Data(base64Encoded: keyText)!)
    static let acsHost = "contoso.communication.azure.com"
    static let connection = "endpoint=https://\(acsHost)/;accesskey=\(keyText)"
    static let media0 = (0..<60_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
    static let media1 = (0..<2_000).map { UInt8(truncatingIfNeeded: $0 &* 13) }
    static let metadata0 = Array(#"{"chunkDocumentId": "doc0", "chunkIndex": 0, "recordingInfo": {"format": "mp4"}}"#.utf8)
    static let metadata1 = Array(#"{"chunkDocumentId": "doc1", "chunkIndex": 1, "recordingInfo": {"format": "mp4"}}"#.utf8)

    let service: FakeRecordingService
    let regional: FakeRecordingService
    let events = TemporaryDirectory()
    let out = TemporaryDirectory()

    init() throws {
        service = try FakeRecordingService(accessKey: Self.key, acsHost: Self.acsHost)
        regional = try FakeRecordingService(host: "127.0.0.2", accessKey: Self.key, acsHost: Self.acsHost)
        let chunks = [EventFixture.chunk(index: 0, document: "doc0", endReason: "ChunkMaximumTimeExceeded", base: service.base),
                      EventFixture.chunk(index: 1, document: "doc1", base: service.base)]
        events.write("events.json", "[" + EventFixture.recording(call: "call-1", recording: "rec-1", chunks: chunks) + "]")
    }

    /// Runs `recdeck ARGS` with the credentials in the environment and both fakes allowed.
    func recdeck(_ arguments: [String], environment: [String: String] = [:]) -> CommandRunner.Result {
        var env = ["COMMUNICATION_SERVICES_CONNECTION_STRING": Self.connection,
                   "RECDECK_FETCH_ALLOW_HOSTS": "\(service.hostPort),\(regional.hostPort)",
                   "RECDECK_NOW": "2026-10-03T08:00:11Z", "XDG_CONFIG_HOME": out.path + "/no-config"]
        for (name, value) in environment { env[name] = value }
        return CommandRunner.run([CommandRunner.binary] + arguments, environment: env, deadline: 60)
    }

    /// Neither the key (as text or in its other spellings) nor any signature the fakes received is in `result`'s output.
    func expectNoSecret(_ result: CommandRunner.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        let output = result.stdout + result.stderr
        #expect(!output.contains(Self.keyText), sourceLocation: sourceLocation)
        #expect(!output.contains(String(decoding: Self.key, as: UTF8.self)), sourceLocation: sourceLocation)
        let signatures = (service.requests + regional.requests).compactMap { $0.headers["authorization"]?.components(separatedBy: "Signature=").last }
        for signature in signatures { #expect(!output.contains(signature), "a signature in the output", sourceLocation: sourceLocation) }
    }

    func file(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: out.path + "/" + relative).map(Array.init)
    }

    @Test func fetchesEveryChunkThroughADropAndARedirectThenSkipsThem() {
        service.set("/v1/objects/doc0/content/video", .dropOnce(Self.media0))
        service.set("/v1/objects/doc0/content/acsmetadata", .redirectOnce(to: regional.base + "/regional/doc0/acsmetadata", then: .expired))
        regional.set("/regional/doc0/acsmetadata", .object(Self.metadata0))
        service.set("/v1/objects/doc1/content/video", .object(Self.media1))
        service.set("/v1/objects/doc1/content/acsmetadata", .object(Self.metadata1))
        let result = recdeck(["fetch", events.path, "--out", out.path, "--parallel", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(file("call-1/rec-1/chunk-0000-doc0.mp4").map { $0 == Self.media0 } == true, "\(file("call-1/rec-1/chunk-0000-doc0.mp4")?.count ?? -1) bytes on disk")
        #expect(file("call-1/rec-1/chunk-0000-doc0.acsmetadata.json").map { $0 == Self.metadata0 } == true, "\(file("call-1/rec-1/chunk-0000-doc0.acsmetadata.json")?.count ?? -1) bytes on disk")
        #expect(file("call-1/rec-1/chunk-0001-doc1.mp4").map { $0 == Self.media1 } == true, "\(file("call-1/rec-1/chunk-0001-doc1.mp4")?.count ?? -1) bytes on disk")
        #expect(file("call-1/rec-1/chunk-0001-doc1.acsmetadata.json").map { $0 == Self.metadata1 } == true, "\(file("call-1/rec-1/chunk-0001-doc1.acsmetadata.json")?.count ?? -1) bytes on disk")
        let lines = result.stdout.split(separator: "\n").map(String.init).sorted()
        #expect(lines == [
            "saved \(out.path)/call-1/rec-1/chunk-0000-doc0.acsmetadata.json (80 B)",
            "saved \(out.path)/call-1/rec-1/chunk-0000-doc0.mp4 (58.6 KiB)",
            "saved \(out.path)/call-1/rec-1/chunk-0001-doc1.acsmetadata.json (80 B)",
            "saved \(out.path)/call-1/rec-1/chunk-0001-doc1.mp4 (2.0 KiB)",
        ], "\(result.stdout)")
        #expect(result.stderr.contains("recdeck: \(out.path)/call-1/rec-1/chunk-0000-doc0.mp4: the stream broke at byte 30000"), "\(result.stderr)")
        #expect(result.stderr.contains("recdeck: fetched 4 files (60.7 KiB) in "), "\(result.stderr)")
        #expect(service.requests.filter { $0.uri == "/v1/objects/doc0/content/video" }.map { $0.headers["range"] } == [nil, "bytes=30000-"])
        expectNoSecret(result)

        let before = service.requests.count + regional.requests.count
        let again = recdeck(["fetch", events.path, "--out", out.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.split(separator: "\n").count == 4)
        #expect(again.stdout.contains("complete \(out.path)/call-1/rec-1/chunk-0001-doc1.mp4 (2.0 KiB, already there)"))
        #expect(again.stderr.contains("fetched 0 files (0 B) in ") && again.stderr.contains(", 4 already complete;"), "\(again.stderr)")
        #expect(service.requests.count + regional.requests.count == before)
    }

    @Test func onlyWhatIsAskedForAndAPartFileIsResumed() {
        service.set("/v1/objects/doc0/content/video", .object(Self.media0))
        out.write("call-1/rec-1/chunk-0000-doc0.mp4.part", bytes: Array(Self.media0.prefix(12_345)))
        let result = recdeck(["fetch", events.path, "--out", out.path, "--what", "media", "--recording", "rec-1", "--filter", "chunks=2"])
        #expect(result.status == 1, "doc1's media is not served: \(result.stderr)")
        #expect(file("call-1/rec-1/chunk-0000-doc0.mp4").map { $0 == Self.media0 } == true, "\(file("call-1/rec-1/chunk-0000-doc0.mp4")?.count ?? -1) bytes on disk")
        #expect(result.stdout.contains("saved \(out.path)/call-1/rec-1/chunk-0000-doc0.mp4 (58.6 KiB, resumed at 12345 bytes)"), "\(result.stdout)")
        #expect(service.requests.map(\.uri).sorted() == ["/v1/objects/doc0/content/video", "/v1/objects/doc1/content/video"])
        #expect(service.requests.first { $0.uri.hasSuffix("doc0/content/video") }?.headers["range"] == "bytes=12345-")
        #expect(file("call-1/rec-1/chunk-0000-doc0.acsmetadata.json") == nil)
    }

    @Test func expiredMediaAndAWrongKeyAreExplainedAndExitOne() {
        service.set("/v1/objects/doc0/content/video", .expired)
        let expired = recdeck(["fetch", events.path, "--out", out.path, "--what", "media"])
        #expect(expired.status == 1)
        #expect(expired.stderr.contains("recdeck: failed \(out.path)/call-1/rec-1/chunk-0000-doc0.mp4: 404 Not Found: media expired: kept 24 h after the recording; this event is 2d old."), "\(expired.stderr)")
        #expect(expired.stderr.contains(", 2 failed; "), "\(expired.stderr)")
        expectNoSecret(expired)

        service.set("/v1/objects/doc1/content/video", .object(Self.media1))
        let wrong = recdeck(["fetch", events.path, "--out", out.path, "--what", "media", "--recording", "rec-1"],
                            environment: ["COMMUNICATION_SERVICES_CONNECTION_STRING": "endpoint=https://\(Self.acsHost)/;accesskey=d3Jvbmcta2V5"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("chunk-0001-doc1.mp4: 401 Unauthorized: the service refused the signature. Your clock agrees with the server's"), "\(wrong.stderr)")
        #expect(!wrong.stderr.contains("d3Jvbmcta2V5"))
        #expect(file("call-1/rec-1/chunk-0001-doc1.mp4") == nil)
        expectNoSecret(wrong)
    }

    @Test func aHostOffTheListIsRefusedWithoutARequest() {
        let chunk = EventFixture.chunk(index: 0, document: "far", base: "https://mirror.example.net")
        events.write("far.json", EventFixture.recording(id: "ev-far", call: "call-2", recording: "rec-far", chunks: [chunk]))
        let result = recdeck(["fetch", events.path, "--out", out.path, "--recording", "rec-far"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("recdeck: failed \(out.path)/call-2/rec-far/chunk-0000-far.mp4: refusing to send the signed request to mirror.example.net:443: it is not an ACS media host"), "\(result.stderr)")
        #expect(service.requests.isEmpty)
    }

    @Test func cannotRunWithoutCredentialsOrWithABadFolder() {
        let none = recdeck(["fetch", events.path, "--out", out.path], environment: ["COMMUNICATION_SERVICES_CONNECTION_STRING": ""])
        #expect(none.status == 2)
        #expect(none.stderr.hasPrefix("recdeck: no credentials: set COMMUNICATION_SERVICES_CONNECTION_STRING, give --connection-string-file PATH"), "\(none.stderr)")
        let bad = recdeck(["fetch", events.path, "--connection-string-file", out.path + "/missing"])
        #expect(bad.status == 2)
        #expect(bad.stderr == "recdeck: --connection-string-file \(out.path)/missing: cannot read the file\n")
        let folder = recdeck(["fetch", events.path + "/nope", "--out", out.path])
        #expect(folder.status == 2, "\(folder.stderr)")
        let value = recdeck(["fetch", events.path, "--connection-string", Self.connection])
        #expect(value.status == 2, "a connection string on the command line is refused")
        #expect(service.requests.isEmpty)
    }

    @Test func credentialsFromTheConfigFile() throws {
        let secret = out.write("secret", "# the ACS resource\n" + Self.connection + "\n")
        let config = out.write("config.toml", "connection_string_file = \"\(secret)\"\ndownload_dir = \"\(out.path)/media\"\n")
        service.set("/v1/objects/doc1/content/acsmetadata", .object(Self.metadata1))
        let result = recdeck(["fetch", events.path, "--config", config, "--what", "metadata"],
                             environment: ["COMMUNICATION_SERVICES_CONNECTION_STRING": ""])
        #expect(result.status == 1, "doc0's metadata is not served")
        #expect(file("media/call-1/rec-1/chunk-0001-doc1.acsmetadata.json").map { $0 == Self.metadata1 } == true, "\(file("media/call-1/rec-1/chunk-0001-doc1.acsmetadata.json")?.count ?? -1) bytes on disk")
        expectNoSecret(result)
    }

    @Test func metadataFetchedIntoTheWatchedFolderIsJoinedNotAProblem() {
        service.set("/v1/objects/doc0/content/acsmetadata", .object(Self.metadata0))
        service.set("/v1/objects/doc1/content/acsmetadata", .object(Array(#"{"chunkDocumentId": "doc1", "chunkIndex": 5, "recordingInfo": {}}"#.utf8)))
        let fetched = recdeck(["fetch", events.path, "--out", events.path + "/recordings", "--what", "metadata"])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        let check = recdeck(["check", events.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let list = recdeck(["list", events.path, "--format", "ndjson"])
        #expect(list.stdout.contains(#""anomalies":["chunkIndexMismatch","mediaExpired"]"#), "\(list.stdout)")
    }

    @Test func dryRunPrintsRequestsAndWhatTheySignButNoSignature() throws {
        out.write("call-1/rec-1/chunk-0001-doc1.mp4", bytes: Self.media1)
        let result = recdeck(["fetch", events.path, "--out", out.path, "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(service.requests.isEmpty)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let dates = lines.filter { $0.hasPrefix("  x-ms-date: ") }.map { String($0.dropFirst("  x-ms-date: ".count)) }
        #expect(dates.count == 3)
        #expect(lines.contains("GET \(service.base)/v1/objects/doc0/content/video -> \(out.path)/call-1/rec-1/chunk-0000-doc0.mp4"))
        #expect(lines.contains("skip \(out.path)/call-1/rec-1/chunk-0001-doc1.mp4: complete"))
        #expect(lines.contains("  Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=(not shown)"))
        #expect(lines.contains("  x-ms-host: \(Self.acsHost)"))
        let date = try #require(dates.first)
        #expect(lines.contains("  string to sign: GET\\n/v1/objects/doc0/content/video\\n\(date);\(Self.acsHost);47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="), "\(result.stdout)")
        for (uri, date) in zip(["/v1/objects/doc0/content/video", "/v1/objects/doc0/content/acsmetadata", "/v1/objects/doc1/content/acsmetadata"], dates) {
            let signature = FakeRecordingService.signature(key: Self.key, method: "GET", uri: uri, date: date, acsHost: Self.acsHost)
            #expect(!(result.stdout + result.stderr).contains(signature))
        }
        expectNoSecret(result)
    }

    @Test func deleteNeedsYesOutsideATerminalThenSendsSignedDeletes() {
        service.set("/v1/objects/doc0/content/deletedata", .object([]))
        service.set("/v1/objects/doc1/content/deletedata", .object([]))
        let refused = recdeck(["delete", events.path, "--recording", "rec-1"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "recdeck: delete needs --yes when standard input is not a terminal (deleting cannot be undone)\n")
        #expect(service.requests.isEmpty)
        let result = recdeck(["delete", events.path, "--recording", "rec-1", "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(service.deleted == ["/v1/objects/doc0/content/deletedata", "/v1/objects/doc1/content/deletedata"])
        #expect(service.requests.allSatisfy { $0.method == "DELETE" && $0.status == 200 })
        #expect(result.stdout == "deleted call-1/rec-1/chunk-0000-doc0\ndeleted call-1/rec-1/chunk-0001-doc1\n")
        expectNoSecret(result)
        let again = recdeck(["delete", events.path, "--recording", "rec-1", "--yes"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("recdeck: failed to delete call-1/rec-1/chunk-0000-doc0: 404 Not Found"), "\(again.stderr)")
        let missing = recdeck(["delete", events.path, "--yes"])
        #expect(missing.status == 2, "--recording is required")
    }
}
