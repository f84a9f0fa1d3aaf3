import Foundation
import RecDeckCore

/// Decides the answer to each request, as Event Grid's retry rules need it (AZURE.md):
///
/// - 404 another path; 405 another method; 401 a missing or wrong key; 413 a body over the limit;
/// - `OPTIONS` with `WebHook-Request-Origin` (the CloudEvents handshake): 200 with
///   `WebHook-Allowed-Origin`, `WebHook-Allowed-Rate` and `Allow: POST`, its headers stored;
/// - `POST` of JSON: 200 once stored (an Event Grid `SubscriptionValidation` also gets
///   `{"validationResponse": CODE}`); not JSON: 400, the body kept under `rejected/`;
/// - 503 whenever storing fails, so Event Grid tries again later.
///
/// Nothing decided here depends on the key's text except `ServeKey.matches`, and no answer,
/// note or stored file contains it.
public struct WebhookResponder: Sendable {
    /// The one path deliveries go to, such as `/api/events`.
    public var path: String
    public var key: ServeKey
    /// The largest body accepted, in bytes.
    public var maxBody: Int
    public let store: DeliveryStore

    public init(path: String, key: ServeKey, maxBody: Int, store: DeliveryStore) {
        self.path = path
        self.key = key
        self.maxBody = maxBody
        self.store = store
    }

    /// The methods the endpoint answers.
    static let allowedMethods = "POST, OPTIONS"

    /// The answer a request gets from its head alone, or `nil` when it goes on to its body.
    public func refusal(method: String, uri: String, headers: [(name: String, value: String)]) -> WebhookResponse? {
        let question = uri.firstIndex(of: "?")
        guard uri[..<(question ?? uri.endIndex)] == path[...] else {
            return .text(404, "not found: deliveries go to \(path)")
        }
        guard method == "POST" || method == "OPTIONS" else {
            return .text(405, "method not allowed: use POST", extraHeaders: [("Allow", Self.allowedMethods)])
        }
        guard carriesKey(query: question.map { uri[uri.index(after: $0)...] }, headers: headers) else {
            return .text(401, "unauthorized: the key is missing or wrong (give it as ?key= or the x-recdeck-key header)")
        }
        if let length = headers.first(where: { $0.name.lowercased() == "content-length" }).flatMap({ Int($0.value) }),
           length > maxBody {
            return tooLarge
        }
        return nil
    }

    /// The answer to a body over `maxBody`.
    public var tooLarge: WebhookResponse {
        .text(413, "the body is larger than \(maxBody) bytes (--max-body)")
    }

    /// Whether the query's `key=` or the `x-recdeck-key` header is the key. Every candidate is
    /// compared, so the time taken does not depend on which one matched.
    private func carriesKey(query: Substring?, headers: [(name: String, value: String)]) -> Bool {
        var found = false
        for (name, value) in headers where name.lowercased() == "x-recdeck-key" {
            found = key.matches(value.utf8) || found
        }
        for pair in query?.split(separator: "&") ?? [] where pair.hasPrefix("key=") {
            let encoded = String(pair.dropFirst(4))
            let decoded = encoded.removingPercentEncoding ?? encoded
            found = key.matches(decoded.utf8) || found
        }
        return found
    }

    /// The answer to a whole request that passed `refusal`, after storing what it carried.
    public func respond(method: String, headers: [(name: String, value: String)], body: UnsafeRawBufferPointer,
                        receivedAt time: Timestamp) -> WebhookResponse {
        var kept = DeliveryHeaders(fields: [(":method", method), (":received", time.iso8601UTC)])
        for (name, value) in headers {
            let lower = name.lowercased()
            if DeliveryHeaders.keeps(lower) { kept.fields.append((lower, value)) }
        }
        let suffix = kept["aeg-output-event-id"]
        if method == "OPTIONS" {
            return handshake(kept, time: time, suffix: suffix)
        }
        let bytes = UnsafeBufferPointer(start: body.baseAddress?.assumingMemoryBound(to: UInt8.self), count: body.count)
        if let error = body.isEmpty ? JSONSyntaxError(offset: 0, message: "the body is empty") : JSONParser.firstError(inDocument: bytes) {
            return reject(body, kept, time: time, reason: "the body is not JSON: \(error.message) at byte \(error.offset)")
        }
        var validation: (code: String, url: String?)?
        if kept["aeg-event-type"]?.lowercased() == "subscriptionvalidation" {
            guard let found = Self.validation(in: bytes) else {
                return reject(body, kept, time: time, reason: "a SubscriptionValidation delivery without data.validationCode")
            }
            validation = found
        }
        switch store.store(body: body, headers: kept, time: time, suffix: suffix) {
        case .failure(let failure):
            return .text(503, "cannot store the delivery now (\(failure.description)); Event Grid will retry")
        case .success(let stored):
            guard let validation else {
                return WebhookResponse(status: 200, note: "stored \(stored.body ?? stored.headers)")
            }
            var answer = JSONWriter()
            answer.beginObject()
            answer.field("validationResponse", validation.code)
            answer.endObject()
            return WebhookResponse(status: 200, headers: [("Content-Type", "application/json")], body: answer.text,
                                   note: "answered the subscription validation; stored \(stored.body ?? stored.headers)",
                                   validationUrl: validation.url)
        }
    }

    /// The CloudEvents abuse-protection handshake: granted for the origin asking, and stored.
    private func handshake(_ kept: DeliveryHeaders, time: Timestamp, suffix: String?) -> WebhookResponse {
        guard let origin = kept["webhook-request-origin"] else {
            return WebhookResponse(status: 200, headers: [("Allow", Self.allowedMethods)], note: "OPTIONS without WebHook-Request-Origin")
        }
        switch store.store(body: nil, headers: kept, time: time, suffix: suffix) {
        case .failure(let failure):
            return .text(503, "cannot store the handshake now (\(failure.description))")
        case .success(let stored):
            let printable = !origin.isEmpty && origin.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
            return WebhookResponse(status: 200,
                                   headers: [("WebHook-Allowed-Origin", printable ? origin : "*"),
                                             ("WebHook-Allowed-Rate", "*"), ("Allow", "POST")],
                                   note: "granted the CloudEvents handshake; stored \(stored.headers)")
        }
    }

    /// Keeps a body that is not a delivery under `rejected/` and answers 400 (503 when it cannot be kept).
    private func reject(_ body: UnsafeRawBufferPointer, _ kept: DeliveryHeaders, time: Timestamp, reason: String) -> WebhookResponse {
        switch store.store(body: body, headers: kept, time: time, suffix: nil, rejected: true) {
        case .failure(let failure):
            return .text(503, "cannot keep the rejected body now (\(failure.description))")
        case .success(let stored):
            var response = WebhookResponse.text(400, reason)
            response.note = "\(reason); kept as \(stored.body ?? stored.headers)"
            return response
        }
    }

    /// `data.validationCode` and `data.validationUrl` of the first event of a validation delivery.
    static func validation(in bytes: UnsafeBufferPointer<UInt8>) -> (code: String, url: String?)? {
        var parser = JSONParser(bytes: bytes)
        guard let value = try? parser.parseValue() else { return nil }
        let event: JSONValue?
        if case .array(let elements) = value { event = elements.first } else { event = value }
        guard let data = event?["data"], let code = data["validationCode"]?.stringValue else { return nil }
        return (code, data["validationUrl"]?.stringValue)
    }
}
