import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RecDeckCore

/// Downloads one chunk file (media or metadata) with signed GETs, and deletes chunks with signed
/// DELETEs: `NAME.part` first, renamed to `NAME` when its size matches what the service announced;
/// a complete file is skipped, a `.part` resumed with `Range`; redirects followed (at most 10, each
/// host checked against the allow-list and signed for again); transient failures retried.
public struct ChunkFetcher: Sendable {
    public let signer: RequestSigner
    public let hosts: HostAllowList
    public let retry: RetryPolicy
    /// Seconds without data before a request counts as broken.
    public let timeout: TimeInterval
    static let maxRedirects = 10

    public init(signer: RequestSigner, hosts: HostAllowList, retry: RetryPolicy = RetryPolicy(), timeout: TimeInterval = 60) {
        self.signer = signer
        self.hosts = hosts
        self.retry = retry
        self.timeout = timeout
    }

    /// The signed request for `url`: method, signed headers and `Range` from `offset` when above 0.
    public func request(_ method: String, url: URL, offset: Int64 = 0, date: Date = Date()) -> (request: URLRequest, headers: SignedHeaders) {
        let headers = signer.headers(method: method, url: url, date: date)
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        for field in headers.fields { request.setValue(field.value, forHTTPHeaderField: field.name) }
        if offset > 0 { request.setValue("bytes=\(offset)-", forHTTPHeaderField: "Range") }
        return (request, headers)
    }

