import Dispatch

/// Every event and problem of a directory, by file, and the recordings they make.
///
/// The store changes one file at a time: `apply(_:to:)` replaces a file's contents, `remove(file:)`
/// forgets it, and each answers with the recordings added, updated and removed. A full scan is the
/// same operation applied to every file, and the result never depends on the order of the files:
/// among redeliveries of an event the one `RedeliveryRule` puts first is the one shown (for equal
/// bodies, the first in (file, offset) order); different bodies under one key are reported as a
/// conflicting redelivery.
/// `apply(_:)` takes many files at once: into an empty store (the first scan) it builds everything
/// in one pass instead of file by file, with the same result.
///
/// Each decoded event is kept once, in its file's contents; the tables point into them, and the raw
/// text stays on disk.
public struct RecordingStore: Sendable {
    private typealias Delivery = EventTable.Delivery

    /// The one copy of every decoded event, by file slot (each delivery is an index into its
    /// file's events); a removed file's slot is reused.
    private var fileContents: [FileContents] = []
    /// The path of each file slot (nil while it is free), and their index: 8 bytes a bucket, where
    /// a dictionary held a copy of the path beside each slot.
    private var slotPaths: [String?] = []
    private var fileIndex = SlotIndex()
    private var freeFileSlots: [Int32] = []
    private var events = EventTable()
    /// The first event of each recording, found by the recording's id (an event's
    /// `EventTable.Entry.recordingKey`); the rest are linked through `EventTable.Entry.nextInRecording`.
    private var firstEventOfRecording = SlotIndex()
    private var otherEventKeys: Set<EventKey> = []
    /// Events whose deliveries do not all have the same body.
    private var conflictingKeys: Set<EventKey> = []
    private var zonelessTimeCount = 0
    /// Totals kept as files come and go, so that `summary` costs nothing on a large store.
    private var deliveryCount = 0
    private var problemCount = 0
    /// How many events recordings were merged from, one at a time, since the store began: the
    /// work of keeping recordings up to date (tests check that a growing recording is not rebuilt).
    private(set) var mergedEventCount = 0
    /// The recordings, by id.
    public private(set) var recordings = RecordingMap()
    /// Chunk metadata documents by chunkDocumentId (more than one when saved twice; the first in
    /// (file, offset) order counts).
    private var metadataByDocument: [String: [ChunkMetadata]] = [:]

    public init() {}

    /// How many file and event slots exist, in use or free: a store whose files come and go
    /// reuses them instead of growing.
    var slotCounts: (files: Int, events: Int) { (fileContents.count, events.slotCount) }

    /// Paths (relative to the directory) of every file the store holds.
    public var filePaths: [String] { slotPaths.compactMap { $0 } }

    /// What the store holds for `file`, if anything.
    public func contents(of file: String) -> FileContents? { slot(ofFile: file).map { fileContents[Int($0)] } }

    /// The slot of `file`, if the store holds it.
    private func slot(ofFile file: String) -> Int32? {
        fileIndex.find(SlotIndex.tag(file.hashValue)) { slotPaths[Int($0)] == file }
    }

    /// The event a delivery points at.
    private func event(_ delivery: Delivery) -> DecodedEvent {
        Self.event(delivery, in: fileContents)
    }

    /// The event a delivery points at among `files` (the store's file contents, or a reference to them).
    private static func event(_ delivery: Delivery, in files: [FileContents]) -> DecodedEvent {
        files[Int(delivery.file)].event(at: Int(delivery.index))
    }

    /// The slot of the event with `key`, if the store has it.
    private func slot(of key: EventKey) -> Int32? {
        events.slot(of: key) { event($0).key }
    }

    /// Adds a delivery of the event with `key` (to a new event when the store lacks it).
    /// Answers the event's slot.
    @discardableResult
    private mutating func add(_ delivery: Delivery, of key: EventKey) -> Int32 {
        // The files are read, not changed, while the table is: a reference, let go of on return.
        let files = fileContents
        return events.add(delivery, to: key) { Self.event($0, in: files).key }
    }

