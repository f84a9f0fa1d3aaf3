import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request through URLSession, blocking the calling thread until it ends: redirects are
/// not followed (the caller checks each new host against the allow-list and signs again), a
/// success's body is handed to `sink` as it arrives, any other body is kept (up to 64 KiB) for
/// the message.
final class HTTPExchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// How an exchange ended.
    struct Outcome {
        var response: HTTPURLResponse?
        /// Set when the transfer broke (connection reset, timeout) or never started.
        var error: Error?
        /// The body of a response that was not streamed.
        var body: [UInt8] = []
    }

    // Touched only on the session's serial delegate queue, then read after `done` is signalled.
    private var outcome = Outcome()
    private var streaming = false
    private let stream: (HTTPURLResponse) -> Bool
    private let sink: (Data) -> Bool
    private let done = DispatchSemaphore(value: 0)
    private static let keptBody = 64 << 10

    /// `stream` says from the response head whether its body goes to `sink`; `sink` answers
    /// false to stop the transfer (a write failed).
    private init(stream: @escaping (HTTPURLResponse) -> Bool, sink: @escaping (Data) -> Bool) {
        self.stream = stream
        self.sink = sink
    }

    /// Sends `request` and waits for the end of its response.
    static func perform(_ request: URLRequest, timeout: TimeInterval,
                        stream: @escaping (HTTPURLResponse) -> Bool, sink: @escaping (Data) -> Bool) -> Outcome {
        let exchange = HTTPExchange(stream: stream, sink: sink)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: exchange, delegateQueue: queue)
        session.dataTask(with: request).resume()
        exchange.done.wait()
        session.finishTasksAndInvalidate()
        return exchange.outcome
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        outcome.response = http
        streaming = http.map(stream) ?? false
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        if streaming {
            if !sink(data) { dataTask.cancel() }
        } else if outcome.body.count < Self.keptBody {
            outcome.body.append(contentsOf: data.prefix(Self.keptBody - outcome.body.count))
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if outcome.response == nil, let http = task.response as? HTTPURLResponse { outcome.response = http }
        outcome.error = error
        done.signal()
    }
}
