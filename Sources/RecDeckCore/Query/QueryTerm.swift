/// One parsed term of a query: a condition on a recording, possibly negated.
struct QueryTerm: Sendable, Hashable {
    /// What a term asks of a recording.
    enum Condition: Sendable, Hashable {
        /// A bare word: anywhere in the ids, reasons and types.
        case anywhere(TextNeedle)
        /// `field:value` for a text field (never `.anomaly` or a comparison field).
        case text(QueryField, TextNeedle)
        /// `anomaly:value`: the recording has one of these anomalies (every code the value is part of);
        /// a call has one of the call anomalies, or one of its recordings one of the recording anomalies.
        case anomaly([Anomaly], [CallAnomaly])
        /// `deadLettered:true` or `deadLettered:false`: a yes-or-no field.
        case flag(QueryField, Bool)
        /// `dur`, `chunks`, `age`, `expires` or `start` compared with a value.
        case comparison(QueryField, QueryComparison)
    }

    var negated: Bool
    var condition: Condition

    /// Whether a recording matching this term is sure to match `other`.
    func implies(_ other: QueryTerm) -> Bool {
        if self == other { return true }
        guard !negated, !other.negated else { return false }
        switch (condition, other.condition) {
        case (.anywhere(let mine), .anywhere(let theirs)):
            return mine.contains(theirs)
        case (.text(let field, let mine), .text(let otherField, let theirs)) where field == otherField:
            return mine.contains(theirs)
        default:
            return false
        }
    }

    /// Whether the term's answer changes with the clock.
    var dependsOnClock: Bool {
        switch condition {
        case .comparison(let field, _): field.facet.dependsOnClock
        case .anomaly(let codes, let callCodes): codes.contains(.mediaExpired) || callCodes.contains(.recordingStartedNoFile)
        case .anywhere, .text, .flag: false
        }
    }

    func matches(_ recording: Recording, now: Timestamp) -> Bool {
        holds(for: recording, now: now) != negated
    }

    private func holds(for recording: Recording, now: Timestamp) -> Bool {
        switch condition {
        case .anywhere(let needle):
            return Self.anywhere(needle, in: recording)
        case .text(let field, let needle):
            guard case .text(let found) = field.facet.matcher else { return false }
            return found(recording, needle)
        case .flag(let field, let wanted):
            guard case .flag(let value) = field.facet.matcher else { return false }
            return value(recording) == wanted
        case .anomaly(let codes, _):
            return codes.contains { code in
                if code == .mediaExpired {
                    // The same rule as `Recording.anomalies(now:)`, without building the whole list.
                    guard let last = recording.lastEventTime else { return false }
                    return now.nanoseconds(since: last) > Anomaly.mediaRetentionNanoseconds
                }
                return recording.fixedAnomalies.contains(code)
            }
        case .comparison(let field, let comparison):
            guard case .comparison(_, _, let number) = field.facet.matcher, let actual = number(recording, now) else { return false }
            return comparison.holds(for: actual)
        }
    }

    /// A bare word: in the store key, any field searched by bare words (`QueryField.bareWordFields`:
    /// ids, reasons, types), and the chunks' documentIds and the events' ids, which are no field of their own.
    static func anywhere(_ needle: TextNeedle, in recording: Recording) -> Bool {
        if needle.isFound(in: recording.id) { return true }
        for field in QueryField.bareWordFields {
            if case .text(let found) = field.matcher, found(recording, needle) { return true }
        }
        for chunk in recording.chunks where needle.isFound(in: chunk.documentId) {
            return true
        }
        for event in recording.events where needle.isFound(in: event.id) {
            return true
        }
        return false
    }
}