    /// Where a delivery's bytes are.
    private func location(_ delivery: Delivery) -> EventLocation {
        event(delivery).location
    }

    /// A slot for `file`, which the store does not hold yet.
    private mutating func addFile(_ file: String) -> Int32 {
        let slot: Int32
        if let free = freeFileSlots.popLast() {
            slot = free
        } else {
            slot = Int32(fileContents.count)
            fileContents.append(FileContents())
            slotPaths.append(nil)
        }
        slotPaths[Int(slot)] = file
        fileIndex.insert(SlotIndex.tag(file.hashValue), slot: slot)
        return slot
    }

    /// The slot of the first event of recording `id` (whose index tag is `tag`), if it has events.
    private func firstEvent(ofRecording id: PackedID, tag: UInt32) -> Int32? {
        firstEventOfRecording.find(tag) { events[$0].recordingKey == id }
    }

    /// The event slots of recording `id`.
    private func eventSlots(ofRecording id: PackedID) -> [Int32] {
        var slots: [Int32] = []
        var slot = firstEvent(ofRecording: id, tag: SlotIndex.tag(id.hashValue)) ?? -1
        while slot >= 0 {
            slots.append(slot)
            slot = events[slot].nextInRecording
        }
        return slots
    }

    /// Adds the event in `slot` to recording `id` (at the head of its list); answers whether the
    /// recording had no event before.
    @discardableResult
    private mutating func link(_ slot: Int32, toRecording id: PackedID) -> Bool {
        let tag = SlotIndex.tag(id.hashValue)
        let first = firstEvent(ofRecording: id, tag: tag)
        events[slot].recordingKey = id
        events[slot].nextInRecording = first ?? -1
        if let first { firstEventOfRecording.replace(tag, slot: first, with: slot) } else { firstEventOfRecording.insert(tag, slot: slot) }
        return first == nil
    }

    /// Takes the event in `slot` out of the recording it belongs to, if it does.
    private mutating func unlink(_ slot: Int32) {
        guard let id = events[slot].recordingKey else { return }
        let tag = SlotIndex.tag(id.hashValue)
        let next = events[slot].nextInRecording
        guard let first = firstEvent(ofRecording: id, tag: tag) else { return }
        events[slot].recordingKey = nil
        events[slot].nextInRecording = -1
        if first == slot {
            if next >= 0 { firstEventOfRecording.replace(tag, slot: slot, with: next) } else { firstEventOfRecording.remove(tag, slot: slot) }
            return
        }
        var previous = first
        while events[previous].nextInRecording >= 0 {
            if events[previous].nextInRecording == slot {
                events[previous].nextInRecording = next
                return
            }
            previous = events[previous].nextInRecording
        }
    }

    /// Replaces what the store knows of `file` with `contents`.
    @discardableResult
    public mutating func apply(_ contents: FileContents, to file: String) -> StoreDelta {
        let existing = slot(ofFile: file)
        let fileSlot = existing ?? addFile(file)
        let old = existing.map { fileContents[Int($0)] }
        problemCount += contents.problems.count - (old?.problems.count ?? 0)
        zonelessTimeCount += contents.zonelessTimes - (old?.zonelessTimes ?? 0)
        var touched: Set<EventKey> = []
        if let old {
            for event in old.events where touched.insert(event.key).inserted {
                removeDeliveries(of: event.key, inFile: fileSlot)
            }
        }
        fileContents[Int(fileSlot)] = contents
        for index in 0..<contents.eventCount {
            let event = contents.event(at: index)
            add(Delivery(file: fileSlot, index: Int32(index)), of: event.key)
            deliveryCount += 1
            touched.insert(event.key)
        }
        let changed = replaceMetadata(old?.metadata ?? [], with: contents.metadata)
        var delta = reconcile(touched)
        joinMetadata(&delta, changed: changed)
        delta.problemsChanged = delta.problemsChanged || (old?.problems ?? []) != contents.problems
        return delta
    }
    /// Applies many files at once, as `apply(_:to:)` one after another would (the same store, the
    /// same merged delta). Into an empty store it builds everything in one pass: no per-file sets,
    /// no recording built twice, each table sized once, the recordings built on all cores.
    @discardableResult
    public mutating func apply(_ batch: consuming [(file: String, contents: FileContents)]) -> StoreDelta {
        apply(batch, delta: true)
    }

