/// How a `DirectoryWatcher` reads, follows and reports a directory.
public struct WatchOptions: Sendable {
    /// Which files are read, as for a one-shot scan.
    public var scan: ScanOptions
    public var mode: WatchMode
    /// How long a file that does not decode must stay unchanged before it counts as a problem:
    /// until then it may still be being written, and it is held back ("pending").
    public var settleTime: Duration
    /// The shortest time between two batches: changes arriving faster are gathered into one.
    /// The first change after a quiet spell is delivered at once.
    public var coalescingInterval: Duration
    /// How often a missing directory is looked for, and a live one checked to still be there.
    public var rootCheckInterval: Duration
    /// The polling interval used when kernel notifications are not available.
    public var fallbackPollInterval: Duration
    /// Tests only: behave as if the kernel refused watches beyond this many (`ENOSPC`).
    var simulatedWatchLimit: Int?

    public init(scan: ScanOptions = ScanOptions(), mode: WatchMode = .notifications,
                settleTime: Duration = .seconds(1), coalescingInterval: Duration = .milliseconds(16),
                rootCheckInterval: Duration = .milliseconds(500), fallbackPollInterval: Duration = .seconds(2)) {
        self.scan = scan
        self.mode = mode
        self.settleTime = settleTime
        self.coalescingInterval = coalescingInterval
        self.rootCheckInterval = rootCheckInterval
        self.fallbackPollInterval = fallbackPollInterval
    }
}
