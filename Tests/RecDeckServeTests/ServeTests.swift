import Foundation
import NIOCore
import RecDeckCore
import RecDeckServe
import RecDeckTestSupport
import Testing

/// `recdeck serve`'s endpoint in process: real HTTP on an ephemeral loopback port, real files.
@Suite struct WebhookServerTests {
    @Test func eventGridValidationIsAnsweredWithItsCodeAndStored() throws {
        let fixture = try ServeFixture()
        let response = try fixture.post(ValidationFixture.body, eventType: "SubscriptionValidation", deliveryCount: 0)
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.text == "{\"validationResponse\":\"\(ValidationFixture.code)\"}")
        #expect(fixture.server.statistics.lastValidationUrl == ValidationFixture.url)
        let stored = fixture.files.filter { $0.hasSuffix(".json") }
        #expect(stored.count == 1)
        #expect(try String(contentsOfFile: fixture.directory.path + "/" + stored[0], encoding: .utf8) == ValidationFixture.body)
        let store = try fixture.scan()
        #expect(store.otherEvents.map(\.type) == ["Microsoft.EventGrid.SubscriptionValidationEvent"])
        #expect(store.problems.isEmpty)
        #expect(fixture.log.all.contains { $0.contains(ValidationFixture.url) })
    }

    @Test func cloudEventsHandshakeIsGrantedAndStored() throws {
        let fixture = try ServeFixture()
        let response = try fixture.client().exchange("OPTIONS", fixture.target, headers: [
            ("WebHook-Request-Origin", "eventgrid.azure.net"), ("WebHook-Request-Rate", "120")])
        #expect(response.status == 200)
        #expect(response.headers["webhook-allowed-origin"] == "eventgrid.azure.net")
        #expect(response.headers["webhook-allowed-rate"] == "*")
        #expect(response.headers["allow"] == "POST")
        let sidecars = fixture.files.filter { $0.hasSuffix(".headers") }
        #expect(sidecars.count == 1)
        let text = try String(contentsOfFile: fixture.directory.path + "/" + sidecars[0], encoding: .utf8)
        let headers = DeliveryHeaders(parsing: Array(text.utf8))
        #expect(headers[":method"] == "OPTIONS")
        #expect(headers["webhook-request-origin"] == "eventgrid.azure.net")
        #expect(headers["webhook-request-rate"] == "120")
        #expect(!text.contains(ServeFixture.key))
        #expect(try fixture.scan().problems.isEmpty)
    }

    @Test func batchOfAHundredEventsIsStoredAsOneFileExactlyAsSent() throws {
        let fixture = try ServeFixture()
        let body = "[" + (0..<100).map { EventFixture.recording(id: "ev-\($0)", recording: "rec-\($0)") }.joined(separator: ",\n") + "]"
        let response = try fixture.post(body, outputId: "0f2c7c35-7a4b-4e7d-9a3e-000000000100")
        #expect(response.status == 200)
        let stored = fixture.files.filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }
        #expect(stored.count == 1)
        #expect(stored.first?.hasPrefix("received/") == true)
        #expect(stored.first?.hasSuffix("Z-0f2c7c35-7a4b-4e7d-9a3e-000000000100.json") == true)
        #expect(FileManager.default.contents(atPath: fixture.directory.path + "/" + stored[0]) == Data(body.utf8))
        let store = try fixture.scan()
        #expect(store.recordings.count == 100)
        #expect(store.problems.isEmpty)
        #expect(fixture.files.allSatisfy { !($0 as NSString).lastPathComponent.hasPrefix(".") }, "no temporary file is left")
    }

    @Test func cloudEventAndCloudEventsBatchAreStored() throws {
        let fixture = try ServeFixture()
        let single = try fixture.post(CloudEventFixture.recording(id: "ce-1", recording: "rec-ce-1"),
                                      contentType: "application/cloudevents+json; charset=utf-8")
        let batch = try fixture.post("[" + (2...4).map { CloudEventFixture.recording(id: "ce-\($0)", recording: "rec-ce-\($0)") }
            .joined(separator: ",") + "]", contentType: "application/cloudevents-batch+json; charset=utf-8")
        #expect(single.status == 200)
        #expect(batch.status == 200)
        let store = try fixture.scan()
        #expect(Set(store.recordings.keys) == ["rec-ce-1", "rec-ce-2", "rec-ce-3", "rec-ce-4"])
        #expect(store.problems.isEmpty)
        let sidecars = try fixture.files.filter { $0.hasSuffix(".headers") }.map {
            DeliveryHeaders(parsing: Array(try String(contentsOfFile: fixture.directory.path + "/" + $0, encoding: .utf8).utf8))
        }
        #expect(Set(sidecars.compactMap { $0["content-type"] })
            == ["application/cloudevents+json; charset=utf-8", "application/cloudevents-batch+json; charset=utf-8"])
    }

    @Test func redeliveryIsOneEventWithTwoDeliveriesAndEventGridsCount() throws {
        let fixture = try ServeFixture()
        let event = "[" + EventFixture.recording(id: "ev-again", recording: "rec-again") + "]"
        #expect(try fixture.post(event, deliveryCount: 1, outputId: "ev-again").status == 200)
        #expect(try fixture.post(event, deliveryCount: 2, outputId: "ev-again").status == 200)
        let store = try fixture.scan()
        let recording = try #require(store.recordings["rec-again"])
        #expect(recording.events.count == 1)
        #expect(recording.events[0].deliveries.count == 2)
        #expect(recording.events[0].deliveryCount == 2)
        #expect(recording.duplicateDeliveries == 1)
        #expect(store.summary.duplicateDeliveries == 1)
        #expect(store.problems.isEmpty)
    }

    @Test func wrongOrMissingKeyIs401AndStoresNothing() throws {
        let fixture = try ServeFixture()
        let body = "[" + EventFixture.recording() + "]"
        let wrong = try fixture.client().exchange("POST", "/api/events?key=test-key-0123456788", body: body)
        let missing = try fixture.client().exchange("POST", "/api/events", body: body)
        let longer = try fixture.client().exchange("POST", "/api/events", headers: [("x-recdeck-key", ServeFixture.key + "x")], body: body)
        #expect([wrong.status, missing.status, longer.status] == [Int](repeating: 401, count: 3))
        #expect(fixture.files.isEmpty)
        let header = try fixture.client().exchange("POST", "/api/events", headers: [("x-recdeck-key", ServeFixture.key)], body: body)
        #expect(header.status == 200)
        #expect(fixture.log.all.allSatisfy { !$0.contains(ServeFixture.key) })
    }

    @Test func otherPathsAndMethodsAre404And405() throws {
        let fixture = try ServeFixture()
        let path = try fixture.client().exchange("POST", "/api/other?key=\(ServeFixture.key)", body: "[]")
        let method = try fixture.client().exchange("GET", fixture.target)
        #expect(path.status == 404)
        #expect(method.status == 405)
        #expect(method.headers["allow"] == "POST, OPTIONS")
        #expect(fixture.files.isEmpty)
    }

    @Test func bodyOverTheLimitIs413AndStoresNothing() throws {
        let fixture = try ServeFixture(maxBody: 1000)
        let big = "[" + String(repeating: " ", count: 2000) + "]"
        let declared = try fixture.post(big)
        #expect(declared.status == 413)
        // Chunked, so the size is known only as it arrives.
        let client = try fixture.client()
        let chunk = Array(big.utf8)
        client.send(Array("POST \(fixture.target) HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".utf8))
        client.send(Array("\(String(chunk.count, radix: 16))\r\n".utf8) + chunk + Array("\r\n0\r\n\r\n".utf8))
        #expect(try client.readResponse().status == 413)
        #expect(fixture.files.isEmpty)
    }

    @Test func malformedJSONIs400AndKeptUnderRejected() throws {
        let fixture = try ServeFixture()
        let body = "[{\"id\": \"half\", "
        let response = try fixture.post(body)
        #expect(response.status == 400)
        #expect(response.text.hasPrefix("the body is not JSON"))
        let kept = fixture.files.filter { $0.hasPrefix("rejected/") && $0.hasSuffix(".body") }
        #expect(kept.count == 1)
        #expect(FileManager.default.contents(atPath: fixture.directory.path + "/" + kept[0]) == Data(body.utf8))
        #expect(!fixture.files.contains { $0.hasPrefix("received/") })
        #expect(try fixture.scan().problems.isEmpty)
    }

    @Test func clientSendingItsHeadSlowlyIsClosedByTheTimeout() throws {
        var limits = ServeLimits()
        limits.headerTimeout = .milliseconds(300)
        let fixture = try ServeFixture(limits: limits)
        let client = try fixture.client()
        let request = HTTPTestClient.request("POST", fixture.target, headers: [("aeg-event-type", "Notification")], body: Array("[]".utf8))
        // One byte at a time, 100 ms apart: the whole head would take seconds; the server must hang up first.
        var sent = 0
        var closed = false
        while sent < request.count {
            guard client.send([request[sent]]) else {
                closed = true
                break
            }
            sent += 1
            usleep(100_000)
            if sent % 5 == 0, client.isClosedByServer() {
                closed = true
                break
            }
        }
        #expect(closed, "the server kept the connection open for the whole slow head")
        #expect(sent < request.count)
        #expect(fixture.files.isEmpty)
    }

    @Test func keepAliveConnectionServesManyRequests() throws {
        let fixture = try ServeFixture()
        let client = try fixture.client()
        for index in 0..<20 {
            let response = try client.exchange("POST", fixture.target, headers: [("aeg-event-type", "Notification")],
                                               body: "[" + EventFixture.recording(id: "ka-\(index)", recording: "rec-ka-\(index)") + "]")
            #expect(response.status == 200)
            #expect(response.headers["connection"] == "keep-alive")
        }
        #expect(try fixture.scan().recordings.count == 20)
        #expect(fixture.server.statistics.deliveries == 20)
    }

    @Test func garbageIsAnswered400WithoutHarm() throws {
        let fixture = try ServeFixture()
        let client = try fixture.client()
        client.send(Array("\u{01}\u{02} NOT HTTP\r\n\r\n".utf8))
        #expect(try client.readResponse().status == 400)
        let huge = try fixture.client()
        huge.send(Array("POST \(fixture.target) HTTP/1.1\r\nX-Big: \(String(repeating: "a", count: 100_000))\r\n\r\n".utf8))
        #expect(try huge.readResponse().status == 400)
        #expect(try fixture.post("[]").status == 200, "the server still answers")
    }

    @Test func shutdownLetsRequestsInFlightFinish() throws {
        let fixture = try ServeFixture()
        let idle = try fixture.client()
        #expect(try idle.exchange("POST", fixture.target, body: "[]").status == 200)
        let bodies = (0..<3).map { Array(("[" + EventFixture.recording(id: "drain-\($0)", recording: "rec-drain-\($0)") + "]").utf8) }
        let clients = try bodies.map { body in
            let client = try fixture.client()
            let request = HTTPTestClient.request("POST", fixture.target, headers: [("aeg-event-type", "Notification")], body: body)
            client.send(Array(request.dropLast(10)))
            return client
        }
        let deadline = Date().addingTimeInterval(20)
        while fixture.server.statistics.inFlight < 3, Date() < deadline { usleep(5_000) }
        #expect(fixture.server.statistics.inFlight == 3)
        let server = fixture.server
        let stopped = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            server.shutdown(grace: .seconds(20))
            stopped.signal()
        }
        #expect(idle.isClosedByServer(), "an idle connection closes at once")
        for (client, body) in zip(clients, bodies) {
            let request = HTTPTestClient.request("POST", fixture.target, headers: [("aeg-event-type", "Notification")], body: body)
            client.send(Array(request.suffix(10)))
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.headers["connection"] == "close")
        }
        #expect(stopped.wait(timeout: .now() + 20) == .success)
        #expect(try fixture.scan().recordings.count == 3)
        #expect((try? HTTPTestClient(port: fixture.server.port)) == nil, "no longer accepting")
    }

    @Test func connectionsBeyondTheCapAreClosed() throws {
        var limits = ServeLimits()
        limits.maxConnections = 2
        let fixture = try ServeFixture(limits: limits)
        let first = try fixture.client()
        let second = try fixture.client()
        #expect(try first.exchange("POST", fixture.target, body: "[]").status == 200)
        #expect(try second.exchange("POST", fixture.target, body: "[]").status == 200)
        let third = try fixture.client()
        #expect(third.isClosedByServer())
    }
}