    /// `apply(_:)`, answering an empty delta when `delta` is false (a one-shot scan has no use for it).
    /// The batch is let go of once its files are in the store, before the recordings are built.
    mutating func apply(_ batch: consuming [(file: String, contents: FileContents)], delta wanted: Bool) -> StoreDelta {
        var eventCount = 0
        for index in batch.indices { eventCount += batch[index].contents.eventCount }
        var loading = startLoading(files: batch.count, events: eventCount, delta: wanted)
        for index in batch.indices { load(batch[index].contents, to: batch[index].file, into: &loading) }
        batch = []
        return finishLoading(loading)
    }

    /// Files going into the store one after another, finished together (`finishLoading(_:)`): the
    /// bulk `apply(_:)` for a caller that has the files one at a time, such as a scan as it reads
    /// them. Into an empty store each file's events go into the tables as it comes, and the
    /// recordings are built once, at the end; into a store that held files, and from a file named
    /// a second time on, the files are applied one at a time. The result is the same.
    public struct Loading: Sendable {
        /// The files' slots, in loading order.
        fileprivate var slots: [Int32] = []
        /// The event slot of each loaded event, in loading order (found once, not again).
        fileprivate var eventSlots: [Int32] = []
        /// Whether the files still go in as one batch (else one at a time, their deltas in `delta`).
        fileprivate var bulk: Bool
        /// Whether the caller wants the delta (a one-shot scan does not).
        fileprivate let wantsDelta: Bool
        fileprivate var delta = StoreDelta()
    }

    /// Starts loading about `files` files with about `events` events (the tables are sized for them).
    public mutating func startLoading(files: Int, events eventCount: Int, delta wanted: Bool = true) -> Loading {
        var loading = Loading(bulk: fileIndex.count == 0, wantsDelta: wanted)
        guard loading.bulk else { return loading }
        fileIndex.reserveCapacity(files)
        slotPaths.reserveCapacity(files)
        fileContents.reserveCapacity(files)
        events.reserveCapacity(eventCount)
        loading.slots.reserveCapacity(files)
        loading.eventSlots.reserveCapacity(eventCount)
        return loading
    }

    /// Loads one file (`apply(_:to:)` deferred to `finishLoading(_:)` while the load is a bulk one).
    public mutating func load(_ contents: FileContents, to file: String, into loading: inout Loading) {
        if loading.bulk, slot(ofFile: file) != nil {
            // A file named twice: what came before is one batch, the rest goes in one at a time.
            loading.delta = finishBulk(loading)
            loading.bulk = false
        }
        guard loading.bulk else {
            loading.delta.merge(apply(contents, to: file))
            return
        }
        let fileSlot = addFile(file)
        loading.slots.append(fileSlot)
        fileContents[Int(fileSlot)] = contents
        problemCount += contents.problems.count
        zonelessTimeCount += contents.zonelessTimes
        _ = replaceMetadata([], with: contents.metadata)
        for index in 0..<contents.eventCount {
            let event = contents.event(at: index)
            loading.eventSlots.append(add(Delivery(file: fileSlot, index: Int32(index)), of: event.key))
        }
        deliveryCount += contents.eventCount
    }

