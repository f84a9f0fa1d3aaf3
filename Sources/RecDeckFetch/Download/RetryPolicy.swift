import Foundation

/// How transient failures (connection reset or timeout, 5xx, 429) are retried: up to `attempts`
/// tries, waiting `baseDelay` doubled each time (at most `maxDelay`). A stream that breaks after
/// bytes arrived resumes from its offset at once, and does not use up a try.
public struct RetryPolicy: Sendable {
    public var attempts: Int
    public var baseDelay: TimeInterval
    public var maxDelay: TimeInterval

    public init(attempts: Int = 5, baseDelay: TimeInterval = 0.25, maxDelay: TimeInterval = 8) {
        self.attempts = attempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The wait before try `attempt` (2 and on).
    func delay(before attempt: Int) -> TimeInterval {
        min(maxDelay, baseDelay * Double(1 << min(attempt - 2, 20)))
    }
}
