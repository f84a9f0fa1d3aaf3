/// Which delivery of an event counts when the same key (source, id, type) arrives more than once.
///
/// Deliveries with the same body (`EventBody`: same members and values, any whitespace or
/// top-level key order, dead-letter metadata left out) are one event redelivered: the first in
/// (file, offset) order is the one shown, as it always was. Deliveries with different bodies are
/// a conflicting redelivery (reported as a problem); then the body that counts is chosen from the
/// bodies alone, never from file names or the order files were read:
///
/// 1. the body with the most fields (object members at every depth);
/// 2. then the one with the newest event time (a missing time is oldest);
/// 3. then the one with the greater body digest (arbitrary, but the same on every run).
public enum RedeliveryRule {
    /// Whether the delivery with envelope `lhs` counts before the one with `rhs`.
    public static func precedes(_ lhs: EventEnvelope, _ rhs: EventEnvelope) -> Bool {
        if lhs.body.members != rhs.body.members { return lhs.body.members > rhs.body.members }
        if lhs.time != rhs.time { return (lhs.time?.nanoseconds ?? .min) > (rhs.time?.nanoseconds ?? .min) }
        if lhs.body.digest != rhs.body.digest { return lhs.body.digest > rhs.body.digest }
        return lhs.location < rhs.location
    }

    /// Which step of the rule put `winner` before `loser`, in words, for the problem message.
    public static func reason(_ winner: EventEnvelope, over loser: EventEnvelope) -> String {
        if winner.body.members != loser.body.members {
            return "it has more fields (\(winner.body.members) against \(loser.body.members))"
        }
        if winner.time != loser.time { return "it has the newer event time" }
        return "the fields and event times tie, and its body digest is greater"
    }
}
