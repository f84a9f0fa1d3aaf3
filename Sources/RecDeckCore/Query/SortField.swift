/// What recordings can be sorted by; the raw value is what users type after `--sort`, and the
/// case order is the order `s` steps through. The key and default direction of each is its field's
/// `RecordingField.Sort`.
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

    /// The field sorted by, and how.
    public var facet: RecordingField.Sort { Self.facets[self]! }

    private static let facets: [SortField: RecordingField.Sort] = Dictionary(
        uniqueKeysWithValues: RecordingField.all.compactMap(\.sort).map { ($0.name, $0) })

    /// The direction used when none is given: newest, longest and largest first for times and
    /// counts, youngest first for `age`, A to Z for text.
    public var defaultAscending: Bool { facet.defaultAscending }

    /// Whether the field is text (compared ignoring case) rather than a number or time.
    public var isText: Bool {
        if case .text = facet.key { return true }
        return false
    }
}
