/// What changed since the consumer last took a batch: the merged store delta, the totals, the
/// problems and the other events when they changed, and the watcher's status.
public struct WatchBatch: Sendable {
    /// Recordings added, updated and removed since the previous batch, merged.
    public var delta: StoreDelta
    /// The store's totals after the changes.
    public var summary: StoreSummary
    /// Every problem in the store, in (file, line, column) order, when the list changed; `nil` when it did not.
    public var problems: [Problem]?
    /// Every non-recording event, oldest first, when the set changed; `nil` when it did not.
    public var otherEvents: [EventRef]?
    /// Every call event with its deliveries (`RecordingStore.callEvents`), when the other events
    /// changed; `nil` when they did not.
    public var callEvents: [(event: CallEvent, deliveries: [EventLocation])]?
    public var status: WatchStatus
    /// Something the user should know about how the directory is followed, such as a fall-back from
    /// kernel notifications to polling; `nil` when there is nothing to say.
    public var notice: String?

    public init(delta: StoreDelta, summary: StoreSummary, problems: [Problem]?, otherEvents: [EventRef]? = nil,
                callEvents: [(event: CallEvent, deliveries: [EventLocation])]? = nil,
                status: WatchStatus, notice: String?) {
        self.delta = delta
        self.summary = summary
        self.problems = problems
        self.otherEvents = otherEvents
        self.callEvents = callEvents
        self.status = status
        self.notice = notice
    }

    /// Folds a later batch into this one, as if both had been delivered at once.
    mutating func merge(_ later: WatchBatch) {
        delta.merge(later.delta)
        summary = later.summary
        if let problems = later.problems { self.problems = problems }
        if let otherEvents = later.otherEvents { self.otherEvents = otherEvents }
        if let callEvents = later.callEvents { self.callEvents = callEvents }
        status = later.status
        notice = later.notice
    }
}
