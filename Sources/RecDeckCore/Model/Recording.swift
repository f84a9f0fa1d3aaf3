/// One event of a recording, with every place it was delivered (redeliveries included).
public struct EventRef: Sendable, Hashable {
    public var id: String {
        get { packedId.text }
        set { packedId = PackedID(newValue) }
    }
    /// The id as kept (`EventKey.packedId`).
    public private(set) var packedId: PackedID
    public var type: String
    public var time: Timestamp?
    /// The subject text, for events other than recording events; a recording event's subject is
    /// read into the recording's ids and not kept (`nil`; the raw event on disk has it).
    public var subject: String?
    /// Every delivery, the one that counts first (`RedeliveryRule`; equal bodies in (file, offset) order).
    public var deliveries: [EventLocation] {
        get { otherDeliveries.isEmpty ? [location] : [location] + otherDeliveries }
        set {
            location = newValue[0]
            otherDeliveries = Array(newValue.dropFirst())
        }
    }
    /// The delivery shown and printed: the one that counts.
    public private(set) var location: EventLocation
    /// The deliveries after the first (none for nearly every event: no array is allocated).
    private var otherDeliveries: [EventLocation]
    /// How many times it was delivered (`deliveries.count`, without building the array).
    public var deliveryTotal: Int { 1 + otherDeliveries.count }

    /// Whether some delivery satisfies `predicate` (without building the array).
    public func anyDelivery(_ predicate: (EventLocation) -> Bool) -> Bool {
        predicate(location) || otherDeliveries.contains(where: predicate)
    }
    /// The highest `aeg-delivery-count` Event Grid reported for it, when `recdeck serve` received it.
    public var deliveryCount: Int?
    /// What Event Grid added when it dead-lettered the counting delivery, if it did.
    public var deadLetter: DeadLetter? {
        get { storedDeadLetter?.value }
        set { storedDeadLetter = newValue.map(OutOfLine.init) }
    }
    private var storedDeadLetter: OutOfLine<DeadLetter>?

    public init(id: String, type: String, time: Timestamp?, subject: String?, deliveries: [EventLocation],
                deliveryCount: Int? = nil, deadLetter: DeadLetter? = nil) {
        self.init(packedId: PackedID(id), type: type, time: time, subject: subject, deliveries: deliveries,
                  deliveryCount: deliveryCount, deadLetter: deadLetter)
    }

    init(packedId: PackedID, type: String, time: Timestamp?, subject: String?, deliveries: [EventLocation],
         deliveryCount: Int? = nil, deadLetter: DeadLetter? = nil) {
        self.packedId = packedId
        self.type = type
        self.time = time
        self.subject = subject
        self.location = deliveries[0]
        self.otherDeliveries = deliveries.count > 1 ? Array(deliveries.dropFirst()) : []
        self.deliveryCount = deliveryCount
        self.storedDeadLetter = deadLetter.map(OutOfLine.init)
    }

    /// The reference to an event whose canonical delivery has `envelope` (its `deliveryCount`
    /// the highest over all deliveries: see `RecordingStore`).
    public init(envelope: EventEnvelope, deliveries: [EventLocation]) {
        self.init(packedId: envelope.key.packedId, type: envelope.key.type, time: envelope.time, subject: envelope.subject,
                  deliveries: deliveries, deliveryCount: envelope.deliveryCount, deadLetter: envelope.deadLetter)
    }

}

/// A call recording: what every event announcing it says, merged.
///
/// Fields come from its events in event-time order, a later event's value replacing an earlier
/// one's unless it is missing; chunks are merged by (index, documentId) and kept in index order.
///
/// A value type whose fields live in one shared, copy-on-write box: copying a recording (into a
/// delta, the dashboard's state, a sorted list) costs one reference, and a dictionary of a hundred
/// thousand of them holds a pointer each. A recording of one event delivered once (nearly every
/// one) reads its fields from that decoded event, which it shares with the store's copy of the
/// file, instead of keeping copies of them; when nothing needs merging it has no box either, and is
/// the reference to the decoded event alone (what is derived, such as its anomalies, is derived
/// when asked for).
public struct Recording: Sendable, Hashable, Identifiable {
    /// Where the fields that come from events are read.
    private enum Values: Sendable, Hashable {
        /// The one event (always `.recording`), delivered once.
        case one(DecodedEvent)
        /// Merged over several events, or over several deliveries of one.
        indirect case merged(Merged)
    }

