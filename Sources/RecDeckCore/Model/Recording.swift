/// One event of a recording, with every place it was delivered (redeliveries included).
public struct EventRef: Sendable, Hashable {
    public var id: String
    public var type: String
    public var time: Timestamp?
    /// The subject text, for events other than recording events; a recording event's subject is
    /// read into the recording's ids and not kept (`nil`; the raw event on disk has it).
    public var subject: String?
    /// Every delivery, the one that counts first (`RedeliveryRule`; equal bodies in (file, offset) order).
    public var deliveries: [EventLocation]
    /// What Event Grid added when it dead-lettered the counting delivery, if it did.
    public var deadLetter: DeadLetter?

    public init(id: String, type: String, time: Timestamp?, subject: String?, deliveries: [EventLocation],
                deadLetter: DeadLetter? = nil) {
        self.id = id
        self.type = type
        self.time = time
        self.subject = subject
        self.deliveries = deliveries
        self.deadLetter = deadLetter
    }

    /// The reference to an event whose canonical delivery has `envelope`.
    public init(envelope: EventEnvelope, deliveries: [EventLocation]) {
        self.init(id: envelope.key.id, type: envelope.key.type, time: envelope.time, subject: envelope.subject,
                  deliveries: deliveries, deadLetter: envelope.deadLetter)
    }

    /// The delivery shown and printed: the one that counts.
    public var location: EventLocation { deliveries[0] }
}

/// A call recording: what every event announcing it says, merged.
///
/// Fields come from its events in event-time order, a later event's value replacing an earlier
/// one's unless it is missing; chunks are merged by (index, documentId) and kept in index order.
///
/// A value type whose fields live in one shared, copy-on-write box: copying a recording (into a
/// delta, the dashboard's state, a sorted list) costs one reference, and a dictionary of a hundred
/// thousand of them holds a pointer each.
public struct Recording: Sendable, Hashable, Identifiable {
    private struct Fields: Sendable, Hashable {
        var id: String
        var recordingId: String?
        var callId: String?
        var serverCallId: String?
        var startTime: Timestamp?
        var durationMs: Int64?
        var sessionEndReason: String?
        var contentType: String?
        var channelType: String?
        var formatType: String?
        var storageType: String?
        var chunks: [Chunk] = []
        var events: [EventRef] = []
        var duplicateDeliveries = 0
        var fixedAnomalies: Set<Anomaly> = []
        var lastEventTime: Timestamp?
        var failedChunkCount = 0
    }

    private final class Box: @unchecked Sendable {
        // Mutated only through `fields(_:)`, after making the box unique: never shared while it changes.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        change(&box.fields)
    }

    /// The store's key: the recordingId, or a fallback when the events carry none (see `RecordingEvent.recordingKey`).
    public var id: String {
        get { box.fields.id }
        set { update { $0.id = newValue } }
    }
    public var recordingId: String? {
        get { box.fields.recordingId }
        set { update { $0.recordingId = newValue } }
    }
    public var callId: String? {
        get { box.fields.callId }
        set { update { $0.callId = newValue } }
    }
    public var serverCallId: String? {
        get { box.fields.serverCallId }
        set { update { $0.serverCallId = newValue } }
    }
    public var startTime: Timestamp? {
        get { box.fields.startTime }
        set { update { $0.startTime = newValue } }
    }
    public var durationMs: Int64? {
        get { box.fields.durationMs }
        set { update { $0.durationMs = newValue } }
    }
    public var sessionEndReason: String? {
        get { box.fields.sessionEndReason }
        set { update { $0.sessionEndReason = newValue } }
    }
    public var contentType: String? {
        get { box.fields.contentType }
        set { update { $0.contentType = newValue } }
    }
    public var channelType: String? {
        get { box.fields.channelType }
        set { update { $0.channelType = newValue } }
    }
    public var formatType: String? {
        get { box.fields.formatType }
        set { update { $0.formatType = newValue } }
    }
    public var storageType: String? {
        get { box.fields.storageType }
        set { update { $0.storageType = newValue } }
    }
    /// Chunks in index order (array position for chunks without an index).
    public var chunks: [Chunk] {
        get { box.fields.chunks }
        set {
            update {
                $0.chunks = newValue
                $0.failedChunkCount = newValue.reduce(0) { $0 + ($1.endedInFailure ? 1 : 0) }
            }
        }
    }
    /// The recording's distinct events, oldest first.
    public var events: [EventRef] {
        get { box.fields.events }
        set { update { $0.events = newValue } }
    }
    /// Deliveries beyond the first, over all its events.
    public var duplicateDeliveries: Int {
        get { box.fields.duplicateDeliveries }
        set { update { $0.duplicateDeliveries = newValue } }
    }
    /// Anomalies that do not depend on the clock (everything but `mediaExpired`).
    public var fixedAnomalies: Set<Anomaly> {
        get { box.fields.fixedAnomalies }
        set { update { $0.fixedAnomalies = newValue } }
    }
    /// The newest event time, which decides whether the media has expired.
    public var lastEventTime: Timestamp? {
        get { box.fields.lastEventTime }
        set { update { $0.lastEventTime = newValue } }
    }

    /// How many of its chunks ended in failure (`Chunk.endedInFailure`), counted once.
    public var failedChunkCount: Int { box.fields.failedChunkCount }

