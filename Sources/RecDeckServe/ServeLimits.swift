import NIOCore

/// Timeouts and caps that keep slow or greedy clients from holding the server.
public struct ServeLimits: Sendable {
    /// Time allowed for a request's head to arrive completely (also how long an idle keep-alive
    /// connection stays open).
    public var headerTimeout: TimeAmount = .seconds(10)
    /// Time allowed for a request's body, from its head to its last byte.
    public var bodyTimeout: TimeAmount = .seconds(20)
    /// Time allowed for storing a delivery before it is answered 503 (Event Grid waits 30 s).
    public var storeDeadline: TimeAmount = .seconds(25)
    /// Connections served at once; more are closed as they arrive.
    public var maxConnections = 512
    /// The largest request head (all header lines together) and the largest single header line.
    public var maxHeaderBytes = 64 << 10
    public var maxHeaderLineBytes = 16 << 10
    /// Threads that write and flush deliveries (fsync waits on the disk, so several at once).
    public var storeThreads = 32

    public init() {}
}