    /// The fields merged over several events (or deliveries), and the events.
    private struct Merged: Sendable, Hashable {
        var recordingId: PackedID?
        var callId: PackedID?
        var serverCallId: PackedID?
        var startTime: Timestamp?
        var durationMs: Int64?
        var sessionEndReason: String?
        var contentType: String?
        var channelType: String?
        var formatType: String?
        var storageType: String?
        var events: [EventRef] = []

        /// Takes what `event` says over what earlier events said (missing values erase nothing).
        mutating func absorb(_ event: RecordingEvent, deliveries: [EventLocation]) {
            recordingId = event.subjectIds.packedRecordingId ?? event.packedDataRecordingId ?? recordingId
            callId = event.subjectIds.packedCallId ?? callId
            serverCallId = event.subjectIds.packedServerCallId ?? serverCallId
            startTime = event.startTime ?? startTime
            durationMs = event.durationMs ?? durationMs
            sessionEndReason = event.sessionEndReason ?? sessionEndReason
            contentType = event.contentType ?? contentType
            channelType = event.channelType ?? channelType
            formatType = event.formatType ?? formatType
            storageType = event.storageType ?? storageType
            events.append(EventRef(envelope: event.envelope, deliveries: deliveries))
        }
    }

    private struct Fields: Sendable, Hashable {
        var id: PackedID
        var values: Values
        var chunks: [Chunk] = []
        var fixedAnomalies: Set<Anomaly> = []
        var lastEventTime: Timestamp?
        // 32-bit counts after the 9-byte time, where they take its padding: a box of 84 bytes, not 96.
        var duplicateDeliveries: Int32 = 0
        var failedChunkCount: Int32 = 0

        /// Fields over no event yet (merged ones follow).
        init(id: PackedID) {
            self.id = id
            values = .merged(Merged())
        }

        /// Fields read from one event delivered once.
        init(id: PackedID, only event: DecodedEvent) {
            self.id = id
            values = .one(event)
            lastEventTime = event.time
        }

        /// Takes what `event` says over what earlier events said (missing values erase nothing).
        mutating func absorb(_ event: RecordingEvent, deliveries: [EventLocation]) {
            var merged = self.merged
            values = .merged(Merged())  // the merged fields are changed in place, not copied
            merged.absorb(event, deliveries: deliveries)
            values = .merged(merged)
            duplicateDeliveries += Int32(clamping: deliveries.count - 1)
            if let time = event.envelope.time, lastEventTime == nil || time > lastEventTime! { lastEventTime = time }
        }

        /// The fields as merged ones (those of the one event, when the recording was one).
        var merged: Merged {
            switch values {
            case .merged(let merged): return merged
            case .one(let decoded):
                var merged = Merged()
                merged.absorb(decoded.recordingEvent, deliveries: [decoded.location])
                return merged
            }
        }

        /// Settles the merged chunks and what is derived from them.
        mutating func finish(chunks merged: [Chunk]) {
            chunks = merged
            failedChunkCount = Int32(clamping: Recording.failedCount(chunks))
            fixedAnomalies = Recording.fixedAnomalies(chunks: chunks, durationMs: durationMs, failed: Int(failedChunkCount))
        }

        var durationMs: Int64? {
            switch values {
            case .one(let decoded): decoded.withRecordingEvent { $0.durationMs }
            case .merged(let merged): merged.durationMs
            }
        }
    }

    private final class Box: @unchecked Sendable {
        // Mutated only through `update(_:)`, after making the box unique: never shared while it changes.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// Where a recording's fields are.
    private enum Storage: Sendable {
        /// The one event (always `.recording`), delivered once, whose subject's recordingId is the
        /// recording's id and whose chunks are distinct and in index order: every field is read
        /// from (or derived from) the decoded event the store holds, and nothing else is allocated.
        case one(DecodedEvent)
        /// The fields in a box of their own.
        case fields(Box)
    }

    private var storage: Storage
    /// What `storage` holds while its box is being changed.
    private static let vacant = Box(Fields(id: PackedID("")))