    /// Whether one of its events came from Event Grid's dead-letter storage.
    public var deadLettered: Bool { box.fields.events.contains { $0.deadLetter != nil } }

    public static func == (lhs: Recording, rhs: Recording) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        box.fields.hash(into: &hasher)
    }

    /// Merges the events of one recording (each with its deliveries, the first the canonical one).
    public init(id: String, events: [(event: RecordingEvent, deliveries: [EventLocation])]) {
        var f = Fields(id: id)
        func merge(_ event: RecordingEvent) {
            f.recordingId = event.subjectIds.recordingId ?? event.dataRecordingId ?? f.recordingId
            f.callId = event.subjectIds.callId ?? f.callId
            f.serverCallId = event.subjectIds.serverCallId ?? f.serverCallId
            f.startTime = event.startTime ?? f.startTime
            f.durationMs = event.durationMs ?? f.durationMs
            f.sessionEndReason = event.sessionEndReason ?? f.sessionEndReason
            f.contentType = event.contentType ?? f.contentType
            f.channelType = event.channelType ?? f.channelType
            f.formatType = event.formatType ?? f.formatType
            f.storageType = event.storageType ?? f.storageType
        }
        var chunkSlots: [Chunk] = []
        if events.count == 1 {
            // The common case: one event, nothing to order.
            let (event, deliveries) = events[0]
            merge(event)
            f.duplicateDeliveries = deliveries.count - 1
            f.events = [EventRef(envelope: event.envelope, deliveries: deliveries)]
            if Self.allDistinct(event.chunks) {
                chunkSlots = event.chunks  // shared with the event, not copied
            } else {
                Self.mergeChunks(event.chunks, into: &chunkSlots)
            }
        } else {
            let ordered = events.sorted { lhs, rhs in
                let left = lhs.event.envelope.time, right = rhs.event.envelope.time
                if left != right { return (left ?? Timestamp(nanoseconds: .min)) < (right ?? Timestamp(nanoseconds: .min)) }
                return lhs.deliveries[0] < rhs.deliveries[0]
            }
            var duplicates = 0
            var refs: [EventRef] = []
            refs.reserveCapacity(ordered.count)
            for (event, deliveries) in ordered {
                merge(event)
                duplicates += deliveries.count - 1
                refs.append(EventRef(envelope: event.envelope, deliveries: deliveries))
                Self.mergeChunks(event.chunks, into: &chunkSlots)
            }
            f.duplicateDeliveries = duplicates
            f.events = refs
        }
        f.chunks = Self.ordered(chunkSlots)
        var last: Timestamp?
        for event in f.events {
            if let time = event.time, last == nil || time > last! { last = time }
        }
        f.lastEventTime = last
        f.failedChunkCount = f.chunks.reduce(0) { $0 + ($1.endedInFailure ? 1 : 0) }
        f.fixedAnomalies = Self.fixedAnomalies(chunks: f.chunks, durationMs: f.durationMs, failed: f.failedChunkCount)
        box = Box(f)
    }

    /// Whether no two chunks share (index, documentId), so merging would change nothing.
    private static func allDistinct(_ chunks: [Chunk]) -> Bool {
        for later in chunks.indices.dropFirst() {
            for earlier in 0..<later where chunks[earlier].index == chunks[later].index
                && chunks[earlier].documentId == chunks[later].documentId {
                return false
            }
        }
        return true
    }

    private static func mergeChunks(_ chunks: [Chunk], into slots: inout [Chunk]) {
        for chunk in chunks {
            if let slot = slots.firstIndex(where: { $0.index == chunk.index && $0.documentId == chunk.documentId }) {
                slots[slot] = Self.merged(slots[slot], with: chunk)
            } else {
                slots.append(chunk)
            }
        }
    }

    /// Index order; a stable sort keeps the order of appearance for chunks without an index.
    private static func ordered(_ slots: [Chunk]) -> [Chunk] {
        var inOrder = true
        for position in slots.indices.dropFirst() {
            // Already in order when every index is there and they never go down.
            guard let previous = slots[position - 1].index, let current = slots[position].index, previous <= current else {
                inOrder = false
                break
            }
        }
        if inOrder { return slots }
        return slots.enumerated().sorted { lhs, rhs in
            switch (lhs.element.index, rhs.element.index) {
            case let (left?, right?) where left != right: left < right
            case (_?, nil): true
            case (nil, _?): false
            default: lhs.offset < rhs.offset
            }
        }.map(\.element)
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

    private static func fixedAnomalies(chunks: [Chunk], durationMs: Int64?, failed: Int) -> Set<Anomaly> {
        var found: Set<Anomaly> = []
        if chunks.isEmpty { found.insert(.noChunks) }
        if durationMs == nil || durationMs == 0 { found.insert(.noDuration) }
        if failed > 0 { found.insert(.failedChunk) }
        // Chunks are in index order (indexed ones first), so repeats are neighbours.
        var indexes: [Int64] = []
        indexes.reserveCapacity(chunks.count)
        for chunk in chunks { if let index = chunk.index { indexes.append(index) } }
        guard let first = indexes.first, let last = indexes.last else { return found }
        var distinct = 1
        for position in indexes.indices.dropFirst() where indexes[position] != indexes[position - 1] { distinct += 1 }
        if distinct != indexes.count { found.insert(.repeatedChunkIndex) }
        if Int64(distinct) != last &+ 1 || first < 0 { found.insert(.chunkGap) }
        return found
    }
}
