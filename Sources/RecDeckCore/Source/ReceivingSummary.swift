/// What a source that also receives deliveries over HTTP (`recdeck serve`) says about it, for
/// the dashboard's header: "receiving on :8080 · 12 deliveries · last 3s ago".
public struct ReceivingSummary: Sendable, Hashable {
    /// Where it listens, as the header shows it (`:8080`, `0.0.0.0:8080`).
    public var address: String
    /// Deliveries stored and answered 200 so far.
    public var deliveries: Int
    /// When the last one was stored.
    public var lastDelivery: Timestamp?
    /// The validation URL of the last Event Grid handshake (untrusted text).
    public var validationUrl: String?

    public init(address: String, deliveries: Int = 0, lastDelivery: Timestamp? = nil, validationUrl: String? = nil) {
        self.address = address
        self.deliveries = deliveries
        self.lastDelivery = lastDelivery
        self.validationUrl = validationUrl
    }
}
