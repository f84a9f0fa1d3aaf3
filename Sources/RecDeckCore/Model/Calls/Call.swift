/// A call, put together from its call events (`CallStarted`, `CallEnded`, participants, Call
/// Automation's `RecordingStateChanged`, …) and its recordings.
///
/// Times come from the call events and, failing those, from the recordings: the start is the
/// first `CallStarted` (else `CallConnected`, else the `CallEnded` time less its duration, else the
/// earliest recording start); the end is the last `CallEnded` (else `CallDisconnected`, else the
/// latest recording end); the duration is `CallEnded`'s `durationOfCall`/`callDurationInSeconds`,
/// else end less start. The recorded time is the union of the recordings' spans (overlapping
/// recordings count once), and coverage is recorded time over duration, at most 1.
public struct Call: Sendable, Hashable, Identifiable {
    /// The call id (`correlationId`, the `call/{id}` of a recording subject), else the serverCallId.
    public var id: String
    public var callId: String?
    public var serverCallId: String?
    public var startTime: Timestamp?
    public var endTime: Timestamp?
    public var durationMs: Int64?
    /// `CallEnded`'s reason (its phrase, else code and subCode).
    public var endReason: String?
    public var startedBy: String?
    public var endedBy: String?
    /// Participants in order of first appearance.
    public var participants: [CallParticipant]
    /// Its recordings, earliest start first.
    public var recordings: [Recording]
    /// Recording state changes in time order.
    public var stateChanges: [RecordingStateChange]
    /// Its call events (not the recordings' events), oldest first.
    public var callEvents: [EventRef]
    /// Milliseconds recorded: the union of the recordings' spans, plus the durations of recordings
    /// without a start; nil when it has recordings and none says how long it is.
    public var recordedMs: Int64?
    /// `recordedMs / durationMs`, at most 1; nil when either is unknown or the duration is 0.
    public var coverage: Double?
    /// Whether the duration was told by call events (rather than guessed from recordings).
    public var durationFromCallEvents: Bool
    /// Whether the end was told by a call event (`CallEnded`, `CallDisconnected`).
    public var endedByCallEvent: Bool
    /// The newest time among all its events.
    public var lastEventTime: Timestamp?
    /// Anomalies that do not depend on the clock.
    public var fixedAnomalies: Set<CallAnomaly>

    /// Builds a call from its ids, its recordings and its call events.
    public init(callId: String?, serverCallId: String?, recordings: [Recording],
                callEvents: [(event: CallEvent, deliveries: [EventLocation])]) {
        self.callId = callId
        self.serverCallId = serverCallId
        id = callId ?? serverCallId ?? ""
        let events = callEvents.sorted { lhs, rhs in
            let left = lhs.event.effectiveTime, right = rhs.event.effectiveTime
            if left != right { return (left?.nanoseconds ?? .min) < (right?.nanoseconds ?? .min) }
            return lhs.deliveries[0] < rhs.deliveries[0]
        }
        self.callEvents = events.map { EventRef(envelope: $0.event.envelope, deliveries: $0.deliveries) }
        self.recordings = recordings.sorted { lhs, rhs in
            if lhs.startTime != rhs.startTime { return (lhs.startTime?.nanoseconds ?? .max) < (rhs.startTime?.nanoseconds ?? .max) }
            return lhs.id < rhs.id
        }
        let kinds = events.map(\.event)
        func first(_ kind: CallEventKind) -> CallEvent? { kinds.first { $0.kind == kind && $0.envelope.time != nil } }
        func last(_ kind: CallEventKind) -> CallEvent? { kinds.last { $0.kind == kind && $0.envelope.time != nil } }
        let ended = last(.callEnded)
        let told = kinds.last { $0.kind == .callEnded && $0.durationMs != nil }?.durationMs
        let recordingStarts = recordings.compactMap(\.startTime)
        let recordingEnds = recordings.compactMap(\.endTime)
        startTime = first(.callStarted)?.envelope.time ?? first(.callConnected)?.envelope.time
            ?? Self.subtract(told, from: ended?.envelope.time) ?? recordingStarts.min()
        let endEvent = ended ?? last(.callDisconnected)
        endedByCallEvent = endEvent != nil
        endTime = endEvent?.envelope.time ?? recordingEnds.max()
        durationFromCallEvents = told != nil || (endEvent != nil && (first(.callStarted) ?? first(.callConnected)) != nil)
        if let told {
            durationMs = told
        } else if let startTime, let endTime, endTime >= startTime {
            durationMs = endTime.nanoseconds(since: startTime) / 1_000_000
        } else {
            durationMs = nil
        }
        endReason = kinds.last { $0.kind == .callEnded && $0.reason != nil }?.reason?.text
        startedBy = kinds.first { $0.startedBy != nil }?.startedBy
        endedBy = kinds.last { $0.endedBy != nil }?.endedBy
        participants = Self.participants(kinds)
        stateChanges = kinds.compactMap { event in
            guard event.kind == .recordingStateChanged, let state = event.recordingState else { return nil }
            return RecordingStateChange(time: event.effectiveTime, recordingId: event.recordingId, state: state)
        }
        recordedMs = Self.recorded(recordings)
        if let recordedMs, let durationMs, durationMs > 0 {
            coverage = min(1, Double(recordedMs) / Double(durationMs))
        } else {
            coverage = nil
        }
        var newest = kinds.compactMap(\.envelope.time).max()
        for recording in recordings {
            if let time = recording.lastEventTime, newest == nil || time > newest! { newest = time }
        }
        lastEventTime = newest
        fixedAnomalies = []
        fixedAnomalies = computeFixedAnomalies()
    }

