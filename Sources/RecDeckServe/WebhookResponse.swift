/// An answer to one request, and what the log line says about it.
public struct WebhookResponse: Sendable {
    /// 200, 400, 401, 404, 405, 413 or 503 (see `WebhookResponder`).
    public var status: Int
    public var headers: [(String, String)]
    public var body: String
    /// What happened, for the log: the stored path, the handshake answered, why it was refused.
    public var note: String
    /// The validation URL of an Event Grid handshake (untrusted text), shown in the log and the dashboard.
    public var validationUrl: String?

    public init(status: Int, headers: [(String, String)] = [], body: String = "", note: String, validationUrl: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.note = note
        self.validationUrl = validationUrl
    }

    /// A plain-text answer: `message` as the body (one line) and the note.
    static func text(_ status: Int, _ message: String, extraHeaders: [(String, String)] = []) -> WebhookResponse {
        WebhookResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + extraHeaders,
                        body: message + "\n", note: message)
    }
}
