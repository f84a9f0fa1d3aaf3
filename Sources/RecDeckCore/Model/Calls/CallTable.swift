/// The calls of a store, keyed by call id: a table beside the recordings, built from a `CallSource`.
///
/// A call exists for every group of ids (see `CallKeyUnion`) with a call id or a serverCallId:
/// a recording whose subject names its call, a call event. A recording whose subject names no call
/// belongs to no call, unless a `RecordingStateChanged` names its recording id.
public struct CallTable: Sendable {
    /// The calls, by `Call.id`.
    public private(set) var calls: [String: Call] = [:]
    /// The call each recording belongs to, by recording key (`Recording.id`).
    public private(set) var callOfRecording: [PackedID: String] = [:]

    public init() {}

    /// Builds every call of `source`.
    public init(source: some CallSource) {
        self.init(recordings: Array(source.recordings.values), callEvents: source.callEvents)
    }

    public init(recordings: [Recording], callEvents: [(event: CallEvent, deliveries: [EventLocation])]) {
        var union = CallKeyUnion()
        var recordingNodes: [Int?] = []
        recordingNodes.reserveCapacity(recordings.count)
        for recording in recordings {
            recordingNodes.append(union.tie(call: recording.callId, server: recording.serverCallId,
                                            recording: recording.shownId))
        }
        var eventNodes: [Int?] = []
        for (event, _) in callEvents {
            eventNodes.append(union.tie(call: event.correlationId, server: event.serverCallId, recording: event.recordingId))
        }
        // The ids of each group: its call id and serverCallId are the smallest of each (normally the only one).
        var callIds: [Int: String] = [:], serverIds: [Int: String] = [:]
        for (position, key) in union.keys.enumerated() {
            let group = union.root(position)
            switch key.kind {
            case .call: if callIds[group].map({ key.value < $0 }) ?? true { callIds[group] = key.value }
            case .server: if serverIds[group].map({ key.value < $0 }) ?? true { serverIds[group] = key.value }
            case .recording: break
            }
        }
        var recordingsOf: [Int: [Recording]] = [:]
        for (position, recording) in recordings.enumerated() {
            guard let node = recordingNodes[position] else { continue }
            recordingsOf[union.root(node), default: []].append(recording)
        }
        var eventsOf: [Int: [(event: CallEvent, deliveries: [EventLocation])]] = [:]
        for (position, item) in callEvents.enumerated() {
            guard let node = eventNodes[position] else { continue }
            eventsOf[union.root(node), default: []].append(item)
        }
        for group in Set(recordingsOf.keys).union(eventsOf.keys) {
            guard callIds[group] != nil || serverIds[group] != nil else { continue }
            let call = Call(callId: callIds[group], serverCallId: serverIds[group], recordings: recordingsOf[group] ?? [],
                            callEvents: eventsOf[group] ?? [])
            calls[call.id] = call
            for recording in call.recordings { callOfRecording[recording.id] = call.id }
        }
    }
}
