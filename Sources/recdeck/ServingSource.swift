import RecDeckCore
import RecDeckServe

/// The dashboard's source while `recdeck serve` receives: the directory watcher on DIR (which
/// picks up what the server writes under DIR/received), plus the server's counts for the header.
final class ServingSource: EventSource {
    private let watcher: DirectoryWatcher
    private let statistics: ServeStatistics
    private let address: String

    init(watcher: DirectoryWatcher, statistics: ServeStatistics, address: String) {
        self.watcher = watcher
        self.statistics = statistics
        self.address = address
    }

    var readinessDescriptor: Int32 { watcher.readinessDescriptor }
    func takeBatch() -> WatchBatch? { watcher.takeBatch() }
    var progress: (done: Int, total: Int)? { watcher.progress }
    var status: WatchStatus { watcher.status }
    func text(of location: EventLocation) -> Result<String, EventTextError> { watcher.text(of: location) }
    func stop() { watcher.stop() }

    var receiving: ReceivingSummary? {
        ReceivingSummary(address: address, deliveries: statistics.deliveries, lastDelivery: statistics.lastDelivery,
                         validationUrl: statistics.lastValidationUrl)
    }
}