    /// The fields, made from the one event when there is no box.
    private var fields: Fields {
        switch storage {
        case .fields(let box): return box.fields
        case .one(let decoded): return Self.fields(of: decoded)
        }
    }

    /// The fields of a recording of the one event `decoded` (its id the subject's recordingId).
    private static func fields(of decoded: DecodedEvent) -> Fields {
        var f = Fields(id: decoded.withRecordingEvent { $0.subjectIds.packedRecordingId! }, only: decoded)
        f.finish(chunks: decoded.recordingChunks)
        return f
    }

    private mutating func update(_ change: (inout Fields) -> Void) {
        switch storage {
        case .one(let decoded):
            let box = Box(Self.fields(of: decoded))
            storage = .fields(box)
            change(&box.fields)
        case .fields(var box):
            storage = .fields(Self.vacant)  // lets go of the box, so that it may be unique
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            change(&box.fields)
            storage = .fields(box)
        }
    }

    /// Where the fields that come from events are read.
    private var values: Values {
        switch storage {
        case .one(let decoded): .one(decoded)
        case .fields(let box): box.fields.values
        }
    }

    /// A field: read from the one event, or from the merged fields.
    @inline(__always)
    private func value<T>(_ one: (borrowing RecordingEvent) -> T, _ merged: (Merged) -> T) -> T {
        switch values {
        case .one(let decoded): decoded.withRecordingEvent(one)
        case .merged(let fields): merged(fields)
        }
    }

    /// The store's key: the recordingId, or a fallback when the events carry none (see `RecordingEvent.recordingKey`).
    public var id: PackedID {
        switch storage {
        case .one(let decoded): decoded.withRecordingEvent { $0.subjectIds.packedRecordingId! }
        case .fields(let box): box.fields.id
        }
    }
    public var recordingId: String? { packedRecordingId?.text }
    /// The recordingId, else the store's key: the id a person sees for the recording.
    public var shownId: String { recordingId ?? id.text }
    public var packedRecordingId: PackedID? {
        value({ $0.subjectIds.packedRecordingId ?? $0.packedDataRecordingId }, \.recordingId)
    }
    public var callId: String? { packedCallId?.text }
    public var serverCallId: String? { packedServerCallId?.text }
    /// The call id as kept (filters search it without making its text).
    public var packedCallId: PackedID? { value(\.subjectIds.packedCallId, \.callId) }
    public var packedServerCallId: PackedID? { value(\.subjectIds.packedServerCallId, \.serverCallId) }
    public var startTime: Timestamp? { value(\.startTime, \.startTime) }
    public var durationMs: Int64? {
        switch storage {
        case .one(let decoded): decoded.withRecordingEvent { $0.durationMs }
        case .fields(let box): box.fields.durationMs
        }
    }
    public var sessionEndReason: String? { value(\.sessionEndReason, \.sessionEndReason) }
    public var contentType: String? { value(\.contentType, \.contentType) }
    public var channelType: String? { value(\.channelType, \.channelType) }
    public var formatType: String? { value(\.formatType, \.formatType) }
    /// `storageType` (`AcsStorage`, or `BlobStorage` for bring-your-own storage).
    public var storageType: String? { value(\.storageType, \.storageType) }
    /// Chunks in index order (array position for chunks without an index).
    public var chunks: [Chunk] {
        switch storage {
        case .one(let decoded): decoded.recordingChunks
        case .fields(let box): box.fields.chunks
        }
    }
    /// The recording's distinct events, oldest first.
    public var events: [EventRef] {
        switch values {
        case .one(let decoded): [EventRef(envelope: decoded.envelope, deliveries: [decoded.location])]
        case .merged(let merged): merged.events
        }
    }
    /// How many distinct events it has (`events.count`, without building the array).
    public var eventCount: Int {
        switch values {
        case .one: 1
        case .merged(let merged): merged.events.count
        }
    }
    /// The `index`th of `events`, without building the array.
    public func event(at index: Int) -> EventRef {
        switch values {
        case .one(let decoded): EventRef(envelope: decoded.envelope, deliveries: [decoded.location])
        case .merged(let merged): merged.events[index]
        }
    }
    /// The file of the first event's counting delivery (`events.first?.location.file`, without
    /// building the event's reference).
    public var firstEventFile: String? {
        switch values {
        case .one(let decoded): decoded.location.file
        case .merged(let merged): merged.events.first?.location.file
        }
    }
    /// Deliveries beyond the first, over all its events.
    public var duplicateDeliveries: Int {
        switch storage {
        case .one: 0
        case .fields(let box): Int(box.fields.duplicateDeliveries)
        }
    }
    /// Anomalies that do not depend on the clock (everything but `mediaExpired`).
    public var fixedAnomalies: Set<Anomaly> {
        switch storage {
        case .one: Self.fixedAnomalies(chunks: chunks, durationMs: durationMs, failed: failedChunkCount)
        case .fields(let box): box.fields.fixedAnomalies
        }
    }
    /// The newest event time, which decides whether the media has expired.
    public var lastEventTime: Timestamp? {
        switch storage {
        case .one(let decoded): decoded.time
        case .fields(let box): box.fields.lastEventTime
        }
    }

