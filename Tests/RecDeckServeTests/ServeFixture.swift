import Foundation
import RecDeckCore
import RecDeckServe
import RecDeckTestSupport

/// A server started in process on an ephemeral loopback port, serving a fresh directory.
final class ServeFixture {
    static let key = "test-key-0123456789"
    let directory = TemporaryDirectory()
    let server: WebhookServer
    let log = LogLines()

    init(maxBody: Int = WebhookServer.Configuration.defaultMaxBody, limits: ServeLimits = ServeLimits()) throws {
        let configuration = WebhookServer.Configuration(
            directory: directory.path, listen: ListenAddress(host: "127.0.0.1", port: 0), key: try ServeKey(Self.key),
            maxBody: maxBody, limits: limits)
        let lines = log
        server = try WebhookServer.start(configuration, log: ServeLog(perRequest: true) { lines.append($0) })
    }

    deinit { server.shutdown(grace: .seconds(5)) }

    /// A new connection to the server.
    func client() throws -> HTTPTestClient { try HTTPTestClient(port: server.port) }

    /// The endpoint's request target with the key.
    var target: String { "/api/events?key=\(Self.key)" }

    /// POSTs `body` with Event Grid's headers on a new connection.
    func post(_ body: String, eventType: String = "Notification", deliveryCount: Int = 1, outputId: String? = nil,
              contentType: String = "application/json") throws -> HTTPTestClient.Response {
        var headers = [("aeg-event-type", eventType), ("aeg-delivery-count", String(deliveryCount)),
                       ("aeg-subscription-name", "RECDECK-TEST"), ("content-type", contentType)]
        if let outputId { headers.append(("aeg-output-event-id", outputId)) }
        return try client().exchange("POST", target, headers: headers, body: body)
    }

    /// Every file under the directory (relative paths, sorted), hidden ones included.
    var files: [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory.path + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { found.append(path) }
        }
        return found.sorted()
    }

    /// What recdeck's reader makes of the directory.
    func scan() throws -> RecordingStore { try DirectoryScanner(root: directory.path).scan() }
}

/// Log lines collected from the server's threads.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

/// Event text in the CloudEvents 1.0 envelope.
enum CloudEventFixture {
    static func recording(id: String, recording: String) -> String {
        """
        {"specversion": "1.0", "id": "\(id)", "type": "\(EventFixture.recordingType)",
         "source": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Communication/CommunicationServices/acs",
         "subject": "/recording/call/call-\(id)/serverCallId/server-\(id)/recordingId/\(recording)",
         "time": "2026-10-01T08:00:10.5Z", "datacontenttype": "application/json",
         "data": {"recordingStorageInfo": {"recordingChunks": [\(EventFixture.chunk(index: 0))]},
                  "recordingStartTime": "2026-10-01T08:00:00Z", "recordingDurationMs": 6620,
                  "sessionEndReason": "CallEnded"}}
        """
    }
}

/// The Event Grid subscription validation delivery.
enum ValidationFixture {
    static let code = "512d38b6-c7b8-40c8-89fe-f46f9e9622b6"
    static let url = "https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/sub/validate?id=512d38b6&t=2026-10-01T08:00:00Z&token=abc"
    static let body = """
        [{"id": "2d1781af-3a4c-4d7c-bd0c-e34b19da4e66", "topic": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Communication/CommunicationServices/acs",
          "subject": "", "data": {"validationCode": "\(code)", "validationUrl": "\(url)"},
          "eventType": "Microsoft.EventGrid.SubscriptionValidationEvent", "eventTime": "2026-10-01T08:00:00Z",
          "metadataVersion": "1", "dataVersion": "1"}]
        """
}
