/// What Event Grid adds to an event it gave up delivering (dead-lettering): the event as it was,
/// plus why, how often it tried and what the endpoint last answered.
///
/// The fields are top-level: `deadLetterReason`, `deliveryAttempts`, `lastDeliveryOutcome`,
/// `lastHttpStatusCode` in the Event Grid schema, the same names in lower case in CloudEvents form.
/// An event is dead-lettered when it carries any of them.
public struct DeadLetter: Sendable, Hashable {
    /// `deadLetterReason`, such as `MaxDeliveryAttemptsExceeded` or `TimeToLiveExceeded`.
    public var reason: String?
    /// `deliveryAttempts`.
    public var attempts: Int64?
    /// `lastDeliveryOutcome`, such as `Probation` or `TimedOut`.
    public var lastOutcome: String?
    /// `lastHttpStatusCode` (0 or missing when no answer came).
    public var lastHttpStatus: Int64?

    public init(reason: String? = nil, attempts: Int64? = nil, lastOutcome: String? = nil, lastHttpStatus: Int64? = nil) {
        self.reason = reason
        self.attempts = attempts
        self.lastOutcome = lastOutcome
        self.lastHttpStatus = lastHttpStatus
    }

    /// `dead-lettered: MaxDeliveryAttemptsExceeded, 30 attempts, last HTTP 503`: what the event pane title says.
    public var summary: String {
        var parts = ["dead-lettered: " + (reason ?? "no reason given")]
        if let attempts { parts.append("\(attempts) attempt\(attempts == 1 ? "" : "s")") }
        if let lastHttpStatus, lastHttpStatus > 0 {
            parts.append("last HTTP \(lastHttpStatus)")
        } else if let lastOutcome {
            parts.append("last outcome \(lastOutcome)")
        }
        return parts.joined(separator: ", ")
    }
}