    /// Ends a load: builds the recordings of a bulk one, and answers what the load did.
    public mutating func finishLoading(_ loading: consuming Loading) -> StoreDelta {
        loading.bulk ? finishBulk(loading) : loading.delta
    }

    /// The recordings of a bulk load, built in one pass.
    private mutating func finishBulk(_ loading: borrowing Loading) -> StoreDelta {
        var delta = bulkReconcile(loading.slots, eventSlots: loading.eventSlots, delta: loading.wantsDelta)
        delta.problemsChanged = problemCount > 0 || !conflictingKeys.isEmpty
        return delta
    }

    /// Derives every recording from the event table (all new): the body of a bulk `apply`.
    /// `slots` are the batch's files, in its order, and `eventSlots` the slot of each of their events.
    private mutating func bulkReconcile(_ slots: [Int32], eventSlots: [Int32], delta wanted: Bool) -> StoreDelta {
        var delta = StoreDelta()
        // Not sized ahead: the recordings are fewer than the events, and a table sized for the
        // events could take the next power of two of buckets.
        // Recordings in the order their first event appears in the batch (for a scan: path order,
        // which is nearly time order), so that they are built, and lie in memory, in about the
        // order the dashboard shows and filters them.
        var order: [PackedID] = []
        order.reserveCapacity(events.count)
        var position = 0
        for fileSlot in slots {
            let file = fileContents[Int(fileSlot)]
            for index in 0..<file.eventCount {
                let decoded = file.event(at: index)
                let slot = eventSlots[position]
                position += 1
                guard !events[slot].settled else { continue }
                events[slot].settled = true
                let recordingKey: PackedID?
                if events[slot].deliveries.count > 1 {
                    orderDeliveries(slot)
                    recordingKey = event(events[slot].deliveries.head).recordingKey
                    if hasConflict(events[slot].deliveries) { conflictingKeys.insert(decoded.key) }
                } else {
                    recordingKey = decoded.recordingKey
                }
                if let recordingKey {
                    if link(slot, toRecording: recordingKey) { order.append(recordingKey) }
                } else {
                    otherEventKeys.insert(decoded.key)
                    delta.otherEventsChanged = true
                }
            }
        }
        // Building a recording reads the tables and nothing else: spread it over the cores.
        let store = self, ids = order
        let built = Parallel.map(ids.count, block: 256) { index in
            var recording = store.buildRecording(id: ids[index], slots: store.eventSlots(ofRecording: ids[index]))
            if !store.metadataByDocument.isEmpty { _ = recording.attachMetadata(store.metadata(forDocument:)) }
            return recording
        }
        if recordings.isEmpty {
            recordings = RecordingMap(built)
        } else {
            recordings.reserveCapacity(recordings.count + built.count)
            for recording in built { recordings.updateValue(recording, forKey: recording.id) }
        }
        // Every recording is new: the delta's table is the store's (shared, not copied).
        if wanted { delta.added = recordings }
        return delta
    }

    /// Puts the deliveries of the event in `slot` in `RedeliveryRule` order (the one that counts
    /// first), cheaply when they already are.
    private mutating func orderDeliveries(_ slot: Int32) {
        guard events[slot].deliveries.count > 1 else { return }
        let files = fileContents
        let precedes = { (lhs: Delivery, rhs: Delivery) in
            RedeliveryRule.precedes(files[Int(lhs.file)].event(at: Int(lhs.index)).envelope,
                                    files[Int(rhs.file)].event(at: Int(rhs.index)).envelope)
        }
        var deliveries = events[slot].deliveries.all
        for index in deliveries.indices.dropFirst() where precedes(deliveries[index], deliveries[index - 1]) {
            deliveries.sort(by: precedes)
            events.reorderDeliveries(of: slot, as: deliveries)
            return
        }
    }

    /// Whether some delivery's body differs from the first's.
    private func hasConflict(_ deliveries: EventTable.Deliveries) -> Bool {
        guard deliveries.count > 1 else { return false }
        let all = deliveries.all
        let first = event(all[0]).envelope.body
        return all.dropFirst().contains { event($0).envelope.body != first }
    }

