import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RecDeckCore
@testable import RecDeckFetch
import RecDeckFetchTestSupport
import RecDeckTestSupport
import Testing

/// `ChunkFetcher` against the loopback fake of the recording service: bytes on disk, ranges,
/// resume, redirects, and each failure in words.
@Suite struct ChunkFetcherTests {
    static let key: [UInt8] = Array("fake access key bytes".utf8)
    static let acsHost = "contoso.communication.azure.com"
    static let media = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    static let now = Timestamp(iso8601: "2026-10-04T08:00:00Z")!
    static let eventTime = Timestamp(iso8601: "2026-10-01T08:00:10Z")!

    let service: FakeRecordingService
    let second: FakeRecordingService
    let out = TemporaryDirectory()

    init() throws {
        service = try FakeRecordingService(accessKey: Self.key, acsHost: Self.acsHost)
        second = try FakeRecordingService(host: "127.0.0.2", accessKey: Self.key, acsHost: Self.acsHost)
    }

    func fetcher(key: [UInt8] = Self.key, hosts: [FakeRecordingService]? = nil) throws -> ChunkFetcher {
        let list = try HostAllowList(adding: (hosts ?? [service, second]).map(\.hostPort).joined(separator: ","))
        return ChunkFetcher(signer: RequestSigner(acsHost: Self.acsHost, key: AccessKey(bytes: key)), hosts: list,
                            retry: RetryPolicy(attempts: 3, baseDelay: 0.01))
    }

    func item(_ path: String, part: FetchItem.Part = .media, name: String = "call/rec/chunk-0000-doc.mp4") -> FetchItem {
        FetchItem(recordingId: "rec", part: part, url: URL(string: service.base + path), relativePath: name, lastEventTime: Self.eventTime)
    }

