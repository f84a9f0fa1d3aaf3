/// A parsed filter: which recordings to show, from the text typed at the `/` prompt or given to `--filter`.
///
/// Terms are separated by whitespace and all must hold:
/// - a bare word is found (ignoring case) in any id, reason or type: the store key, `recordingId`,
///   `callId`, `serverCallId`, chunk `documentId`s and end reasons, `sessionEndReason`,
///   `contentType`, `channelType`, `formatType`, and event ids;
/// - `field:value` is found in one field: `call:` `rec:` `server:` `reason:` (session or any chunk
///   end reason) `type:` `format:` `channel:` `file:` (any delivery's file), or `anomaly:` (any
///   anomaly whose code contains the value, such as `anomaly:failed`);
/// - `dur`, `chunks`, `age` and `start` compare with `>`, `<`, `>=`, `<=` or `=`: `dur>5m`,
///   `chunks>1`, `age<1h30m`, `start>=2026-10-01T08:00`. Durations take `ms`, `s`, `m`, `h` and `d`
///   (a bare number is seconds); `=` matches within the precision written (`start=2026-10-01` is
///   that day). A recording without the compared value never matches the comparison;
/// - `"quoted text"` is one literal term; `-term` negates a term.
///
/// Parsing is complete before anything is matched: a malformed query throws and filters nothing.
public struct RecordingQuery: Sendable, Hashable {
    /// The query as typed.
    public let text: String
    /// Seconds east of UTC that dates and times without a zone were read in.
    public let utcOffsetSeconds: Int
    let terms: [QueryTerm]

    /// The query that matches everything.
    public init() {
        text = ""
        utcOffsetSeconds = 0
        terms = []
    }

    /// Parses `text`; dates and times without a zone are read at `utcOffsetSeconds` east of UTC.
    public init(parsing text: String, utcOffsetSeconds: Int = 0) throws(QueryError) {
        self.text = text
        self.utcOffsetSeconds = utcOffsetSeconds
        terms = try QueryParser.terms(text, utcOffsetSeconds: utcOffsetSeconds)
    }

    /// Whether the query has no terms and so matches every recording.
    public var isEmpty: Bool { terms.isEmpty }

    /// Whether every recording this query matches is sure to match `other` too (judged from the
    /// terms: each of `other`'s is implied by one of these, as `abc` implies `ab`), so that a list
    /// already filtered by `other` can be filtered further instead of starting again.
    public func narrows(_ other: RecordingQuery) -> Bool {
        other.terms.allSatisfy { wanted in terms.contains { $0.implies(wanted) } }
    }

    /// Whether what the query matches changes with the clock (`age`, `anomaly:` of `mediaExpired`).
    public var dependsOnClock: Bool { terms.contains(where: \.dependsOnClock) }

    /// Whether `recording` satisfies every term; `now` decides `age` and the `mediaExpired` anomaly.
    public func matches(_ recording: Recording, now: Timestamp) -> Bool {
        for term in terms where !term.matches(recording, now: now) {
            return false
        }
        return true
    }
}