/// The pieces the server is made of.
@Suite struct ServeUnitTests {
    @Test func keyMatchesOnlyItself() throws {
        let key = try ServeKey("abcdefgh-123")
        #expect(key.matches(Array("abcdefgh-123".utf8)))
        #expect(!key.matches(Array("abcdefgh-124".utf8)))
        #expect(!key.matches(Array("abcdefgh-12".utf8)))
        #expect(!key.matches(Array("abcdefgh-1234".utf8)))
        #expect(!key.matches([]))
        #expect(throws: ServeError.self) { try ServeKey("short") }
        let generated = ServeKey.generate()
        #expect(!generated.isExplicit)
        #expect(generated.queryText.count == 32)
        #expect(generated.queryText != ServeKey.generate().queryText)
    }

    @Test func listenAddressesParseAndKnowLoopback() throws {
        #expect(try ListenAddress(parsing: "127.0.0.1:8080") == ListenAddress(host: "127.0.0.1", port: 8080))
        #expect(try ListenAddress(parsing: "[::1]:0") == ListenAddress(host: "::1", port: 0))
        #expect(try ListenAddress(parsing: ":9000").host == "127.0.0.1")
        #expect(try ListenAddress(parsing: "localhost:1").isLoopback)
        #expect(try ListenAddress(parsing: "127.1.2.3:1").isLoopback)
        #expect(try !ListenAddress(parsing: "0.0.0.0:1").isLoopback)
        #expect(try !ListenAddress(parsing: "10.0.0.1:1").isLoopback)
        #expect(throws: ServeError.self) { try ListenAddress(parsing: "127.0.0.1") }
        #expect(throws: ServeError.self) { try ListenAddress(parsing: "127.0.0.1:70000") }
    }

