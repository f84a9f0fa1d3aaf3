/// Every event and problem of a directory, by file, and the recordings they make.
///
/// The store changes one file at a time: `apply(_:to:)` replaces a file's contents, `remove(file:)`
/// forgets it, and each answers with the recordings added, updated and removed. A full scan is the
/// same operation applied to every file, and the result never depends on the order of the files:
/// among redeliveries of an event the one first in (file, offset) order is the one shown.
public struct RecordingStore: Sendable {
    private struct Delivery: Sendable {
        var location: EventLocation
        var event: DecodedEvent
    }

    private var files: [String: FileContents] = [:]
    private var deliveries: [EventKey: [Delivery]] = [:]
    private var recordingKeyOfEvent: [EventKey: String] = [:]
    private var eventsOfRecording: [String: Set<EventKey>] = [:]
    private var otherEventKeys: Set<EventKey> = []
    /// Totals kept as files come and go, so that `summary` costs nothing on a large store.
    private var deliveryCount = 0
    private var problemCount = 0
    /// The recordings, by id.
    public private(set) var recordings: [String: Recording] = [:]

    public init() {}

    /// Paths (relative to the directory) of every file the store holds.
    public var filePaths: Dictionary<String, FileContents>.Keys { files.keys }

    /// What the store holds for `file`, if anything.
    public func contents(of file: String) -> FileContents? { files[file] }

    /// Replaces what the store knows of `file` with `contents`.
    @discardableResult
    public mutating func apply(_ contents: FileContents, to file: String) -> StoreDelta {
        let old = files.updateValue(contents, forKey: file)
        problemCount += contents.problems.count - (old?.problems.count ?? 0)
        var touched: Set<EventKey> = []
        if let old {
            for event in old.events {
                let key = event.envelope.key
                removeDeliveries(of: key, in: file)
                touched.insert(key)
            }
        }
        for event in contents.events {
            let key = event.envelope.key
            deliveries[key, default: []].append(Delivery(location: event.envelope.location, event: event))
            deliveryCount += 1
            touched.insert(key)
        }
        var delta = reconcile(touched)
        delta.problemsChanged = (old?.problems ?? []) != contents.problems
        return delta
    }

    /// Forgets `file`: its events leave, and a recording with no event left disappears.
    @discardableResult
    public mutating func remove(file: String) -> StoreDelta {
        guard let old = files.removeValue(forKey: file) else { return StoreDelta() }
        problemCount -= old.problems.count
        var touched: Set<EventKey> = []
        for event in old.events {
            let key = event.envelope.key
            removeDeliveries(of: key, in: file)
            touched.insert(key)
        }
        var delta = reconcile(touched)
        delta.problemsChanged = !old.problems.isEmpty
        return delta
    }

    private mutating func removeDeliveries(of key: EventKey, in file: String) {
        guard let before = deliveries[key]?.count else { return }
        deliveries[key]!.removeAll { $0.location.file == file }
        deliveryCount -= before - deliveries[key]!.count
    }

    /// Re-derives the recordings that the events `touched` belong to, before and after.
    private mutating func reconcile(_ touched: Set<EventKey>) -> StoreDelta {
        var delta = StoreDelta()
        var affected: Set<String> = []
        for key in touched {
            if let previous = recordingKeyOfEvent.removeValue(forKey: key) {
                eventsOfRecording[previous]?.remove(key)
                affected.insert(previous)
            }
            let wasOther = otherEventKeys.remove(key) != nil
            guard var list = deliveries[key], !list.isEmpty else {
                deliveries.removeValue(forKey: key)
                if wasOther { delta.otherEventsChanged = true }
                continue
            }
            list.sort { $0.location < $1.location }
            deliveries[key] = list
            switch list[0].event {
            case .recording(let event):
                let recordingKey = event.recordingKey
                recordingKeyOfEvent[key] = recordingKey
                eventsOfRecording[recordingKey, default: []].insert(key)
                affected.insert(recordingKey)
                if wasOther { delta.otherEventsChanged = true }
            case .other:
                otherEventKeys.insert(key)
                delta.otherEventsChanged = true
            }
        }
        for id in affected {
            guard let keys = eventsOfRecording[id], !keys.isEmpty else {
                eventsOfRecording.removeValue(forKey: id)
                if recordings.removeValue(forKey: id) != nil { delta.removed.insert(id) }
                continue
            }
            let members: [(event: RecordingEvent, deliveries: [EventLocation])] = keys.compactMap { key in
                guard let list = deliveries[key], case .recording(let event) = list[0].event else { return nil }
                return (event, list.map(\.location))
            }
            let recording = Recording(id: id, events: members)
            switch recordings.updateValue(recording, forKey: id) {
            case nil: delta.added[id] = recording
            case let previous? where previous != recording: delta.updated[id] = recording
            default: break
            }
        }
        return delta
    }

    /// Every problem of every file, in (file, line, column) order.
    public var problems: [Problem] {
        files.values.flatMap(\.problems).sorted()
    }

    /// The events that are not recording events (subscription validation, call events, …), oldest first.
    public var otherEvents: [EventRef] {
        otherEventKeys.compactMap { key -> EventRef? in
            guard let list = deliveries[key] else { return nil }
            return EventRef(envelope: list[0].event.envelope, deliveries: list.map(\.location))
        }.sorted { lhs, rhs in
            lhs.time != rhs.time ? (lhs.time?.nanoseconds ?? .min) < (rhs.time?.nanoseconds ?? .min) : lhs.location < rhs.location
        }
    }

    /// Counts over the whole store, as `recdeck check` reports them.
    public var summary: StoreSummary {
        StoreSummary(files: files.count, events: deliveries.count, recordings: recordings.count,
                     otherEvents: otherEventKeys.count, duplicateDeliveries: deliveryCount - deliveries.count,
                     problems: problemCount)
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

    public init(files: Int, events: Int, recordings: Int, otherEvents: Int, duplicateDeliveries: Int, problems: Int) {
        self.files = files
        self.events = events
        self.recordings = recordings
        self.otherEvents = otherEvents
        self.duplicateDeliveries = duplicateDeliveries
        self.problems = problems
    }
}
