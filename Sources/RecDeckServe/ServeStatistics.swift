import RecDeckCore
import Synchronization

/// Counts of what the server did, read by the dashboard's header and by tests.
public final class ServeStatistics: Sendable {
    private let stored = Atomic<Int>(0)
    private let lastStoredNanoseconds = Atomic<Int64>(0)
    private let refusedCount = Atomic<Int>(0)
    private let inFlightCount = Atomic<Int>(0)
    private let validation = Mutex<String?>(nil)

    public init() {}

    /// Deliveries stored and answered 200 (handshakes included).
    public var deliveries: Int { stored.load(ordering: .relaxed) }

    /// Requests answered with anything but 200.
    public var refused: Int { refusedCount.load(ordering: .relaxed) }

    /// Requests whose head has arrived and that have not been answered yet.
    public var inFlight: Int { inFlightCount.load(ordering: .relaxed) }

    func requestStarted() { inFlightCount.add(1, ordering: .relaxed) }
    func requestEnded() { inFlightCount.subtract(1, ordering: .relaxed) }

    /// When the last delivery was stored.
    public var lastDelivery: Timestamp? {
        let value = lastStoredNanoseconds.load(ordering: .relaxed)
        return value == 0 ? nil : Timestamp(nanoseconds: value)
    }

    /// The last Event Grid validation URL seen (untrusted: escape before showing it).
    public var lastValidationUrl: String? { validation.withLock { $0 } }

    func record(_ response: WebhookResponse, at time: Timestamp) {
        if response.status == 200 {
            stored.add(1, ordering: .relaxed)
            lastStoredNanoseconds.store(time.nanoseconds, ordering: .relaxed)
        } else {
            refusedCount.add(1, ordering: .relaxed)
        }
        if let url = response.validationUrl { validation.withLock { $0 = url } }
    }
}