    /// Fetches `item` into `folder/item.relativePath`; `progress(bytesOnDisk, total)` is called as bytes arrive.
    public func fetch(_ item: FetchItem, into folder: String, now: Timestamp,
                      progress: @escaping (Int64, Int64?) -> Void = { _, _ in }) -> TransferResult {
        guard let url = item.url else {
            return TransferResult(status: .failed, bytes: 0, message: "the event has no \(item.part == .media ? "contentLocation" : "metadataLocation") URL for this chunk")
        }
        let path = folder + "/" + item.relativePath
        let part = path + ".part"
        if let size = Self.size(of: path) { return TransferResult(status: .alreadyThere, bytes: size) }
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            return TransferResult(status: .failed, bytes: 0, message: "cannot create the folder for \(path): \((error as NSError).localizedDescription)")
        }
        let resumedFrom = Self.size(of: part) ?? 0
        var notes: [String] = []
        var file = PartFile(path: part)
        defer { file.close() }
        func fail(_ message: String) -> TransferResult {
            TransferResult(status: .failed, bytes: 0, resumedFrom: resumedFrom, message: message, notes: notes)
        }
        var target = url
        var redirects = 0
        var attempt = 1
        var rangeRetried = false
        while true {
            if let refusal = hosts.refusal(for: target) { return fail(refusal) }
            guard file.open() else { return fail("cannot write \(part): \(String(cString: strerror(errno)))") }
            let offset = file.size
            let sent = Date()
            let signed = request("GET", url: target, offset: offset, date: sent)
            var expectedTotal: Int64?
            var html = false
            let outcome = HTTPExchange.perform(signed.request, timeout: timeout, stream: { response in
                guard response.statusCode == 200 || response.statusCode == 206 else { return false }
                if item.part == .media, (response.value(forHTTPHeaderField: "Content-Type") ?? "").lowercased().contains("text/html") {
                    html = true
                    return false
                }
                var start: Int64 = 0
                if response.statusCode == 206, let range = ContentRange(response.value(forHTTPHeaderField: "Content-Range") ?? "") {
                    start = range.start
                    expectedTotal = range.total
                } else if let length = response.value(forHTTPHeaderField: "Content-Length").flatMap({ Int64($0) }) {
                    expectedTotal = length
                }
                if start != file.size {
                    // A whole body (the range was ignored) or another offset: start the file again from there.
                    guard start == 0, file.truncate() else { return false }
                }
                progress(file.size, expectedTotal)
                return true
            }, sink: { data in
                guard file.append(data) else { return false }
                progress(file.size, expectedTotal)
                return true
            })
            let status = outcome.response?.statusCode ?? 0
            if let error = outcome.error, status == 200 || status == 206, file.size > offset {
                // The stream broke after bytes arrived: resume from what is on disk, at once.
                notes.append("the stream broke at byte \(file.size) (\((error as NSError).localizedDescription)); resumed from there")
                continue
            }
            switch status {
            case 200 where outcome.error == nil, 206 where outcome.error == nil:
                if html { return fail(FailureText.html(status: status)) }
                if file.size == 0 {
                    file.remove()
                    return fail(FailureText.empty)
                }
                if let expectedTotal, expectedTotal != file.size {
                    if attempt >= retry.attempts { return fail("the service announced \(expectedTotal) bytes but sent \(file.size); run again to resume") }
                    attempt += 1
                    continue
                }
                file.close()
                guard rename(part, path) == 0 else { return fail("cannot rename \(part) to \(path): \(String(cString: strerror(errno)))") }
                return TransferResult(status: .done, bytes: Self.size(of: path) ?? 0, resumedFrom: resumedFrom, notes: notes)
            case 416:
                guard offset > 0, !rangeRetried else { return fail(FailureText.rangeRefused) }
                rangeRetried = true
                _ = file.truncate()
                notes.append("416 Range Not Satisfiable for the partial file (\(offset) bytes): fetched again from the start")
            default:
                switch nextStep(after: outcome, target: target, redirects: &redirects, attempt: &attempt, sent: sent, item: item, now: now,
                                otherwise: FailureText.refused) {
                case .follow(let next): target = next
                case .retry: continue
                case .fail(let message): return fail(message)
                }
            }
        }
    }

    /// Sends the signed DELETE for `item.url` (a chunk's deleteLocation); only 200 is success.
    public func delete(_ item: FetchItem, now: Timestamp) -> TransferResult {
        guard var target = item.url else {
            return TransferResult(status: .failed, bytes: 0, message: "the event has no deleteLocation URL for this chunk")
        }
        var redirects = 0
        var attempt = 1
        while true {
            if let refusal = hosts.refusal(for: target) { return TransferResult(status: .failed, bytes: 0, message: refusal) }
            let sent = Date()
            let outcome = HTTPExchange.perform(request("DELETE", url: target, date: sent).request, timeout: timeout,
                                               stream: { _ in false }, sink: { _ in true })
            if outcome.response?.statusCode == 200, outcome.error == nil { return TransferResult(status: .done, bytes: 0) }
            switch nextStep(after: outcome, target: target, redirects: &redirects, attempt: &attempt, sent: sent, item: item, now: now,
                            otherwise: { "HTTP \($0) \(HTTPURLResponseText.reason($0)): only 200 means deleted; nothing was deleted" }) {
            case .follow(let next): target = next
            case .retry: continue
            case .fail(let message): return TransferResult(status: .failed, bytes: 0, message: message)
            }
        }
    }

    /// What to do after an answer that is not a success.
    enum NextStep {
        /// Send again to this URL (a redirect, its host checked on the next round).
        case follow(URL)
        /// Send again after the backoff (the try is counted).
        case retry
        case fail(String)
    }

    /// The step after `outcome`: a redirect followed (at most `maxRedirects`), 401/403/404 in
    /// words, a connection failure, 429 or 5xx retried while tries are left, anything else given
    /// up on (an HTML body named as such, else `otherwise(status)`).
    func nextStep(after outcome: HTTPExchange.Outcome, target: URL, redirects: inout Int, attempt: inout Int, sent: Date,
                  item: FetchItem, now: Timestamp, otherwise: (Int) -> String) -> NextStep {
        let status = outcome.response?.statusCode ?? 0
        func retried(_ message: String) -> NextStep {
            guard attempt < retry.attempts else { return .fail(message) }
            attempt += 1
            Thread.sleep(forTimeInterval: retry.delay(before: attempt))
            return .retry
        }
        if let error = outcome.error, status == 0 || status == 200 || status == 206 {
            return retried(FailureText.network(error, host: target.host ?? "?", attempts: attempt))
        }
        switch status {
        case 301, 302, 303, 307, 308:
            guard let location = outcome.response?.value(forHTTPHeaderField: "Location"),
                  let next = URL(string: location, relativeTo: target)?.absoluteURL else {
                return .fail("HTTP \(status) without a Location to follow")
            }
            guard redirects < Self.maxRedirects else { return .fail("more than \(Self.maxRedirects) redirects; the last to \(next.host ?? "?")") }
            redirects += 1
            return .follow(next)
        case 401:
            let serverDate = outcome.response?.value(forHTTPHeaderField: "Date").flatMap(HTTPDate.parse)
            return .fail(FailureText.unauthorized(offset: serverDate.map { sent.timeIntervalSince($0) }))
        case 403: return .fail(FailureText.forbidden)
        case 404: return .fail(FailureText.notFound(age: item.lastEventTime.map { now.nanoseconds - $0.nanoseconds }))
        case 429, 500...599: return retried(FailureText.unavailable(status, attempts: attempt))
        default: return .fail(Self.isHTML(outcome) ? FailureText.html(status: status) : otherwise(status))
        }
    }

    static func isHTML(_ outcome: HTTPExchange.Outcome) -> Bool {
        if (outcome.response?.value(forHTTPHeaderField: "Content-Type") ?? "").lowercased().contains("text/html") { return true }
        let start = String(decoding: outcome.body.prefix(64), as: UTF8.self).lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
    }

    /// The size of the regular file at `path`, or `nil` when there is none.
    static func size(of path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }
}
