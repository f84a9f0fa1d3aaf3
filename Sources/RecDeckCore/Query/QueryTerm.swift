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
        /// `deadLettered:true` or `deadLettered:false`.
        case deadLettered(Bool)
        /// `dur`, `chunks`, `age` or `start` compared with a value.
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
        case .comparison(let field, _): field == .age || field == .expires
        case .anomaly(let codes, let callCodes): codes.contains(.mediaExpired) || callCodes.contains(.recordingStartedNoFile)
        case .anywhere, .text, .deadLettered: false
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
            return Self.text(field, needle, in: recording)
        case .deadLettered(let wanted):
            return recording.deadLettered == wanted
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
            guard let actual = Self.number(field, of: recording, now: now) else { return false }
            return comparison.holds(for: actual)
        }
    }

    static func anywhere(_ needle: TextNeedle, in recording: Recording) -> Bool {
        if needle.isFound(in: recording.id) || needle.isFound(in: recording.recordingId)
            || needle.isFound(in: recording.callId) || needle.isFound(in: recording.serverCallId)
            || needle.isFound(in: recording.sessionEndReason) || needle.isFound(in: recording.contentType)
            || needle.isFound(in: recording.channelType) || needle.isFound(in: recording.formatType) {
            return true
        }
        for chunk in recording.chunks where needle.isFound(in: chunk.documentId) || needle.isFound(in: chunk.endReason) {
            return true
        }
        for event in recording.events where needle.isFound(in: event.id) {
            return true
        }
        return false
    }

    private static func text(_ field: QueryField, _ needle: TextNeedle, in recording: Recording) -> Bool {
        switch field {
        case .call: return needle.isFound(in: recording.callId)
        case .rec: return needle.isFound(in: recording.recordingId ?? recording.id)
        case .server: return needle.isFound(in: recording.serverCallId)
        case .reason:
            if needle.isFound(in: recording.sessionEndReason) { return true }
            return recording.chunks.contains { needle.isFound(in: $0.endReason) }
        case .type: return needle.isFound(in: recording.contentType)
        case .format: return needle.isFound(in: recording.formatType)
        case .channel: return needle.isFound(in: recording.channelType)
        case .file:
            for event in recording.events {
                for delivery in event.deliveries where needle.isFound(in: delivery.file) { return true }
            }
            return false
        case .anomaly, .deadlettered, .dur, .chunks, .age, .expires, .start: return false
        }
    }

    /// The recording's value for a comparison field, in the unit its query values use.
    private static func number(_ field: QueryField, of recording: Recording, now: Timestamp) -> Int64? {
        switch field {
        case .dur:
            guard let milliseconds = recording.durationMs else { return nil }
            let (nanoseconds, overflow) = milliseconds.multipliedReportingOverflow(by: 1_000_000)
            return overflow ? (milliseconds < 0 ? .min : .max) : nanoseconds
        case .chunks:
            return Int64(recording.chunks.count)
        case .age:
            guard let reference = recording.lastEventTime ?? recording.startTime else { return nil }
            return now.nanoseconds(since: reference)
        case .expires:
            guard case .expiresIn(let left)? = MediaRetention(recording, now: now) else { return nil }
            return left
        case .start:
            return recording.startTime?.nanoseconds
        default:
            return nil
        }
    }
}
