/// The filter language applied to calls (the calls view and `recdeck calls --filter`): the same
/// terms, read for a call.
///
/// A bare word is found in the call's ids, end reason, who started and ended it, its
/// participants, or anywhere in one of its recordings; `call:` is the call id (or the serverCallId
/// of a call known only by it), `server:` the serverCallId, `reason:` the call's end reason or a
/// recording's; `rec:` `type:` `format:` `channel:` hold when one of its recordings matches;
/// `file:` any file of its events; `anomaly:` a call anomaly, or a recording anomaly of one of its
/// recordings; `deadLettered:` any of its events. `dur` is the call's duration, `chunks` the
/// chunks of all its recordings, `age` the time since its newest event, `start` its start.
extension RecordingQuery {
    /// Whether `call` satisfies every term; `now` decides `age` and the clock-bound anomalies.
    public func matches(_ call: Call, now: Timestamp) -> Bool {
        for term in terms where !term.matches(call, now: now) {
            return false
        }
        return true
    }
}

extension QueryTerm {
    func matches(_ call: Call, now: Timestamp) -> Bool {
        holds(for: call, now: now) != negated
    }

    private func holds(for call: Call, now: Timestamp) -> Bool {
        let positive = QueryTerm(negated: false, condition: condition)
        func anyRecording() -> Bool { call.recordings.contains { positive.matches($0, now: now) } }
        switch condition {
        case .anywhere(let needle):
            if needle.isFound(in: call.id) || needle.isFound(in: call.serverCallId) || needle.isFound(in: call.endReason)
                || needle.isFound(in: call.startedBy) || needle.isFound(in: call.endedBy) {
                return true
            }
            if call.participants.contains(where: { needle.isFound(in: $0.id) || needle.isFound(in: $0.displayName) }) { return true }
            if call.callEvents.contains(where: { needle.isFound(in: $0.id) }) { return true }
            return call.recordings.contains { Self.anywhere(needle, in: $0) }
        case .text(let field, let needle):
            switch field {
            case .call: return needle.isFound(in: call.id) || needle.isFound(in: call.callId)
            case .server: return needle.isFound(in: call.serverCallId)
            case .reason: return needle.isFound(in: call.endReason) || anyRecording()
            case .file:
                return call.callEvents.contains { event in event.anyDelivery { needle.isFound(in: $0.file) } } || anyRecording()
            default: return anyRecording()
            }
        case .anomaly(let codes, let callCodes):
            if !callCodes.isEmpty, !Set(call.anomalies(now: now)).isDisjoint(with: callCodes) { return true }
            return !codes.isEmpty && anyRecording()
        case .flag(.deadlettered, let wanted):
            return call.deadLettered == wanted
        case .flag:
            return anyRecording()
        case .comparison(let field, let comparison):
            let value: Int64?
            switch field {
            case .dur:
                value = call.durationMs.flatMap { ms in
                    let (nanoseconds, overflow) = ms.multipliedReportingOverflow(by: 1_000_000)
                    return overflow ? nil : nanoseconds
                }
            case .chunks: value = Int64(call.recordings.reduce(0) { $0 + $1.chunks.count })
            case .age:
                value = (call.lastEventTime ?? call.startTime).map { now.nanoseconds(since: $0) }
            case .start: value = call.startTime?.nanoseconds
            default: value = nil
            }
            guard let value else { return false }
            return comparison.holds(for: value)
        }
    }
}
