/// Where events come from, as the dashboard's run loop sees it: something that builds its own
/// store off the run loop's thread and hands over what changed, never making the reader wait.
///
/// The contract (the `DirectoryWatcher` is the first source; ARCHITECTURE.md says how to add one):
/// - `readinessDescriptor` turns readable (`POLLIN`) when a batch waits; the run loop polls it
///   beside the keyboard and calls `takeBatch()`, which returns everything since the last call
///   merged into one batch and costs no more than a pointer swap.
/// - `progress`, `status` and `notice` may be read at any time and never wait on the source's work.
/// - `text(of:)` reads back the raw text of one event by its `EventLocation` (the source defines
///   what a location names: a byte range of a file for the watcher). It may block on slow storage,
///   so the run loop calls it from a worker thread, never from its own.
/// - `stop()` ends the source's threads and closes the descriptor; safe to call more than once.
public protocol EventSource: AnyObject, Sendable {
    /// Readable while a batch waits to be taken.
    var readinessDescriptor: Int32 { get }
    /// Everything that changed since the previous call, merged; `nil` when nothing did.
    func takeBatch() -> WatchBatch?
    /// Items read so far and in all while a whole listing is being read; `nil` otherwise.
    var progress: (done: Int, total: Int)? { get }
    /// What the source is doing, for the header.
    var status: WatchStatus { get }
    /// The text of the event at `location`, or why it cannot be read.
    func text(of location: EventLocation) -> Result<String, EventTextError>
    /// Ends the source.
    func stop()
    /// What the source receives over HTTP, when it does (`recdeck serve`); read once a second.
    var receiving: ReceivingSummary? { get }
}

extension EventSource {
    /// Sources that only read files receive nothing.
    public var receiving: ReceivingSummary? { nil }
}