    /// How many of its chunks ended in failure (`Chunk.endedInFailure`), counted once.
    public var failedChunkCount: Int {
        switch storage {
        case .one(let decoded): Self.failedCount(decoded.recordingChunks)
        case .fields(let box): Int(box.fields.failedChunkCount)
        }
    }

    /// Whether one of its events came from Event Grid's dead-letter storage.
    public var deadLettered: Bool { deadLetteredEventCount > 0 }

    /// How many of its events came from Event Grid's dead-letter storage.
    public var deadLetteredEventCount: Int {
        switch values {
        case .one(let decoded): decoded.envelope.deadLetter != nil ? 1 : 0
        case .merged(let merged): merged.events.reduce(0) { $0 + ($1.deadLetter != nil ? 1 : 0) }
        }
    }

    public static func == (lhs: Recording, rhs: Recording) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.one(let left), .one(let right)): left == right  // every field is derived from the event
        case (.fields(let left), .fields(let right)): left === right || left.fields == right.fields
        default: lhs.fields == rhs.fields
        }
    }

    public func hash(into hasher: inout Hasher) {
        fields.hash(into: &hasher)
    }

    /// Merges the events of one recording (each with its deliveries, the first the canonical one).
    public init(id: PackedID, events: [(event: RecordingEvent, deliveries: [EventLocation])]) {
        if events.count == 1, events[0].deliveries.count == 1 {
            var event = events[0].event
            event.envelope.location = events[0].deliveries[0]
            self.init(id: id, only: .recording(event))
            return
        }
        var f = Fields(id: id)
        var chunks = ChunkMerge()
        if events.count == 1 {
            // One event, nothing to order.
            let (event, deliveries) = events[0]
            f.absorb(event, deliveries: deliveries)
            chunks = Self.chunks(of: event.chunks)
        } else {
            for (event, deliveries) in events.sorted(by: { Self.mergesBefore($0.event.envelope.time, $0.deliveries[0], $1.event.envelope.time, $1.deliveries[0]) }) {
                f.absorb(event, deliveries: deliveries)
                chunks.merge(event.chunks)
            }
        }
        f.finish(chunks: chunks.ordered())
        self.init(storage: .fields(Box(f)))
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    /// The recording of one event delivered once (`.recording`, its location the delivery's),
    /// sharing the decoded event instead of copying its fields: without a box of its own when the
    /// event's subject names `id` and its chunks need no merging (nearly every recording).
    init(id: PackedID, only event: DecodedEvent) {
        if event.withRecordingEvent({ $0.subjectIds.packedRecordingId == id }), ChunkMerge.isMerged(event.recordingChunks) {
            storage = .one(event)
            return
        }
        var f = Fields(id: id, only: event)
        var chunks = Self.chunks(of: event.recordingChunks)
        f.finish(chunks: chunks.ordered())
        storage = .fields(Box(f))
    }

    /// The chunks one event lists, merged.
    private static func chunks(of listed: [Chunk]) -> ChunkMerge {
        guard ChunkMerge.allDistinct(listed) else {
            var chunks = ChunkMerge()
            chunks.merge(listed)
            return chunks
        }
        return ChunkMerge(distinct: listed, ordered: false)  // shared with the event, not copied
    }

    /// Merges `later` events (new to this recording) in, as `init(id:events:)` over all of its
    /// events would; answers false, changing nothing, when one of them merges before an event
    /// already merged (an earlier event time), which takes building the recording again.
    ///
    /// The work is that of the new events and one pass over the recording's chunks, whatever the
    /// number of its events, so a recording growing one event at a time is never rebuilt (and
    /// when nothing else holds this value, its arrays grow in place).
    mutating func merge(_ later: [(event: RecordingEvent, deliveries: [EventLocation])]) -> Bool {
        let ordered = later.sorted { Self.mergesBefore($0.event.envelope.time, $0.deliveries[0], $1.event.envelope.time, $1.deliveries[0]) }
        let newest = event(at: eventCount - 1)
        guard let first = ordered.first,
              Self.mergesBefore(newest.time, newest.location, first.event.envelope.time, first.deliveries[0]) else { return false }
        update { f in
            var chunks = ChunkMerge(distinct: f.chunks)
            f.chunks = []
            for (event, deliveries) in ordered {
                f.absorb(event, deliveries: deliveries)
                chunks.merge(event.chunks)
            }
            f.finish(chunks: chunks.ordered())
        }
        return true
    }

    /// The order events merge in: by event time (missing first), then by canonical delivery.
    private static func mergesBefore(_ leftTime: Timestamp?, _ left: EventLocation, _ rightTime: Timestamp?, _ right: EventLocation) -> Bool {
        if leftTime != rightTime {
            return (leftTime ?? Timestamp(nanoseconds: .min)) < (rightTime ?? Timestamp(nanoseconds: .min))
        }
        return left < right
    }

    /// Joins each chunk to its metadata document (`lookup` by documentId) and settles the
    /// anomalies that need them; answers whether anything changed.
    mutating func attachMetadata(_ lookup: (String) -> ChunkMetadata?) -> Bool {
        let found = chunks.map { chunk in chunk.documentId.flatMap(lookup) }
        guard found != chunks.map(\.metadata) else { return false }
        update { f in
            for index in f.chunks.indices { f.chunks[index].metadata = found[index] }
            f.fixedAnomalies.subtract([.durationMismatch, .chunkIndexMismatch])
            if f.chunks.contains(where: { chunk in chunk.metadata.map { $0.chunkIndex != nil && $0.chunkIndex != chunk.index } ?? false }) {
                f.fixedAnomalies.insert(.chunkIndexMismatch)
            }
            let durations = f.chunks.compactMap { $0.metadata?.chunkDurationMs }
            if let total = f.durationMs, total > 0, !f.chunks.isEmpty, durations.count == f.chunks.count,
               abs(durations.reduce(0, +) - Double(total)) > Anomaly.durationTolerance(ms: total) {
                f.fixedAnomalies.insert(.durationMismatch)
            }
        }
        return true
    }

    /// Every anomaly at `now`, in code order.
    public func anomalies(now: Timestamp) -> [Anomaly] {
        var all = fixedAnomalies
        if let last = lastEventTime, now.nanoseconds(since: last) > Anomaly.mediaRetentionNanoseconds {
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

    /// How many of `chunks` ended in failure.
    private static func failedCount(_ chunks: [Chunk]) -> Int {
        chunks.reduce(0) { $0 + ($1.endedInFailure ? 1 : 0) }
    }

    private static func fixedAnomalies(chunks: [Chunk], durationMs: Int64?, failed: Int) -> Set<Anomaly> {
        var found: Set<Anomaly> = []
        if chunks.isEmpty { found.insert(.noChunks) }
        if durationMs == nil || durationMs == 0 { found.insert(.noDuration) }
        if failed > 0 { found.insert(.failedChunk) }
        // Chunks are in index order (indexed ones first), so repeats are neighbours: one pass.
        var first: Int64?, last: Int64 = 0, indexed = 0, distinct = 0
        for chunk in chunks {
            guard let index = chunk.index else { continue }
            if first == nil { first = index }
            if indexed == 0 || index != last { distinct += 1 }
            last = index
            indexed += 1
        }
        guard let first else { return found }
        if distinct != indexed { found.insert(.repeatedChunkIndex) }
        if Int64(distinct) != last &+ 1 || first < 0 { found.insert(.chunkGap) }
        return found
    }
}
