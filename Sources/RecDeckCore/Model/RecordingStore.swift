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
    /// One delivery: where it is, and which event of which applied file it is (the event itself
    /// stays in `files`).
    private struct Delivery: Sendable {
        var location: EventLocation
        /// The file it was applied as (normally `location.file`).
        var file: String
        var index: Int
    }

    /// One distinct event: its deliveries in (file, offset) order, and the recording its canonical
    /// (first) delivery belongs to, when it is a recording event.
    private struct EventEntry: Sendable {
        var deliveries: [Delivery]
        var recordingKey: String?
        /// Set once a bulk `apply` has placed the event (it meets each event once per delivery).
        var settled = false
    }

    /// The one copy of every decoded event, by file (each delivery is an index into its file's events).
    private var files: [String: FileContents] = [:]
    private var entries: [EventKey: EventEntry] = [:]
    /// The distinct events of each recording (a handful each: an array, not a set).
    private var eventsOfRecording: [String: [EventKey]] = [:]
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
    public private(set) var recordings: [String: Recording] = [:]
    /// Chunk metadata documents by chunkDocumentId (more than one when saved twice; the first in
    /// (file, offset) order counts).
    private var metadataByDocument: [String: [ChunkMetadata]] = [:]

    public init() {}

    /// Paths (relative to the directory) of every file the store holds.
    public var filePaths: [String] { Array(files.keys) }

    /// What the store holds for `file`, if anything.
    public func contents(of file: String) -> FileContents? { files[file] }

    /// The event a delivery points at.
    private func event(_ delivery: Delivery) -> DecodedEvent {
        files[delivery.file]!.events[delivery.index]
    }

    /// Replaces what the store knows of `file` with `contents`.
    @discardableResult
    public mutating func apply(_ contents: FileContents, to file: String) -> StoreDelta {
        let old = files.updateValue(contents, forKey: file)
        problemCount += contents.problems.count - (old?.problems.count ?? 0)
        zonelessTimeCount += contents.zonelessTimes - (old?.zonelessTimes ?? 0)
        var touched: Set<EventKey> = []
        if let old {
            for event in old.events where touched.insert(event.key).inserted {
                removeDeliveries(of: event.key, in: file)
            }
        }
        for (index, event) in contents.events.enumerated() {
            let key = event.key
            entries[key, default: EventEntry(deliveries: [])].deliveries
                .append(Delivery(location: event.location, file: file, index: index))
            deliveryCount += 1
            touched.insert(key)
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
    public mutating func apply(_ batch: [(file: String, contents: FileContents)]) -> StoreDelta {
        apply(batch, delta: true)
    }

    /// `apply(_:)`, answering an empty delta when `delta` is false (a one-shot scan has no use for it).
    mutating func apply(_ batch: [(file: String, contents: FileContents)], delta wanted: Bool) -> StoreDelta {
        guard files.isEmpty else { return applyOneByOne(batch) }
        var eventCount = 0
        for item in batch { eventCount += item.contents.events.count }
        files.reserveCapacity(batch.count)
        entries.reserveCapacity(eventCount)
        for (file, contents) in batch {
            guard files.updateValue(contents, forKey: file) == nil else {
                // A file named twice: start again, one file at a time.
                self = RecordingStore()
                return applyOneByOne(batch)
            }
            problemCount += contents.problems.count
            zonelessTimeCount += contents.zonelessTimes
            _ = replaceMetadata([], with: contents.metadata)
            for (index, event) in contents.events.enumerated() {
                entries[event.key, default: EventEntry(deliveries: [])].deliveries
                    .append(Delivery(location: event.location, file: file, index: index))
            }
            deliveryCount += contents.events.count
        }
        var delta = bulkReconcile(batch, delta: wanted)
        delta.problemsChanged = problemCount > 0 || !conflictingKeys.isEmpty
        return delta
    }

    private mutating func applyOneByOne(_ batch: [(file: String, contents: FileContents)]) -> StoreDelta {
        var delta = StoreDelta()
        for (file, contents) in batch { delta.merge(apply(contents, to: file)) }
        return delta
    }

    /// Derives every recording from `entries` (all new): the body of a bulk `apply`.
    private mutating func bulkReconcile(_ batch: [(file: String, contents: FileContents)], delta wanted: Bool) -> StoreDelta {
        var delta = StoreDelta()
        eventsOfRecording.reserveCapacity(entries.count)
        // Recordings in the order their first event appears in the batch (for a scan: path order,
        // which is nearly time order), so that they are built, and lie in memory, in about the
        // order the dashboard shows and filters them.
        var order: [String] = []
        order.reserveCapacity(entries.count)
        for (_, contents) in batch {
            for decoded in contents.events {
                guard let index = entries.index(forKey: decoded.key) else { continue }
                var entry = entries.values[index]
                if entry.settled { continue }
                entry.settled = true
                let recordingKey: String?
                let key = entries.keys[index]
                if entry.deliveries.count > 1 {
                    orderDeliveries(&entry.deliveries)
                    recordingKey = event(entry.deliveries[0]).recordingKey
                    if hasConflict(entry.deliveries) { conflictingKeys.insert(key) }
                } else {
                    recordingKey = decoded.recordingKey
                }
                entry.recordingKey = recordingKey
                if let recordingKey {
                    if let slot = eventsOfRecording.index(forKey: recordingKey) {
                        eventsOfRecording.values[slot].append(key)
                    } else {
                        eventsOfRecording[recordingKey] = [key]
                        order.append(recordingKey)
                    }
                } else {
                    otherEventKeys.insert(key)
                    delta.otherEventsChanged = true
                }
                entries.values[index] = entry
            }
        }
        let groups = order.map { (key: $0, value: eventsOfRecording[$0]!) }
        // Building a recording reads the tables and nothing else: spread it over the cores.
        let store = self
        let built = Parallel.map(groups.count, block: 256) { index in
            var recording = store.buildRecording(id: groups[index].key, keys: groups[index].value)
            if !store.metadataByDocument.isEmpty { _ = recording.attachMetadata(store.metadata(forDocument:)) }
            return recording
        }
        recordings.reserveCapacity(groups.count)
        for (index, group) in groups.enumerated() {
            recordings[group.key] = built[index]
        }
        // Every recording is new: the delta's table is the store's (shared, not copied).
        if wanted { delta.added = recordings }
        return delta
    }

    /// Puts the deliveries in `RedeliveryRule` order (the one that counts first), cheaply when they already are.
    private func orderDeliveries(_ deliveries: inout [Delivery]) {
        let precedes = { (lhs: Delivery, rhs: Delivery) in RedeliveryRule.precedes(event(lhs).envelope, event(rhs).envelope) }
        for index in deliveries.indices.dropFirst() where precedes(deliveries[index], deliveries[index - 1]) {
            deliveries.sort(by: precedes)
            return
        }
    }

    /// Whether some delivery's body differs from the first's.
    private func hasConflict(_ deliveries: [Delivery]) -> Bool {
        guard deliveries.count > 1 else { return false }
        let first = event(deliveries[0]).envelope.body
        return deliveries.dropFirst().contains { event($0).envelope.body != first }
    }

    private func buildRecording(id: String, keys: [EventKey]) -> Recording {
        Recording(id: id, events: members(keys))
    }

    /// The recording events of `keys`, each with its deliveries.
    private func members(_ keys: [EventKey]) -> [(event: RecordingEvent, deliveries: [EventLocation])] {
        var members: [(event: RecordingEvent, deliveries: [EventLocation])] = []
        members.reserveCapacity(keys.count)
        for key in keys {
            guard let entry = entries[key], case .recording(var event) = event(entry.deliveries[0]) else { continue }
            if entry.deliveries.count > 1 { event.envelope.deliveryCount = highestDeliveryCount(entry.deliveries) }
            members.append((event, entry.deliveries.map(\.location)))
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
        guard let old = files.removeValue(forKey: file) else { return StoreDelta() }
        problemCount -= old.problems.count
        var touched: Set<EventKey> = []
        for event in old.events where touched.insert(event.key).inserted {
            removeDeliveries(of: event.key, in: file)
        }
        let changed = replaceMetadata(old.metadata, with: [])
        var delta = reconcile(touched)
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

    private mutating func removeDeliveries(of key: EventKey, in file: String) {
        guard let before = entries[key]?.deliveries.count else { return }
        entries[key]!.deliveries.removeAll { $0.file == file }
        deliveryCount -= before - entries[key]!.deliveries.count
    }

    /// Re-derives the recordings that the events `touched` belong to, before and after.
    ///
    /// A recording that only gained events which merge after its own (new events, later in time:
    /// the usual live arrival) has them merged in; one that lost or changed an event is built
    /// again from its events.
    private mutating func reconcile(_ touched: Set<EventKey>) -> StoreDelta {
        var delta = StoreDelta()
        var affected: Set<String> = []
        var rebuilt: Set<String> = []
        var gained: [String: [EventKey]] = [:]
        for key in touched {
            guard var entry = entries[key] else { continue }
            var previousRecording: String?
            if let previous = entry.recordingKey {
                if var keys = eventsOfRecording[previous], let at = keys.firstIndex(of: key) {
                    keys.remove(at: at)
                    eventsOfRecording[previous] = keys
                }
                entry.recordingKey = nil
                affected.insert(previous)
                rebuilt.insert(previous)
                previousRecording = previous
            }
            let wasOther = otherEventKeys.remove(key) != nil
            let wasConflict = conflictingKeys.remove(key) != nil
            guard !entry.deliveries.isEmpty else {
                entries.removeValue(forKey: key)
                if wasOther { delta.otherEventsChanged = true }
                if wasConflict { delta.problemsChanged = true }
                continue
            }
            orderDeliveries(&entry.deliveries)
            let isConflict = hasConflict(entry.deliveries)
            if isConflict { conflictingKeys.insert(key) }
            if isConflict || wasConflict { delta.problemsChanged = true }
            switch event(entry.deliveries[0]) {
            case .recording(let event):
                let recordingKey = event.recordingKey
                entry.recordingKey = recordingKey
                eventsOfRecording[recordingKey, default: []].append(key)
                affected.insert(recordingKey)
                if previousRecording == nil { gained[recordingKey, default: []].append(key) }
                if wasOther { delta.otherEventsChanged = true }
            case .other, .call:
                otherEventKeys.insert(key)
                delta.otherEventsChanged = true
            }
            entries[key] = entry
        }
        for id in affected {
            guard let keys = eventsOfRecording[id], !keys.isEmpty else {
                eventsOfRecording.removeValue(forKey: id)
                if recordings.removeValue(forKey: id) != nil { delta.removed.insert(id) }
                continue
            }
            if !rebuilt.contains(id), let new = gained[id], let slot = recordings.index(forKey: id) {
                let members = self.members(new)
                if recordings.values[slot].merge(members) {
                    mergedEventCount += members.count
                    delta.updated[id] = recordings.values[slot]
                    continue
                }
            }
            mergedEventCount += keys.count
            let recording = buildRecording(id: id, keys: keys)
            switch recordings.updateValue(recording, forKey: id) {
            case nil: delta.added[id] = recording
            case let previous? where previous != recording: delta.updated[id] = recording
            default: break
            }
        }
        return delta
    }

    /// Every problem of every file, and every conflicting redelivery, in (file, line, column) order.
    public var problems: [Problem] {
        (files.values.flatMap(\.problems) + conflictProblems).sorted()
    }

    /// One problem for each delivery whose body differs from the body that counts, in the file
    /// of the delivery that counts, naming both files.
    public var conflictProblems: [Problem] {
        var found: [Problem] = []
        for key in conflictingKeys {
            guard let deliveries = entries[key]?.deliveries, let first = deliveries.first else { continue }
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
        entries[key]?.deliveries.map { event($0).envelope } ?? []
    }

    /// Every call event (`CallStarted`, `RecordingStateChanged`, …) as its counting delivery has
    /// it, with all its deliveries: what the call model is built from.
    public var callEvents: [(event: CallEvent, deliveries: [EventLocation])] {
        otherEventKeys.compactMap { key in
            guard let list = entries[key]?.deliveries, case .call(let call) = event(list[0]) else { return nil }
            return (call, list.map(\.location))
        }
    }

    /// The events that are not recording events (subscription validation, call events, …), oldest first.
    public var otherEvents: [EventRef] {
        otherEventKeys.compactMap { key -> EventRef? in
            guard let list = entries[key]?.deliveries else { return nil }
            var envelope = event(list[0]).envelope
            if list.count > 1 { envelope.deliveryCount = highestDeliveryCount(list) }
            return EventRef(envelope: envelope, deliveries: list.map(\.location))
        }.sorted { lhs, rhs in
            lhs.time != rhs.time ? (lhs.time?.nanoseconds ?? .min) < (rhs.time?.nanoseconds ?? .min) : lhs.location < rhs.location
        }
    }

    /// Counts over the whole store, as `recdeck check` reports them.
    public var summary: StoreSummary {
        StoreSummary(files: files.count, events: entries.count, recordings: recordings.count,
                     otherEvents: otherEventKeys.count, duplicateDeliveries: deliveryCount - entries.count,
                     problems: problemCount + conflictProblemCount, zonelessTimes: zonelessTimeCount)
    }

    /// How many problems `conflictProblems` holds, without building their messages.
    private var conflictProblemCount: Int {
        var count = 0
        for key in conflictingKeys {
            guard let deliveries = entries[key]?.deliveries else { continue }
            count += Set(deliveries.map { event($0).envelope.body }).count - 1
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
