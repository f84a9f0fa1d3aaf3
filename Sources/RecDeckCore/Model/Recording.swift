/// One event of a recording, with every place it was delivered (redeliveries included).
public struct EventRef: Sendable, Hashable {
    public var id: String
    public var type: String
    public var time: Timestamp?
    public var subject: String?
    /// Every delivery, in (file, offset) order; the first is the one shown.
    public var deliveries: [EventLocation]

    public init(id: String, type: String, time: Timestamp?, subject: String?, deliveries: [EventLocation]) {
        self.id = id
        self.type = type
        self.time = time
        self.subject = subject
        self.deliveries = deliveries
    }

    /// The reference to an event whose canonical delivery has `envelope`.
    public init(envelope: EventEnvelope, deliveries: [EventLocation]) {
        self.init(id: envelope.key.id, type: envelope.key.type, time: envelope.time, subject: envelope.subject,
                  deliveries: deliveries)
    }

    /// The delivery shown and printed: the first in (file, offset) order.
    public var location: EventLocation { deliveries[0] }
}

/// A call recording: what every event announcing it says, merged.
///
/// Fields come from its events in event-time order, a later event's value replacing an earlier
/// one's unless it is missing; chunks are merged by (index, documentId) and kept in index order.
public struct Recording: Sendable, Hashable, Identifiable {
    /// The store's key: the recordingId, or a fallback when the events carry none (see `RecordingEvent.recordingKey`).
    public var id: String
    public var recordingId: String?
    public var callId: String?
    public var serverCallId: String?
    public var startTime: Timestamp?
    public var durationMs: Int64?
    public var sessionEndReason: String?
    public var contentType: String?
    public var channelType: String?
    public var formatType: String?
    public var storageType: String?
    /// Chunks in index order (array position for chunks without an index).
    public var chunks: [Chunk]
    /// The recording's distinct events, oldest first.
    public var events: [EventRef]
    /// Deliveries beyond the first, over all its events.
    public var duplicateDeliveries: Int
    /// Anomalies that do not depend on the clock (everything but `mediaExpired`).
    public var fixedAnomalies: Set<Anomaly>
    /// The newest event time, which decides whether the media has expired.
    public var lastEventTime: Timestamp?

    /// Merges the events of one recording (each with its deliveries, the first the canonical one).
    public init(id: String, events: [(event: RecordingEvent, deliveries: [EventLocation])]) {
        let ordered = events.sorted { lhs, rhs in
            let left = lhs.event.envelope.time, right = rhs.event.envelope.time
            if left != right { return (left ?? Timestamp(nanoseconds: .min)) < (right ?? Timestamp(nanoseconds: .min)) }
            return lhs.deliveries[0] < rhs.deliveries[0]
        }
        self.id = id
        var chunkSlots: [Chunk] = []
        var duplicates = 0
        var refs: [EventRef] = []
        for (event, deliveries) in ordered {
            recordingId = event.subjectIds.recordingId ?? event.dataRecordingId ?? recordingId
            callId = event.subjectIds.callId ?? callId
            serverCallId = event.subjectIds.serverCallId ?? serverCallId
            startTime = event.startTime ?? startTime
            durationMs = event.durationMs ?? durationMs
            sessionEndReason = event.sessionEndReason ?? sessionEndReason
            contentType = event.contentType ?? contentType
            channelType = event.channelType ?? channelType
            formatType = event.formatType ?? formatType
            storageType = event.storageType ?? storageType
            duplicates += deliveries.count - 1
            refs.append(EventRef(envelope: event.envelope, deliveries: deliveries))
            for chunk in event.chunks {
                if let slot = chunkSlots.firstIndex(where: { $0.index == chunk.index && $0.documentId == chunk.documentId }) {
                    chunkSlots[slot] = Self.merged(chunkSlots[slot], with: chunk)
                } else {
                    chunkSlots.append(chunk)
                }
            }
        }
        // A stable sort keeps the order of appearance for chunks without an index.
        chunks = chunkSlots.enumerated().sorted { lhs, rhs in
            switch (lhs.element.index, rhs.element.index) {
            case let (left?, right?) where left != right: left < right
            case (_?, nil): true
            case (nil, _?): false
            default: lhs.offset < rhs.offset
            }
        }.map(\.element)
        self.events = refs
        lastEventTime = refs.compactMap(\.time).max()
        duplicateDeliveries = duplicates
        fixedAnomalies = Self.fixedAnomalies(chunks: chunks, durationMs: durationMs)
    }

    /// Every anomaly at `now`, in code order.
    public func anomalies(now: Timestamp) -> [Anomaly] {
        var all = fixedAnomalies
        if let last = lastEventTime, last.nanoseconds < now.nanoseconds - Anomaly.mediaRetentionNanoseconds {
            all.insert(.mediaExpired)
        }
        return all.sorted()
    }

    /// When the recording ended, when start and duration are known.
    public var endTime: Timestamp? {
        guard let startTime, let durationMs else { return nil }
        let (span, overflow) = durationMs.multipliedReportingOverflow(by: 1_000_000)
        let (end, carry) = startTime.nanoseconds.addingReportingOverflow(span)
        return overflow || carry ? nil : Timestamp(nanoseconds: end)
    }

    private static func merged(_ old: Chunk, with new: Chunk) -> Chunk {
        Chunk(index: new.index ?? old.index, documentId: new.documentId ?? old.documentId,
              endReason: new.endReason ?? old.endReason, contentLocation: new.contentLocation ?? old.contentLocation,
              metadataLocation: new.metadataLocation ?? old.metadataLocation,
              deleteLocation: new.deleteLocation ?? old.deleteLocation)
    }

    private static func fixedAnomalies(chunks: [Chunk], durationMs: Int64?) -> Set<Anomaly> {
        var found: Set<Anomaly> = []
        if chunks.isEmpty { found.insert(.noChunks) }
        if durationMs == nil || durationMs == 0 { found.insert(.noDuration) }
        if chunks.contains(where: \.endedInFailure) { found.insert(.failedChunk) }
        let indexes = chunks.compactMap(\.index)
        if Set(indexes).count != indexes.count { found.insert(.repeatedChunkIndex) }
        if let last = indexes.max() {
            let distinct = Set(indexes)
            if Int64(distinct.count) != last + 1 || indexes.min()! < 0 { found.insert(.chunkGap) }
        }
        return found
    }
}
