import Foundation

/// The hosts that may receive a signed request: HTTPS hosts ending in the suffixes the ACS SDKs
/// allow, plus the `HOST:PORT` entries of `RECDECK_FETCH_ALLOW_HOSTS` (for tests and private
/// mirrors; plain HTTP only for loopback addresses). The key's signature goes nowhere else.
public struct HostAllowList: Sendable {
    /// The environment variable that adds hosts.
    public static let environmentVariable = "RECDECK_FETCH_ALLOW_HOSTS"

    /// Host suffixes that get a signed request over HTTPS (port 443).
    public static let suffixes = [".asm.skype.com", ".asyncgw.teams.microsoft.com", ".ams.gov.teams.microsoft.us", ".blob.core.windows.net"]

    /// One added `HOST:PORT`.
    public struct Entry: Sendable, Equatable {
        public var host: String
        public var port: Int
    }

    public let added: [Entry]

    public init(added: [Entry] = []) { self.added = added }

    /// The list with the entries of `value` (`HOST:PORT,…`; `[::1]:PORT` for IPv6) added.
    public init(adding value: String?) throws(FetchError) {
        var entries: [Entry] = []
        for item in (value ?? "").split(separator: ",") {
            let text = item.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else {
                throw FetchError("$\(Self.environmentVariable): \"\(text)\" is not HOST:PORT (such as 127.0.0.1:8443)")
            }
            var host = String(text[..<colon]).lowercased()
            if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            guard !host.isEmpty else { throw FetchError("$\(Self.environmentVariable): \"\(text)\" has no host") }
            entries.append(Entry(host: host, port: port))
        }
        added = entries
    }

    /// Whether `host` is a loopback address (`localhost`, 127.0.0.0/8, `::1`).
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// `nil` when a signed request may go to `url`; otherwise why not, in words.
    public func refusal(for url: URL) -> String? {
        guard let scheme = url.scheme?.lowercased(), let rawHost = url.host, !rawHost.isEmpty else {
            return "refusing \(url.absoluteString): not an absolute http(s) URL"
        }
        var host = rawHost.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = url.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : -1)
        let listed = added.contains { $0.host == host && $0.port == port }
        switch scheme {
        case "https":
            if listed || (port == 443 && Self.suffixes.contains { host.hasSuffix($0) }) { return nil }
            return "refusing to send the signed request to \(host):\(port): it is not an ACS media host (\(Self.suffixes.joined(separator: ", "))); "
                + "add HOST:PORT to $\(Self.environmentVariable) if it is your own mirror"
        case "http":
            if listed && Self.isLoopback(host) { return nil }
            return "refusing to send the signed request over plain HTTP to \(host):\(port): only HTTPS, "
                + "or a loopback address listed in $\(Self.environmentVariable)"
        default:
            return "refusing \(scheme): URLs: only https is fetched"
        }
    }
}
