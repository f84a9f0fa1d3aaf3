/// Where a recording's media stands in Azure's 24 h retention, counted from its newest event:
/// a state to show (dim "expired", or "expires in 3h"), never a fault.
public enum MediaRetention: Sendable, Equatable {
    /// The newest event is older than the retention: the URLs point at deleted media.
    case expired
    /// The media is kept for this much longer.
    case expiresIn(nanoseconds: Int64)

    /// The state of `recording` at `now`; `nil` when no event carries a time.
    public init?(_ recording: Recording, now: Timestamp) {
        guard let last = recording.lastEventTime else { return nil }
        let left = last.advanced(by: Anomaly.mediaRetentionNanoseconds).nanoseconds(since: now)
        self = left < 0 ? .expired : .expiresIn(nanoseconds: left)
    }

    /// `expired`, `expires in 3h`, `expires in 12m`.
    public var text: String {
        switch self {
        case .expired: "expired"
        case .expiresIn(let left): left < 1_000_000_000 ? "expires now" : "expires in \(DurationText.age(nanoseconds: left))"
        }
    }

    /// For a table cell: `expired`, `3h left`.
    public var cellText: String {
        switch self {
        case .expired: "expired"
        case .expiresIn(let left): left < 1_000_000_000 ? "now" : "\(DurationText.age(nanoseconds: left)) left"
        }
    }
}
