import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A loopback fake of the ACS recording service (real HTTP, SwiftNIO): it checks every request's
/// signature the way AZURE.md describes it, independently of recdeck's signer (HMAC-SHA256 over
/// `METHOD\nPATH?QUERY\nx-ms-date;x-ms-host;content-hash` with the access key; a wrong key, a
/// tampered path, a date more than 15 minutes off, a wrong host or hash answer 401), serves
/// objects with byte ranges, and misbehaves on request: a 302 to another host once, a connection
/// dropped half-way once, 404 for expired objects, a given status or body.
public final class FakeRecordingService: Sendable {
    /// What the fake does for one path.
    public enum Behaviour: Sendable {
        /// Serves `bytes` (ranges honoured) with `contentType`.
        case object([UInt8], contentType: String = "application/octet-stream")
        /// Answers 302 to `location` the first time, then serves `then`.
        indirect case redirectOnce(to: String, then: Behaviour)
        /// Sends the head and half the body of `bytes` the first time, then closes the connection.
        case dropOnce([UInt8])
        /// 404: the media is gone.
        case expired
        /// Answers `status` with `body` and `contentType`, every time.
        case answer(status: Int, body: [UInt8], contentType: String)
        /// Answers `status` the first `times` requests, then behaves as `then`.
        indirect case failFirst(times: Int, status: Int, then: Behaviour)
    }

    /// One request as it arrived, and the status it got.
    public struct Request: Sendable {
        public var method: String
        public var uri: String
        public var headers: [String: String]
        public var status: Int
    }

    fileprivate struct State {
        var behaviours: [String: Behaviour] = [:]
        var requests: [Request] = []
        var deleted: Set<String> = []
    }

    /// The state the connections share, behind one lock.
    fileprivate final class Shared: Sendable {
        let state = Mutex(State())
    }

    public let host: String
    public let port: Int
    /// `http://HOST:PORT`.
    public var base: String { "http://\(host):\(port)" }
    /// `HOST:PORT`, for `RECDECK_FETCH_ALLOW_HOSTS`.
    public var hostPort: String { "\(host):\(port)" }

    private let group: MultiThreadedEventLoopGroup
    private let channel: Channel
    private let shared: Shared

    /// Starts a fake on `host` (a loopback address), port chosen by the system; `clockOffset`
    /// seconds are added to the real time for its clock (its `Date` header and the skew check).
    public init(host: String = "127.0.0.1", accessKey: [UInt8], acsHost: String, clockOffset: TimeInterval = 0) throws {
        let shared = Shared()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.shared = shared
        self.group = group
        self.host = host
        let checker = Checker(key: accessKey, acsHost: acsHost, clockOffset: clockOffset)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(FakeHandler(shared: shared, checker: checker))
                }
            }
        channel = try bootstrap.bind(host: host, port: 0).wait()
        port = channel.localAddress?.port ?? 0
    }

    deinit {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Sets what the fake does for `path`.
    public func set(_ path: String, _ behaviour: Behaviour) {
        shared.state.withLock { $0.behaviours[path] = behaviour }
    }

    /// Every request so far, oldest first.
    public var requests: [Request] { shared.state.withLock { $0.requests } }

    /// The paths deleted so far.
    public var deleted: Set<String> { shared.state.withLock { $0.deleted } }

    /// The signature of a request with an empty body, computed as the fake checks it, apart from
    /// recdeck's signer (for tests that look for it in recdeck's output).
    public static func signature(key: [UInt8], method: String, uri: String, date: String, acsHost: String) -> String {
        Checker(key: key, acsHost: acsHost, clockOffset: 0).signature(method: method, uri: uri, date: date, host: acsHost)
    }

    /// The signature checks, written apart from recdeck's signer.
    struct Checker: Sendable {
        let key: [UInt8]
        let acsHost: String
        let clockOffset: TimeInterval

        var now: Date { Date().addingTimeInterval(clockOffset) }

        static func dateFormatter() -> DateFormatter {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            return formatter
        }

        /// Why the request is refused, or `nil` when its signature is right.
        func refusal(method: String, uri: String, headers: HTTPHeaders) -> String? {
            guard let date = headers.first(name: "x-ms-date"), let host = headers.first(name: "x-ms-host"),
                  let hash = headers.first(name: "x-ms-content-sha256"), let authorization = headers.first(name: "authorization") else {
                return "missing signing headers"
            }
            guard host == acsHost else { return "x-ms-host is not the resource's" }
            guard hash == Data(SHA256.hash(data: [UInt8]())).base64EncodedString() else { return "content hash of an empty body expected" }
            guard let sent = Self.dateFormatter().date(from: date), abs(sent.timeIntervalSince(now)) <= 15 * 60 else {
                return "x-ms-date is missing or more than 15 minutes off"
            }
            let prefix = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
            guard authorization.hasPrefix(prefix) else { return "Authorization is not HMAC-SHA256" }
            return authorization.dropFirst(prefix.count) == signature(method: method, uri: uri, date: date, host: host) ? nil : "signature mismatch"
        }

        func signature(method: String, uri: String, date: String, host: String) -> String {
            let hash = Data(SHA256.hash(data: [UInt8]())).base64EncodedString()
            let message = "\(method)\n\(uri)\n\(date);\(host);\(hash)"
            return Data(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: key))).base64EncodedString()
        }
    }
}