    /// Distinct events: its call events and its recordings' events.
    public var eventCount: Int { callEvents.count + recordings.reduce(0) { $0 + $1.eventCount } }

    /// Whether one of its events (call or recording) came from Event Grid's dead-letter storage.
    public var deadLettered: Bool {
        callEvents.contains { $0.deadLetter != nil } || recordings.contains(where: \.deadLettered)
    }

    /// The stretches each recording was `active`, from the state changes.
    public var activeIntervals: [RecordingActiveInterval] {
        var open: [String: RecordingActiveInterval] = [:]
        var done: [RecordingActiveInterval] = []
        for change in stateChanges {
            let key = change.recordingId ?? ""
            if change.isActive {
                if open[key] == nil { open[key] = RecordingActiveInterval(recordingId: change.recordingId, start: change.time, end: nil) }
            } else if var interval = open.removeValue(forKey: key) {
                interval.end = change.time
                done.append(interval)
            }
        }
        done.append(contentsOf: open.values)
        return done.sorted { ($0.start?.nanoseconds ?? .min, $0.recordingId ?? "") < ($1.start?.nanoseconds ?? .min, $1.recordingId ?? "") }
    }

    /// Every anomaly at `now`, in code order.
    public func anomalies(now: Timestamp) -> [CallAnomaly] {
        var all = fixedAnomalies
        if startedWithoutFile(now: now) { all.insert(.recordingStartedNoFile) }
        return all.sorted()
    }

    /// Whether a recording went active, has no file event, and its file is overdue at `now`.
    private func startedWithoutFile(now: Timestamp) -> Bool {
        guard let reference = endTime ?? lastEventTime,
              now.nanoseconds(since: reference) > CallAnomaly.fileGraceNanoseconds else { return false }
        let known = Set(recordings.flatMap { [$0.id.text, $0.recordingId].compactMap { $0 } })
        return stateChanges.contains { change in
            guard change.isActive else { return false }
            guard let id = change.recordingId else { return recordings.isEmpty }
            return !known.contains(id)
        }
    }

    private func computeFixedAnomalies() -> Set<CallAnomaly> {
        var found: Set<CallAnomaly> = []
        if durationFromCallEvents, let durationMs, let recordedMs, recordedMs > durationMs + CallAnomaly.durationToleranceMs {
            found.insert(.recordedLongerThanCall)
        }
        if endedByCallEvent {
            var latest: [String: RecordingStateChange] = [:]
            for change in stateChanges { latest[change.recordingId ?? ""] = change }
            if latest.values.contains(where: \.isActive) { found.insert(.callEndedWhileRecordingActive) }
        }
        return found
    }

    private static func subtract(_ milliseconds: Int64?, from time: Timestamp?) -> Timestamp? {
        guard let milliseconds, let time else { return nil }
        let (span, overflow) = milliseconds.multipliedReportingOverflow(by: 1_000_000)
        let (start, borrow) = time.nanoseconds.subtractingReportingOverflow(span)
        return overflow || borrow ? nil : Timestamp(nanoseconds: start)
    }

    /// The union of the recordings' spans, plus the durations of those without a start.
    private static func recorded(_ recordings: [Recording]) -> Int64? {
        guard !recordings.isEmpty else { return 0 }
        var spans: [(Timestamp, Timestamp)] = []
        var loose = ExactSum()
        var known = false
        for recording in recordings {
            guard let duration = recording.durationMs, duration >= 0 else { continue }
            known = true
            if let start = recording.startTime, let end = recording.endTime {
                spans.append((start, end))
            } else {
                loose.add(duration)
            }
        }
        guard known else { return nil }
        spans.sort { $0.0 < $1.0 }
        var total = ExactSum()
        var current: (Timestamp, Timestamp)?
        for span in spans {
            if let open = current, span.0 <= open.1 {
                current = (open.0, max(open.1, span.1))
            } else {
                if let open = current { total.add(open.1.nanoseconds(since: open.0) / 1_000_000) }
                current = span
            }
        }
        if let open = current { total.add(open.1.nanoseconds(since: open.0) / 1_000_000) }
        total.add(loose.value)
        return total.value
    }

    /// Participants from the added/removed events (in time order), keyed by raw id, else participantId.
    private static func participants(_ events: [CallEvent]) -> [CallParticipant] {
        var order: [String] = []
        var byId: [String: CallParticipant] = [:]
        for event in events where event.kind == .participantAdded || event.kind == .participantRemoved {
            guard let id = event.participant ?? event.participantId else { continue }
            var participant = byId[id] ?? {
                order.append(id)
                return CallParticipant(id: id)
            }()
            participant.displayName = event.displayName ?? participant.displayName
            if event.kind == .participantAdded {
                participant.stays.append(CallParticipant.Stay(joined: event.envelope.time, left: nil))
            } else if let open = participant.stays.lastIndex(where: { $0.left == nil }) {
                participant.stays[open].left = event.envelope.time
            } else {
                participant.stays.append(CallParticipant.Stay(joined: nil, left: event.envelope.time))
            }
            byId[id] = participant
        }
        return order.map { byId[$0]! }
    }
}
