import NIOCore
import NIOHTTP1
import NIOPosix
import RecDeckCore
import Synchronization

/// The `recdeck serve` endpoint: an HTTP/1.1 server (SwiftNIO) on one address and path that
/// stores every delivery under the served directory before answering (see `WebhookResponder`).
///
/// `start` binds and returns at once; `shutdown` stops accepting, lets requests in flight finish
/// (their connections close after the answer, idle ones at once), then stops the threads.
public final class WebhookServer: Sendable {
    /// What the server needs to start.
    public struct Configuration: Sendable {
        public var directory: String
        public var listen: ListenAddress
        public var path: String
        public var key: ServeKey
        public var maxBody: Int
        public var limits: ServeLimits

        /// The default body limit: 16 MiB.
        public static let defaultMaxBody = 16 << 20

        public init(directory: String, listen: ListenAddress = .standard, path: String = "/api/events", key: ServeKey,
                    maxBody: Int = Configuration.defaultMaxBody, limits: ServeLimits = ServeLimits()) {
            self.directory = directory
            self.listen = listen
            self.path = path
            self.key = key
            self.maxBody = maxBody
            self.limits = limits
        }
    }

    /// The port actually bound (the one chosen when `listen.port` was 0).
    public let port: Int
    public let statistics: ServeStatistics
    private let group: MultiThreadedEventLoopGroup
    private let pool: NIOThreadPool
    private let serverChannel: Channel
    private let connections: ConnectionRegistry
    private let stopped = Atomic<Bool>(false)

    /// Binds the address and starts serving. Throws a `ServeError` saying why it cannot.
    public static func start(_ configuration: Configuration, log: ServeLog) throws(ServeError) -> WebhookServer {
        guard configuration.listen.isLoopback || configuration.key.isExplicit else {
            throw ServeError("refusing to listen on \(configuration.listen.host) (not loopback) with a generated key: "
                + "give one with --key-file, --key or RECDECK_SERVE_KEY")
        }
        guard configuration.path.hasPrefix("/"), !configuration.path.contains("?") else {
            throw ServeError("--path: give a path starting with /, such as /api/events (the key goes in the query, added by recdeck)")
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        let pool = NIOThreadPool(numberOfThreads: configuration.limits.storeThreads)
        pool.start()
        let statistics = ServeStatistics()
        let connections = ConnectionRegistry(limit: configuration.limits.maxConnections)
        let responder = WebhookResponder(path: configuration.path, key: configuration.key, maxBody: configuration.maxBody,
                                         store: DeliveryStore(root: configuration.directory))
        let limits = configuration.limits
        let decoderLimits = {
            var decoder = NIOHTTPDecoderLimitConfiguration()
            decoder.maxHeaderListSize = limits.maxHeaderBytes
            decoder.maxHeaderFieldSize = limits.maxHeaderLineBytes
            decoder.maxHeaderFieldCount = 128
            return decoder
        }()
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 4)
            .childChannelInitializer { channel in
                guard connections.admit(channel) else {
                    log.connection(remote: channel.remoteAddress?.ipAddress ?? "-",
                                   "connection refused: \(limits.maxConnections) connections are open already")
                    return channel.close()
                }
                channel.closeFuture.whenComplete { _ in connections.release(channel) }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withPipeliningAssistance: true, withErrorHandling: true, withOutboundHeaderValidation: true,
                        withEncoderConfiguration: .init(), withDecoderLimitConfiguration: decoderLimits)
                    try channel.pipeline.syncOperations.addHandler(
                        WebhookHandler(responder: responder, limits: limits, pool: pool, log: log, statistics: statistics))
                }
            }
        do {
            let channel = try bootstrap.bind(host: configuration.listen.host, port: configuration.listen.port).wait()
            return WebhookServer(port: channel.localAddress?.port ?? configuration.listen.port, statistics: statistics,
                                 group: group, pool: pool, serverChannel: channel, connections: connections)
        } catch {
            try? pool.syncShutdownGracefully()
            try? group.syncShutdownGracefully()
            throw ServeError("cannot listen on \(configuration.listen): \(error)")
        }
    }

    private init(port: Int, statistics: ServeStatistics, group: MultiThreadedEventLoopGroup, pool: NIOThreadPool,
                 serverChannel: Channel, connections: ConnectionRegistry) {
        self.port = port
        self.statistics = statistics
        self.group = group
        self.pool = pool
        self.serverChannel = serverChannel
        self.connections = connections
    }

    /// Stops accepting, lets requests in flight finish (up to `grace`), closes every connection,
    /// and stops the threads. Blocks until done; call it from outside the event loops (a second
    /// call does nothing).
    public func shutdown(grace: TimeAmount = .seconds(30)) {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        try? serverChannel.close().wait()
        let open = connections.all()
        for channel in open {
            channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
        let deadline = NIODeadline.now() + grace
        for channel in open {
            let remaining = deadline - .now()
            guard remaining > .zero else { break }
            let timeout = channel.eventLoop.scheduleTask(in: remaining) { channel.close(promise: nil) }
            try? channel.closeFuture.wait()
            timeout.cancel()
        }
        for channel in connections.all() { try? channel.close().wait() }
        try? pool.syncShutdownGracefully()
        try? group.syncShutdownGracefully()
    }
}

/// The open connections, so that a shutdown can reach each one, and the cap on how many.
final class ConnectionRegistry: Sendable {
    private let limit: Int
    private let open = Mutex<[ObjectIdentifier: Channel]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    /// Counts `channel` in, unless `limit` are open already.
    func admit(_ channel: Channel) -> Bool {
        open.withLock { open in
            guard open.count < limit else { return false }
            open[ObjectIdentifier(channel)] = channel
            return true
        }
    }

    func release(_ channel: Channel) {
        open.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    func all() -> [Channel] {
        open.withLock { Array($0.values) }
    }
}