    private func buildRecording(id: PackedID, slots: [Int32]) -> Recording {
        if slots.count == 1, events[slots[0]].deliveries.count == 1 {
            let decoded = event(events[slots[0]].deliveries.head)
            if case .recording = decoded { return Recording(id: id, only: decoded) }
        }
        return Recording(id: id, events: members(slots))
    }

    /// The recording events in `slots`, each with its deliveries.
    private func members(_ slots: [Int32]) -> [(event: RecordingEvent, deliveries: [EventLocation])] {
        var members: [(event: RecordingEvent, deliveries: [EventLocation])] = []
        members.reserveCapacity(slots.count)
        for slot in slots {
            let deliveries = events[slot].deliveries
            guard case .recording(var event) = event(deliveries.head) else { continue }
            if deliveries.count == 1 {
                members.append((event, [event.envelope.location]))
            } else {
                let all = deliveries.all
                event.envelope.deliveryCount = highestDeliveryCount(all)
                members.append((event, all.map(location)))
            }
        }
        return members
    }

    /// The highest `aeg-delivery-count` among an event's deliveries (each file's own, from its sidecar).
    private func highestDeliveryCount(_ deliveries: [Delivery]) -> Int? {
        deliveries.lazy.compactMap { self.event($0).envelope.deliveryCount }.max()
    }

    /// Forgets `file`: its events leave, and a recording with no event left disappears.
    @discardableResult
    public mutating func remove(file: String) -> StoreDelta {
        guard let fileSlot = slot(ofFile: file) else { return StoreDelta() }
        fileIndex.remove(SlotIndex.tag(file.hashValue), slot: fileSlot)
        slotPaths[Int(fileSlot)] = nil
        let old = fileContents[Int(fileSlot)]
        problemCount -= old.problems.count
        zonelessTimeCount -= old.zonelessTimes
        var touched: Set<EventKey> = []
        for event in old.events where touched.insert(event.key).inserted {
            removeDeliveries(of: event.key, inFile: fileSlot)
        }
        let changed = replaceMetadata(old.metadata, with: [])
        var delta = reconcile(touched)
        // Nothing points into the file any more: its slot is free.
        fileContents[Int(fileSlot)] = FileContents()
        freeFileSlots.append(fileSlot)
        joinMetadata(&delta, changed: changed)
        delta.problemsChanged = delta.problemsChanged || !old.problems.isEmpty
        return delta
    }

    /// The metadata document that counts for chunk `documentId`, if the folder has one.
    public func metadata(forDocument documentId: String) -> ChunkMetadata? {
        metadataByDocument[documentId]?.min { $0.location < $1.location }
    }

    /// Every chunk metadata document the store holds, one per chunkDocumentId.
    public var metadataDocumentCount: Int { metadataByDocument.count }

    /// Replaces a file's `old` metadata documents with `new`; answers the chunkDocumentIds whose documents changed.
    private mutating func replaceMetadata(_ old: [ChunkMetadata], with new: [ChunkMetadata]) -> Set<String> {
        guard old != new else { return [] }
        var changed: Set<String> = []
        for document in old {
            changed.insert(document.chunkDocumentId)
            metadataByDocument[document.chunkDocumentId]?.removeAll { $0 == document }
            if metadataByDocument[document.chunkDocumentId]?.isEmpty == true { metadataByDocument.removeValue(forKey: document.chunkDocumentId) }
        }
        for document in new {
            changed.insert(document.chunkDocumentId)
            metadataByDocument[document.chunkDocumentId, default: []].append(document)
        }
        return changed
    }

