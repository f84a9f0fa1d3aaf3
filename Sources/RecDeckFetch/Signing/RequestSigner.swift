import Crypto
import Foundation

/// Signs requests for a recording's URLs the way the ACS SDKs do: HMAC-SHA256 with the resource's
/// access key over `METHOD\nPATH_AND_QUERY\nDATE;ACS_HOST;CONTENT_HASH`, where ACS_HOST is the
/// endpoint's host (not the storage host the request goes to).
public struct RequestSigner: Sendable {
    /// base64(SHA-256 of an empty body): the content hash of every GET and DELETE.
    public static let emptyContentHash = contentHash(of: [])

    /// The ACS endpoint's host, signed and sent as `x-ms-host`.
    public let acsHost: String
    private let key: AccessKey

    public init(acsHost: String, key: AccessKey) {
        self.acsHost = acsHost
        self.key = key
    }

    public init(_ credentials: ConnectionString) {
        self.init(acsHost: credentials.host, key: credentials.accessKey)
    }

    /// base64 of the SHA-256 of `body`.
    public static func contentHash(of body: [UInt8]) -> String {
        Data(SHA256.hash(data: body)).base64EncodedString()
    }

    /// The path and query a URL is signed with: its path as written (`/` when empty), then `?query` when it has one.
    public static func pathAndQuery(of url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let path = components?.percentEncodedPath ?? url.path
        let query = components?.percentEncodedQuery.map { "?" + $0 } ?? ""
        return (path.isEmpty ? "/" : path) + query
    }

    /// The text that is signed (no secret in it: `--dry-run` prints it).
    public func stringToSign(method: String, pathAndQuery: String, date: String, contentHash: String = RequestSigner.emptyContentHash) -> String {
        "\(method)\n\(pathAndQuery)\n\(date);\(acsHost);\(contentHash)"
    }

    /// base64(HMAC-SHA256(access key, UTF-8 `stringToSign`)).
    public func signature(of stringToSign: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: SymmetricKey(data: key.bytes))
        return Data(code).base64EncodedString()
    }

    /// The headers of a signed `method` request for `url` with an empty body, dated `date`.
    public func headers(method: String, url: URL, date: Date) -> SignedHeaders {
        let dateText = HTTPDate.format(date)
        let text = stringToSign(method: method, pathAndQuery: Self.pathAndQuery(of: url), date: dateText)
        return SignedHeaders(date: dateText, acsHost: acsHost, contentHash: Self.emptyContentHash,
                             stringToSign: text, signature: signature(of: text))
    }
}

/// The headers that sign one request; `signature` is for the `Authorization` header only.
public struct SignedHeaders: Sendable {
    public let date: String
    public let acsHost: String
    public let contentHash: String
    /// What was signed, safe to show.
    public let stringToSign: String
    let signature: String

    /// `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=…`.
    var authorization: String { "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=\(signature)" }

    /// Every header to send, by name.
    public var fields: [(name: String, value: String)] {
        [("x-ms-date", date), ("x-ms-content-sha256", contentHash), ("x-ms-host", acsHost), ("Authorization", authorization)]
    }

    /// The headers as `--dry-run` shows them: the signature replaced.
    public var shown: [(name: String, value: String)] {
        [("x-ms-date", date), ("x-ms-content-sha256", contentHash), ("x-ms-host", acsHost),
         ("Authorization", "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=(not shown)")]
    }
}
