/// A field name of the filter language: the `call` of `call:1027` or the `dur` of `dur>5m`.
///
/// The raw value is what users type (case does not matter); how the field matches is its
/// `RecordingField.Query`.
public enum QueryField: String, Sendable, Hashable, CaseIterable {
    /// `callId`.
    case call
    /// `recordingId`, falling back to the store key.
    case rec
    /// `serverCallId`.
    case server
    /// The session end reason or any chunk's end reason.
    case reason
    /// `contentType` (`Audio`, `AudioVideo`).
    case type
    /// `formatType` (`Mp3`, `Mp4`, `Wav`).
    case format
    /// `channelType` (`Mixed`, `Unmixed`).
    case channel
    /// The path of any file that delivered one of the recording's events.
    case file
    /// An anomaly code (`failedChunk`, `chunkGap`, …), matched by any part of it.
    case anomaly
    /// `deadLettered:true`: one of its events came from Event Grid's dead-letter storage.
    case deadlettered
    /// Recording duration, compared with a duration (`dur>5m`).
    case dur
    /// Number of chunks, compared with a whole number (`chunks>1`).
    case chunks
    /// Time since the newest event (or the start), compared with a duration (`age<1h`).
    case age
    /// Time left before the 24 h media retention ends (`expires<2h`: fetch these now); expired
    /// recordings have none, so they never match.
    case expires
    /// Start time, compared with a date or time (`start>2026-10-01`).
    case start

    /// The field queried, and how.
    public var facet: RecordingField.Query { Self.facets[self]! }

    private static let facets: [QueryField: RecordingField.Query] = Dictionary(
        uniqueKeysWithValues: RecordingField.all.compactMap(\.query).map { ($0.name, $0) })

    /// The fields a bare word is looked for in.
    static let bareWordFields: [RecordingField.Query] = RecordingField.all.compactMap(\.query).filter(\.searchedByBareWords)

    /// Whether the field takes a comparison (`dur>5m`) rather than `field:value`.
    public var isComparison: Bool { facet.isComparison }

    /// How the field is written in a query, for help and error messages: `call:` or `dur>`.
    public var syntax: String { rawValue + (isComparison ? ">" : ":") }

    /// "call:, rec:, … or start>": every field, for error messages.
    static var knownList: String {
        let names = allCases.map(\.syntax)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