    /// Joins the metadata documents to the recordings `delta` (re)built, and to every recording
    /// with a chunk whose document `changed` (a scan of the recordings, only when documents changed).
    private mutating func joinMetadata(_ delta: inout StoreDelta, changed: Set<String>) {
        guard !metadataByDocument.isEmpty || !changed.isEmpty else { return }
        var ids = Set(delta.added.keys).union(delta.updated.keys)
        if !changed.isEmpty {
            for (id, recording) in recordings where recording.chunks.contains(where: { $0.documentId.map(changed.contains) ?? false }) {
                ids.insert(id)
            }
        }
        for id in ids {
            guard var recording = recordings[id], recording.attachMetadata(metadata(forDocument:)) else { continue }
            recordings[id] = recording
            if delta.added[id] != nil { delta.added[id] = recording } else { delta.updated[id] = recording }
        }
    }

    private mutating func removeDeliveries(of key: EventKey, inFile file: Int32) {
        guard let slot = slot(of: key) else { return }
        deliveryCount -= events.removeDeliveries(inFile: file, from: slot, key: key)
    }

    /// Re-derives the recordings that the events `touched` belong to, before and after.
    ///
    /// A recording that only gained events which merge after its own (new events, later in time:
    /// the usual live arrival) has them merged in; one that lost or changed an event is built
    /// again from its events.
    private mutating func reconcile(_ touched: Set<EventKey>) -> StoreDelta {
        var delta = StoreDelta()
        var affected: Set<PackedID> = []
        var rebuilt: Set<PackedID> = []
        var gained: [PackedID: [Int32]] = [:]
        for key in touched {
            guard let slot = slot(of: key) else { continue }
            var previousRecording: PackedID?
            if let previous = events[slot].recordingKey {
                unlink(slot)
                affected.insert(previous)
                rebuilt.insert(previous)
                previousRecording = previous
            }
            let wasOther = otherEventKeys.remove(key) != nil
            let wasConflict = conflictingKeys.remove(key) != nil
            guard !events[slot].deliveries.isEmpty else {
                events.remove(slot)
                if wasOther { delta.otherEventsChanged = true }
                if wasConflict { delta.problemsChanged = true }
                continue
            }
            orderDeliveries(slot)
            let isConflict = hasConflict(events[slot].deliveries)
            if isConflict { conflictingKeys.insert(key) }
            if isConflict || wasConflict { delta.problemsChanged = true }
            switch event(events[slot].deliveries.head) {
            case .recording(let event):
                let recordingKey = event.recordingKey
                link(slot, toRecording: recordingKey)
                affected.insert(recordingKey)
                if previousRecording == nil { gained[recordingKey, default: []].append(slot) }
                if wasOther { delta.otherEventsChanged = true }
            case .other, .call:
                otherEventKeys.insert(key)
                delta.otherEventsChanged = true
            }
        }
        for id in affected {
            let slots = eventSlots(ofRecording: id)
            guard !slots.isEmpty else {
                if recordings.removeValue(forKey: id) != nil { delta.removed.insert(id) }
                continue
            }
            if !rebuilt.contains(id), let new = gained[id] {
                let members = self.members(new)
                if recordings.modify(id, { $0.merge(members) }) == true, let merged = recordings[id] {
                    mergedEventCount += members.count
                    delta.updated[id] = merged
                    continue
                }
            }
            mergedEventCount += slots.count
            let recording = buildRecording(id: id, slots: slots)
            switch recordings.updateValue(recording, forKey: id) {
            case nil: delta.added[id] = recording
            case let previous? where previous != recording: delta.updated[id] = recording
            default: break
            }
        }
        return delta
    }

    /// The deliveries of the event with `key`, the one that counts first; empty when there is no such event.
    private func deliveries(ofKey key: EventKey) -> [Delivery] {
        slot(of: key).map { events[$0].deliveries.all } ?? []
    }

    /// Every problem of every file, and every conflicting redelivery, in (file, line, column) order.
    public var problems: [Problem] {
        (fileContents.flatMap(\.problems) + conflictProblems).sorted()  // a free slot has none
    }

