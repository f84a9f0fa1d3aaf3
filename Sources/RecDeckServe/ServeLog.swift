import RecDeckCore

/// Where the server's lines go: one per request when `perRequest` (headless), and always the
/// lines that matter (a validation URL, a failure to store). The key is never in a line.
public struct ServeLog: Sendable {
    public var perRequest: Bool
    private let sink: @Sendable (String) -> Void

    public init(perRequest: Bool, sink: @escaping @Sendable (String) -> Void) {
        self.perRequest = perRequest
        self.sink = sink
    }

    /// The line for one answered request. `path` is the request's path without its query (which
    /// may hold the key); untrusted text is escaped.
    func request(remote: String, method: String, path: String, bytes: Int, milliseconds: Int, response: WebhookResponse) {
        let important = response.status == 503 || response.validationUrl != nil
        guard perRequest || important else { return }
        var line = "recdeck: \(SafeText.escaped(remote)) \(SafeText.escaped(method)) \(SafeText.escaped(String(path.prefix(200)))) "
            + "\(response.status) \(bytes) B \(milliseconds) ms: \(SafeText.escaped(response.note))"
        if let url = response.validationUrl {
            line += "\nrecdeck: subscription validation answered; its validation URL (also valid for 10 minutes): \(SafeText.escaped(url))"
        }
        sink(line)
    }

    /// A line about a connection closed without an answer (a timeout, a refused connection).
    func connection(remote: String, _ message: String) {
        guard perRequest else { return }
        sink("recdeck: \(SafeText.escaped(remote)) \(message)")
    }

    /// A line that is always written (start, stop).
    public func always(_ message: String) {
        sink(message)
    }
}