    func bytes(_ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: out.path + "/" + name).map(Array.init)
    }

    @Test func savesTheBytesThenSkipsThemTheNextTime() throws {
        service.set("/v1/objects/doc/content/video", .object(Self.media))
        let result = try fetcher().fetch(item("/v1/objects/doc/content/video"), into: out.path, now: Self.now)
        #expect(result.status == .done && result.bytes == 100_000, "\(result)")
        #expect(bytes("call/rec/chunk-0000-doc.mp4").map { $0 == Self.media } == true, "\(bytes("call/rec/chunk-0000-doc.mp4")?.count ?? -1) bytes on disk")
        #expect(!FileManager.default.fileExists(atPath: out.path + "/call/rec/chunk-0000-doc.mp4.part"))
        let again = try fetcher().fetch(item("/v1/objects/doc/content/video"), into: out.path, now: Self.now)
        #expect(again.status == .alreadyThere)
        #expect(service.requests.count == 1)
        #expect(service.requests[0].headers["x-ms-host"] == Self.acsHost)
    }

    @Test func resumesAPartFileWithARange() throws {
        service.set("/v1/objects/doc/content/video", .object(Self.media))
        out.write("call/rec/chunk-0000-doc.mp4.part", bytes: Array(Self.media.prefix(30_000)))
        let result = try fetcher().fetch(item("/v1/objects/doc/content/video"), into: out.path, now: Self.now)
        #expect(result.status == .done && result.resumedFrom == 30_000, "\(result)")
        #expect(service.requests.map { $0.headers["range"] } == ["bytes=30000-"])
        #expect(service.requests.map(\.status) == [206])
        #expect(bytes("call/rec/chunk-0000-doc.mp4").map { $0 == Self.media } == true, "\(bytes("call/rec/chunk-0000-doc.mp4")?.count ?? -1) bytes on disk")
    }

    @Test func aBrokenStreamResumesFromItsOffset() throws {
        service.set("/v1/objects/doc/content/video", .dropOnce(Self.media))
        let result = try fetcher().fetch(item("/v1/objects/doc/content/video"), into: out.path, now: Self.now)
        #expect(result.status == .done, "\(result)")
        #expect(bytes("call/rec/chunk-0000-doc.mp4").map { $0 == Self.media } == true, "\(bytes("call/rec/chunk-0000-doc.mp4")?.count ?? -1) bytes on disk")
        let requests = service.requests
        #expect(requests.count == 2)
        #expect(requests.first?.headers["range"] == nil)
        #expect(requests.last?.headers["range"] == "bytes=50000-")
        #expect(result.notes.first?.contains("broke at byte 50000") == true, "\(result.notes)")
    }

    @Test func followsARedirectToAnotherHostSigningAgain() throws {
        second.set("/regional/doc/video", .object(Self.media))
        service.set("/v1/objects/doc/content/video", .redirectOnce(to: second.base + "/regional/doc/video", then: .expired))
        let result = try fetcher().fetch(item("/v1/objects/doc/content/video"), into: out.path, now: Self.now)
        #expect(result.status == .done, "\(result)")
        #expect(bytes("call/rec/chunk-0000-doc.mp4").map { $0 == Self.media } == true, "\(bytes("call/rec/chunk-0000-doc.mp4")?.count ?? -1) bytes on disk")
        #expect(service.requests.map(\.status) == [302])
        #expect(second.requests.map(\.status) == [200])
    }

    @Test func aRedirectToAHostOffTheListIsNotFollowed() throws {
        second.set("/regional/doc/video", .object(Self.media))
        service.set("/v1/objects/doc/content/video", .redirectOnce(to: second.base + "/regional/doc/video", then: .expired))
        let result = try fetcher(hosts: [service]).fetch(item("/v1/objects/doc/content/video"), into: out.path, now: Self.now)
        #expect(result.status == .failed)
        #expect(result.message?.contains("refusing to send the signed request over plain HTTP to 127.0.0.2:\(second.port)") == true, "\(result)")
        #expect(second.requests.isEmpty)
    }

    @Test func transientFailuresAreRetried() throws {
        service.set("/v1/objects/doc/content/video", .failFirst(times: 2, status: 503, then: .object(Self.media)))
        let result = try fetcher().fetch(item("/v1/objects/doc/content/video"), into: out.path, now: Self.now)
        #expect(result.status == .done, "\(result)")
        #expect(service.requests.map(\.status) == [503, 503, 200])
        service.set("/v1/objects/doc/content/other", .answer(status: 500, body: [], contentType: "text/plain"))
        let failed = try fetcher().fetch(item("/v1/objects/doc/content/other", name: "o.mp4"), into: out.path, now: Self.now)
        #expect(failed.message == "HTTP 500 Internal Server Error after 3 attempts: the service is failing or busy; run again later (what arrived is kept and resumed).")
    }

    @Test func aWrongKeyIs401WithTheKeyBlamed() throws {
        service.set("/v1/objects/doc/content/video", .object(Self.media))
        let result = try fetcher(key: Array("another key".utf8)).fetch(item("/v1/objects/doc/content/video"), into: out.path, now: Self.now)
        #expect(result.status == .failed)
        #expect(result.message?.hasPrefix("401 Unauthorized: the service refused the signature. Your clock agrees with the server's (within ") == true, "\(result)")
        #expect(result.message?.hasSuffix("so the key is the likely cause. Check that the connection string is the current one (keys are rotated) of the ACS resource that made the recording.") == true)
        #expect(bytes("call/rec/chunk-0000-doc.mp4") == nil)
    }

    @Test func aSkewedClockIs401WithTheOffset() throws {
        let skewed = try FakeRecordingService(accessKey: Self.key, acsHost: Self.acsHost, clockOffset: -20 * 60)
        skewed.set("/v", .object(Self.media))
        let item = FetchItem(recordingId: "rec", part: .media, url: URL(string: skewed.base + "/v"), relativePath: "v.mp4", lastEventTime: nil)
        let result = try fetcher(hosts: [skewed]).fetch(item, into: out.path, now: Self.now)
        #expect(result.message == "401 Unauthorized: the service refused the signature. Your clock is 20m ahead of the server's (its Date header); "
            + "signed requests more than 15 minutes off are refused: set the clock (timedatectl set-ntp true) and run again.", "\(result)")
    }

    @Test func expiredMediaSaysHowOldTheEventIs() throws {
        service.set("/v1/objects/doc/content/video", .expired)
        let result = try fetcher().fetch(item("/v1/objects/doc/content/video"), into: out.path, now: Self.now)
        #expect(result.message == "404 Not Found: media expired: kept 24 h after the recording; this event is 2d old. "
            + "It cannot be fetched any more; fetch new recordings within a day of their event.")
    }

    @Test func forbiddenHTMLAndEmptyBodiesAreExplained() throws {
        service.set("/forbidden", .answer(status: 403, body: [], contentType: "text/plain"))
        service.set("/html", .answer(status: 200, body: Array("<!DOCTYPE html><html><title>Sign in</title></html>".utf8), contentType: "text/html; charset=utf-8"))
        service.set("/bad", .answer(status: 400, body: Array("<html><body>Bad Request</body></html>".utf8), contentType: "text/html"))
        service.set("/empty", .answer(status: 200, body: [], contentType: "application/octet-stream"))
        let fetcher = try fetcher()
        #expect(fetcher.fetch(item("/forbidden", name: "f.mp4"), into: out.path, now: Self.now).message?.hasPrefix("403 Forbidden: the signature was read but this key may not touch this object") == true)
        #expect(fetcher.fetch(item("/html", name: "h.mp4"), into: out.path, now: Self.now).message?.hasPrefix("HTTP 200 with an HTML page where media was expected") == true)
        #expect(fetcher.fetch(item("/bad", name: "b.mp4"), into: out.path, now: Self.now).message?.hasPrefix("400 Bad Request with an HTML page") == true)
        #expect(fetcher.fetch(item("/empty", name: "e.mp4"), into: out.path, now: Self.now).message?.hasPrefix("the service answered with an empty body (0 bytes); nothing saved.") == true)
        for name in ["f.mp4", "h.mp4", "b.mp4", "e.mp4"] {
            #expect(bytes(name) == nil && bytes(name + ".part").map(\.isEmpty) ?? true, "\(name) was kept")
        }
    }

    @Test func a416ForAPartFileStartsAgainFromTheStart() throws {
        service.set("/v", .object(Array(Self.media.prefix(1000))))
        out.write("v.mp4.part", bytes: Array(repeating: 1, count: 5000))
        let result = try fetcher().fetch(FetchItem(recordingId: "r", part: .media, url: URL(string: service.base + "/v"), relativePath: "v.mp4", lastEventTime: nil),
                                         into: out.path, now: Self.now)
        #expect(result.status == .done, "\(result)")
        #expect(service.requests.map(\.status) == [416, 200])
        #expect(bytes("v.mp4").map { $0 == Array(Self.media.prefix(1000)) } == true, "\(bytes("v.mp4")?.count ?? -1) bytes on disk")
        #expect(result.notes == ["416 Range Not Satisfiable for the partial file (5000 bytes): fetched again from the start"])
    }

    @Test func deleteSendsASignedDelete() throws {
        service.set("/v1/objects/doc/content/deletedata", .object([]))
        let item = FetchItem(recordingId: "rec", part: .media, url: URL(string: service.base + "/v1/objects/doc/content/deletedata"), relativePath: "x", lastEventTime: nil)
        #expect(try fetcher().delete(item, now: Self.now).status == .done)
        #expect(service.deleted == ["/v1/objects/doc/content/deletedata"])
        #expect(try fetcher().delete(item, now: Self.now).message?.hasPrefix("404 Not Found") == true)
    }
}