/// One connection of the fake.
private final class FakeHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let shared: FakeRecordingService.Shared
    private let checker: FakeRecordingService.Checker
    private var head: HTTPRequestHead?

    init(shared: FakeRecordingService.Shared, checker: FakeRecordingService.Checker) {
        self.shared = shared
        self.checker = checker
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request): head = request
        case .body: break
        case .end:
            guard let request = head else { return }
            head = nil
            respond(to: request, context: context)
        }
    }

    private func respond(to request: HTTPRequestHead, context: ChannelHandlerContext) {
        let method = request.method.rawValue
        let path = String(request.uri.split(separator: "?", maxSplits: 1).first ?? "")
        var headers: [String: String] = [:]
        for (name, value) in request.headers { headers[name.lowercased()] = value }
        if checker.refusal(method: method, uri: request.uri, headers: request.headers) != nil {
            return send(401, body: Array("{\"error\":{\"code\":\"Unauthorized\"}}".utf8), contentType: "application/json",
                        context: context, record: (method, request.uri, headers))
        }
        // Decide under the lock, answer outside it.
        enum Answer {
            case status(Int, [UInt8], String)
            case redirect(String)
            case serve([UInt8], String, drop: Bool)
            case deleted
        }
        let answer: Answer = shared.state.withLock { state in
            guard !state.deleted.contains(path), let behaviour = state.behaviours[path] else {
                return .status(404, Array("{\"error\":{\"code\":\"NotFound\"}}".utf8), "application/json")
            }
            func resolve(_ behaviour: FakeRecordingService.Behaviour) -> (Answer, FakeRecordingService.Behaviour) {
                switch behaviour {
                case .object(let bytes, let type): return (.serve(bytes, type, drop: false), behaviour)
                case .redirectOnce(let location, let then): return (.redirect(location), then)
                case .dropOnce(let bytes): return (.serve(bytes, "application/octet-stream", drop: true), .object(bytes))
                case .expired: return (.status(404, Array("{\"error\":{\"code\":\"NotFound\"}}".utf8), "application/json"), behaviour)
                case .answer(let status, let body, let type): return (.status(status, body, type), behaviour)
                case .failFirst(let times, let status, let then):
                    let next: FakeRecordingService.Behaviour = times > 1 ? .failFirst(times: times - 1, status: status, then: then) : then
                    return (.status(status, [], "text/plain"), next)
                }
            }
            if method == "DELETE" {
                state.deleted.insert(path)
                return .deleted
            }
            let (answer, next) = resolve(behaviour)
            state.behaviours[path] = next
            return answer
        }
        let record = (method, request.uri, headers)
        switch answer {
        case .status(let status, let body, let type): send(status, body: body, contentType: type, context: context, record: record)
        case .deleted: send(200, body: [], contentType: "text/plain", context: context, record: record)
        case .redirect(let location):
            send(302, body: [], contentType: "text/plain", extra: [("Location", location)], context: context, record: record)
        case .serve(let bytes, let type, let drop):
            var start = 0
            var end = bytes.count - 1
            var ranged = false
            if let range = headers["range"], range.hasPrefix("bytes=") {
                let bounds = range.dropFirst(6).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
                guard let first = Int(bounds[0]), first < bytes.count else {
                    return send(416, body: [], contentType: "text/plain", extra: [("Content-Range", "bytes */\(bytes.count)")],
                                context: context, record: record)
                }
                start = first
                if bounds.count == 2, let last = Int(bounds[1]) { end = min(last, bytes.count - 1) }
                ranged = true
            }
            let slice = Array(bytes[start...max(start, end)].prefix(end - start + 1))
            let extra = ranged ? [("Content-Range", "bytes \(start)-\(end)/\(bytes.count)")] : []
            send(ranged ? 206 : 200, body: slice, contentType: type, extra: extra, dropHalfway: drop, context: context, record: record)
        }
    }

    private func send(_ status: Int, body: [UInt8], contentType: String, extra: [(String, String)] = [], dropHalfway: Bool = false,
                      context: ChannelHandlerContext, record: (String, String, [String: String])) {
        shared.state.withLock { $0.requests.append(FakeRecordingService.Request(method: record.0, uri: record.1, headers: record.2, status: status)) }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: String(body.count))
        headers.add(name: "Date", value: FakeRecordingService.Checker.dateFormatter().string(from: checker.now))
        for (name, value) in extra { headers.add(name: name, value: value) }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers))), promise: nil)
        if dropHalfway {
            let half = context.channel.allocator.buffer(bytes: body.prefix(body.count / 2))
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(half)))).whenComplete { _ in channel.close(promise: nil) }
            return
        }
        if !body.isEmpty { context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