    /// One problem for each delivery whose body differs from the body that counts, in the file
    /// of the delivery that counts, naming both files.
    public var conflictProblems: [Problem] {
        var found: [Problem] = []
        for key in conflictingKeys {
            let deliveries = deliveries(ofKey: key)
            guard let first = deliveries.first else { continue }
            let winner = event(first).envelope
            var seen: Set<EventBody> = [winner.body]
            for delivery in deliveries.dropFirst() {
                let loser = event(delivery).envelope
                guard seen.insert(loser.body).inserted else { continue }
                found.append(Problem(
                    file: winner.location.file,
                    message: "conflicting redelivery: event \(SafeText.quoted(key.id)) (\(key.type)) is also in "
                        + "\(loser.location.file) with a different body; the body here counts because "
                        + RedeliveryRule.reason(winner, over: loser)))
            }
        }
        return found
    }

    /// Every delivery of the event with `key`, the one that counts first, each with its own envelope
    /// (for the event pane's delivery switcher).
    public func deliveries(of key: EventKey) -> [EventEnvelope] {
        deliveries(ofKey: key).map { event($0).envelope }
    }

    /// Every call event (`CallStarted`, `RecordingStateChanged`, …) as its counting delivery has
    /// it, with all its deliveries: what the call model is built from.
    public var callEvents: [(event: CallEvent, deliveries: [EventLocation])] {
        otherEventKeys.compactMap { key in
            let list = deliveries(ofKey: key)
            guard let first = list.first, case .call(let call) = event(first) else { return nil }
            return (call, list.map(location))
        }
    }

    /// The events that are not recording events (subscription validation, call events, …), oldest first.
    public var otherEvents: [EventRef] {
        otherEventKeys.compactMap { key -> EventRef? in
            let list = deliveries(ofKey: key)
            guard let first = list.first else { return nil }
            var envelope = event(first).envelope
            if list.count > 1 { envelope.deliveryCount = highestDeliveryCount(list) }
            return EventRef(envelope: envelope, deliveries: list.map(location))
        }.sorted { lhs, rhs in
            lhs.time != rhs.time ? (lhs.time?.nanoseconds ?? .min) < (rhs.time?.nanoseconds ?? .min) : lhs.location < rhs.location
        }
    }

    /// Counts over the whole store, as `recdeck check` reports them.
    public var summary: StoreSummary {
        StoreSummary(files: fileIndex.count, events: events.count, recordings: recordings.count,
                     otherEvents: otherEventKeys.count, duplicateDeliveries: deliveryCount - events.count,
                     problems: problemCount + conflictProblemCount, zonelessTimes: zonelessTimeCount)
    }

    /// How many problems `conflictProblems` holds, without building their messages.
    private var conflictProblemCount: Int {
        var count = 0
        for key in conflictingKeys {
            count += Set(deliveries(ofKey: key).map { event($0).envelope.body }).count - 1
        }
        return count
    }
}

/// Totals of a store: files read, distinct events, recordings, other events, extra deliveries, problems.
public struct StoreSummary: Sendable, Equatable {
    public var files: Int
    /// Distinct events (a redelivered event counts once).
    public var events: Int
    public var recordings: Int
    /// Distinct events that are not recording events.
    public var otherEvents: Int
    /// Deliveries beyond the first of each event.
    public var duplicateDeliveries: Int
    public var problems: Int
    /// Timestamps without a zone, read as UTC (a note, not a problem).
    public var zonelessTimes: Int

    public init(files: Int, events: Int, recordings: Int, otherEvents: Int, duplicateDeliveries: Int, problems: Int,
                zonelessTimes: Int = 0) {
        self.files = files
        self.events = events
        self.recordings = recordings
        self.otherEvents = otherEvents
        self.duplicateDeliveries = duplicateDeliveries
        self.problems = problems
        self.zonelessTimes = zonelessTimes
    }
}
