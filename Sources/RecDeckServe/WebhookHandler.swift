import NIOCore
import NIOHTTP1
import NIOPosix
import RecDeckCore

/// One connection's requests: reads each head and body within their timeouts and limits, hands
/// the request to `WebhookResponder` on the store's threads, and writes the answer (keep-alive
/// unless the client or a shutdown says otherwise).
final class WebhookHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum State {
        /// Between requests: the head timer runs.
        case waitingForHead
        /// A head arrived; the body is collected (the body timer runs).
        case receiving(HTTPRequestHead, ByteBuffer)
        /// The request is being stored; the store deadline runs.
        case storing(HTTPRequestHead)
        /// An answer went out early (a refusal); the rest of the request is dropped and the connection closes.
        case closing
    }

    private let responder: WebhookResponder
    private let limits: ServeLimits
    private let pool: NIOThreadPool
    private let log: ServeLog
    private let statistics: ServeStatistics
    private var state = State.waitingForHead
    private var timer: Scheduled<Void>?
    /// Increases with each request, so that a late answer from the store threads is recognised as stale.
    private var requestNumber = 0
    private var requestStarted = NIODeadline.now()
    private var receivedAt = Timestamp(nanoseconds: 0)
    private var remote = "-"
    /// Whether the current request counts in `ServeStatistics.inFlight`.
    private var inFlight = false

    init(responder: WebhookResponder, limits: ServeLimits, pool: NIOThreadPool, log: ServeLog, statistics: ServeStatistics) {
        self.responder = responder
        self.limits = limits
        self.pool = pool
        self.log = log
        self.statistics = statistics
    }

    func handlerAdded(context: ChannelHandlerContext) {
        remote = context.remoteAddress?.ipAddress ?? "-"
        if context.channel.isActive { armTimer(context: context, after: limits.headerTimeout) }
    }

    func channelActive(context: ChannelHandlerContext) {
        remote = context.remoteAddress?.ipAddress ?? remote
        armTimer(context: context, after: limits.headerTimeout)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        endRequest()
        state = .closing
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // Parse errors were answered 400 by the protocol error handler; anything else ends the connection.
        log.connection(remote: remote, "connection closed: \(error)")
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            guard case .waitingForHead = state else { return }
            timer?.cancel()
            requestNumber += 1
            requestStarted = .now()
            receivedAt = .now()
            let headers = head.headers.map { (name: $0.name, value: $0.value) }
            if let refusal = responder.refusal(method: head.method.rawValue, uri: head.uri, headers: headers) {
                answer(refusal, to: head, bodyBytes: 0, close: true, context: context)
                return
            }
            let expected = head.headers.first(name: "content-length").flatMap { Int($0) } ?? 0
            state = .receiving(head, context.channel.allocator.buffer(capacity: min(expected, 1 << 20)))
            inFlight = true
            statistics.requestStarted()
            armTimer(context: context, after: limits.bodyTimeout)
        case .body(var part):
            guard case .receiving(let head, var body) = state else { return }
            guard body.readableBytes + part.readableBytes <= responder.maxBody else {
                answer(responder.tooLarge, to: head, bodyBytes: body.readableBytes + part.readableBytes, close: true, context: context)
                return
            }
            state = .closing  // drops the enum's reference, so the buffer grows in place
            body.writeBuffer(&part)
            state = .receiving(head, body)
        case .end:
            guard case .receiving(let head, let body) = state else { return }
            store(head, body, context: context)
        }
    }

    /// Stores the request on the pool's threads and answers when that is done, or 503 at the deadline.
    private func store(_ head: HTTPRequestHead, _ body: ByteBuffer, context: ChannelHandlerContext) {
        state = .storing(head)
        armTimer(context: context, after: limits.storeDeadline)
        let responder = self.responder
        let method = head.method.rawValue
        let headers = head.headers.map { (name: $0.name, value: $0.value) }
        let time = receivedAt
        let number = requestNumber
        let size = body.readableBytes
        pool.runIfActive(eventLoop: context.eventLoop) {
            body.withUnsafeReadableBytes { bytes in
                responder.respond(method: method, headers: headers, body: bytes, receivedAt: time)
            }
        }.assumeIsolated().whenComplete { result in
            guard number == self.requestNumber, case .storing = self.state else { return }
            switch result {
            case .success(let response):
                self.answer(response, to: head, bodyBytes: size, close: !head.isKeepAlive, context: context)
            case .failure:
                self.answer(.text(503, "the server is shutting down; try again"), to: head, bodyBytes: size, close: true, context: context)
            }
        }
    }

    /// Writes `response` and then waits for the next request, or closes.
    private func answer(_ response: WebhookResponse, to head: HTTPRequestHead, bodyBytes: Int, close: Bool,
                        context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        endRequest()
        let elapsed = (NIODeadline.now() - requestStarted).nanoseconds / 1_000_000
        statistics.record(response, at: receivedAt)
        let path = head.uri.prefix { $0 != "?" }
        log.request(remote: remote, method: head.method.rawValue, path: String(path), bytes: bodyBytes,
                    milliseconds: Int(elapsed), response: response)
        var headers = HTTPHeaders(response.headers)
        var body = context.channel.allocator.buffer(capacity: response.body.utf8.count)
        body.writeString(response.body)
        headers.replaceOrAdd(name: "Content-Length", value: String(body.readableBytes))
        let keepAlive = !close
        headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let status = HTTPResponseStatus(statusCode: response.status)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        if body.readableBytes > 0 { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if keepAlive {
            state = .waitingForHead
            armTimer(context: context, after: limits.headerTimeout)
        } else {
            state = .closing
            written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    /// Takes the current request out of the in-flight count, once.
    private func endRequest() {
        if inFlight { statistics.requestEnded() }
        inFlight = false
    }

    /// Runs the timeout of the current state: close an idle or slow connection, 503 a slow store.
    private func armTimer(context: ChannelHandlerContext, after amount: TimeAmount) {
        timer?.cancel()
        let number = requestNumber
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: amount) {
            guard number == self.requestNumber else { return }
            self.timer = nil
            switch self.state {
            case .waitingForHead:
                self.log.connection(remote: self.remote, "connection closed: no complete request head within \(Self.seconds(amount))")
                self.state = .closing
                context.close(promise: nil)
            case .receiving(let head, let body):
                self.answer(.text(408, "the body did not arrive within \(Self.seconds(amount))"), to: head,
                            bodyBytes: body.readableBytes, close: true, context: context)
            case .storing(let head):
                self.answer(.text(503, "storing took longer than \(Self.seconds(amount)); Event Grid will retry"), to: head,
                            bodyBytes: 0, close: true, context: context)
            case .closing:
                break
            }
        }
    }

    private static func seconds(_ amount: TimeAmount) -> String {
        let milliseconds = amount.nanoseconds / 1_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
    }
}
