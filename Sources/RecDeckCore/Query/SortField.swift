/// What recordings can be sorted by; the raw value is what users type after `--sort`.
public enum SortField: String, Sendable, Hashable, CaseIterable {
    /// Start time.
    case start
    /// End time (start plus duration).
    case end
    /// Duration.
    case duration
    /// Time since the newest event (or the start).
    case age
    /// Number of chunks.
    case chunks
    /// Number of distinct events.
    case events
    /// `callId`.
    case call
    /// `recordingId`, falling back to the store key.
    case rec
    /// Session end reason.
    case reason
    /// `formatType`.
    case format
    /// `contentType`.
    case type
    /// `channelType`.
    case channel
    /// Number of anomalies that do not depend on the clock.
    case anomalies

    /// The direction used when none is given: newest, longest and largest first for times and
    /// counts, youngest first for `age`, A to Z for text.
    public var defaultAscending: Bool {
        switch self {
        case .start, .end, .duration, .chunks, .events, .anomalies: false
        case .age, .call, .rec, .reason, .format, .type, .channel: true
        }
    }

    /// Whether the field is text (compared ignoring case) rather than a number or time.
    public var isText: Bool {
        switch self {
        case .call, .rec, .reason, .format, .type, .channel: true
        default: false
        }
    }
}
