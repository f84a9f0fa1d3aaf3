import Foundation
import RecDeckTestSupport
import Testing

/// `recdeck serve` with its dashboard, in a real terminal (tmux), receiving over real HTTP.
@Suite(.tags(.terminal)) struct ServeDashboardTests {
    static let key = "dashboard-test-key-7"

    @Test func deliveriesAppearLiveWithTheirCounts() throws {
        let directory = TemporaryDirectory()
        let errors = NSTemporaryDirectory() + "recdeck-serve-dashboard-\(UUID().uuidString).err"
        defer { try? FileManager.default.removeItem(atPath: errors) }
        let command = [CommandRunner.binary, "serve", directory.path, "--listen", "127.0.0.1:0", "--key", Self.key, "--utc"]
            .map(TmuxSession.quoted).joined(separator: " ") + " 2> " + TmuxSession.quoted(errors)
        let session = try TmuxSession(command, width: 160, height: 40)
        var port: Int?
        let deadline = Date().addingTimeInterval(30)
        while port == nil, Date() < deadline {
            let text = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            port = text.split(separator: "\n").first { $0.hasPrefix("recdeck: receiving on ") }.flatMap { ServeProcess.port(in: String($0)) }
            if port == nil { usleep(20_000) }
        }
        let endpoint = try #require(port)
        try session.waitFor("receiving on :\(endpoint) · 0 deliveries")
        let target = "/api/events?key=\(Self.key)"

        let validation = try HTTPTestClient(port: endpoint).exchange(
            "POST", target, headers: [("aeg-event-type", "SubscriptionValidation")], body: """
            [{"id": "v-1", "topic": "/subscriptions/s", "subject": "", "eventType": "Microsoft.EventGrid.SubscriptionValidationEvent",
              "eventTime": "2026-10-01T08:00:00Z", "data": {"validationCode": "CODE-1", "validationUrl": "https://eventgrid.example/validate?id=1"}}]
            """)
        #expect(validation.status == 200)
        try session.waitFor("validation URL: https://eventgrid.example/validate?id=1")

        let event = "[" + EventFixture.recording(id: "live-1", recording: "rec-live-1") + "]"
        let client = try HTTPTestClient(port: endpoint)
        #expect(try client.exchange("POST", target, headers: [("aeg-delivery-count", "1")], body: event).status == 200)
        try session.waitFor("1 recording ")
        #expect(try client.exchange("POST", target, headers: [("aeg-delivery-count", "2")], body: event).status == 200)
        try session.waitFor("(1 of 2 deliveries) · Event Grid delivery count 2")
        let screen = try session.waitFor("receiving on :\(endpoint) · 3 deliveries · last")
        #expect(!screen.contains(Self.key))

        session.sendKeys("q")
        #expect(session.exitStatus() == 0)
        let log = try String(contentsOfFile: errors, encoding: .utf8)
        #expect(log.contains("recdeck: stopped; 3 deliveries stored"))
        let mentions = log.components(separatedBy: Self.key).count - 1
        #expect(mentions == 1, "the key only in the start line")
    }
}