/// The fake's own checks: what it refuses is what the service refuses.
@Suite struct FakeRecordingServiceTests {
    /// Sends `request` and answers its status.
    static func status(_ request: URLRequest) -> Int {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var status = 0
        URLSession.shared.dataTask(with: request) { _, response, _ in
            status = (response as? HTTPURLResponse)?.statusCode ?? 0
            done.signal()
        }.resume()
        done.wait()
        return status
    }

    @Test func aPlainGetOrATamperedPathIs401() throws {
        let service = try FakeRecordingService(accessKey: ChunkFetcherTests.key, acsHost: ChunkFetcherTests.acsHost)
        service.set("/v1/objects/a/content/video", .object([1, 2, 3]))
        service.set("/v1/objects/b/content/video", .object([4, 5, 6]))
        let fetcher = ChunkFetcher(signer: RequestSigner(acsHost: ChunkFetcherTests.acsHost, key: AccessKey(bytes: ChunkFetcherTests.key)),
                                   hosts: try HostAllowList(adding: service.hostPort))
        let a = URL(string: service.base + "/v1/objects/a/content/video")!
        #expect(Self.status(URLRequest(url: a)) == 401)
        var signed = fetcher.request("GET", url: a).request
        #expect(Self.status(signed) == 200)
        signed.url = URL(string: service.base + "/v1/objects/b/content/video")!
        #expect(Self.status(signed) == 401)
        let otherHost = RequestSigner(acsHost: "other.communication.azure.com", key: AccessKey(bytes: ChunkFetcherTests.key))
        #expect(Self.status(ChunkFetcher(signer: otherHost, hosts: fetcher.hosts).request("GET", url: a).request) == 401)
        #expect(Self.status(fetcher.request("GET", url: a, date: Date().addingTimeInterval(16 * 60)).request) == 401)
        #expect(Self.status(fetcher.request("GET", url: a, date: Date().addingTimeInterval(14 * 60)).request) == 200)
        #expect(service.requests.map(\.status) == [401, 200, 401, 401, 401, 200])
    }
}

/// The live progress line's text.
@Suite struct ProgressLineTests {
    @Test func totalsThenEachFileWithRateAndETA() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        let snapshot = FetchProgress.Snapshot(
            filesDone: 1, filesTotal: 4, bytes: 3 << 20, arrived: 2 << 20,
            active: [FetchProgress.Active(name: "call/rec/chunk-0000-doc.mp4", bytes: 1 << 20, total: 4 << 20, startBytes: 0,
                                          started: now.addingTimeInterval(-2))],
            elapsed: 2)
        #expect(ProgressLine.text(snapshot, width: 200, now: now)
            == "1/4 files, 3.0 MiB, 1.0 MiB/s, ETA 3s | chunk-0000-doc.mp4 1.0 MiB/4.0 MiB 25% 512.0 KiB/s ETA 6s")
        #expect(ProgressLine.text(snapshot, width: 20, now: now) == "1/4 files, 3.0 MiB,…")
    }
}
