/// What a `DirectoryWatcher` is doing, for the dashboard's header.
public enum WatchStatus: Sendable, Hashable, CustomStringConvertible {
    /// Reading the directory for the first time.
    case scanning
    /// Following the directory through kernel notifications.
    case live
    /// Comparing snapshots of the directory every interval.
    case polling(every: Duration)
    /// Not following the directory until resumed; the store stays as it was.
    case paused
    /// The directory does not exist (deleted, moved, unmounted); it is looked for until it comes back.
    case rootMissing

    /// A few words for people: `live`, `polling every 2s`, `paused`, `directory missing`.
    public var description: String {
        switch self {
        case .scanning: "scanning"
        case .live: "live"
        case .polling(let interval): "polling every \(Self.seconds(interval))"
        case .paused: "paused"
        case .rootMissing: "directory missing"
        }
    }

    /// `2s`, `0.5s`, `0.05s`.
    private static func seconds(_ duration: Duration) -> String {
        let milliseconds = Int((duration.watchSeconds * 1000).rounded())
        var text = "\(milliseconds / 1000)"
        if milliseconds % 1000 != 0 {
            var fraction = String(milliseconds % 1000)
            fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "s"
    }
}