    @Test func receivedNamesComeFromTimeAndAPlainId() {
        let time = Timestamp(iso8601: "2026-12-02T06:51:15.123456Z")!
        let name = ReceivedFileName(top: "received", time: time, suffix: "0f2c-AB", random: { "r" })
        #expect(name.bodyPath == "received/2026/12/02/20261202T065115.123456Z-0f2c-AB.json")
        #expect(name.headersPath == "received/2026/12/02/20261202T065115.123456Z-0f2c-AB.headers")
        #expect(ReceivedFileName(top: "received", time: time, suffix: "../../etc/passwd", random: { "r" }).stem
            == "20261202T065115.123456Z-r")
        #expect(ReceivedFileName.headersName(forBody: "20261202T065115.123456Z-0f2c-AB.json") == "20261202T065115.123456Z-0f2c-AB.headers")
        #expect(ReceivedFileName.headersName(forBody: "eventgrid-0001.json") == nil)
        #expect(ReceivedFileName.headersName(forBody: "20261202T065115.123456Z-.json") == nil)
    }

    @Test func headersSidecarRoundTrips() {
        let headers = DeliveryHeaders(fields: [(":method", "POST"), ("aeg-delivery-count", "3"), ("content-type", "a: b")])
        let parsed = DeliveryHeaders(parsing: Array(headers.text.utf8))
        #expect(parsed == headers)
        #expect(parsed.deliveryCount == 3)
        #expect(DeliveryHeaders.keeps("aeg-subscription-name"))
        #expect(!DeliveryHeaders.keeps("x-recdeck-key"))
        #expect(!DeliveryHeaders.keeps("authorization"))
    }
}
