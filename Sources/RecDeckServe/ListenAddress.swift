/// Where `recdeck serve` listens: `--listen HOST:PORT` (`[::1]:8080` for IPv6, port 0 for any free one).
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    /// The default: loopback only, port 8080.
    public static let standard = ListenAddress(host: "127.0.0.1", port: 8080)

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`, `[IPv6]:PORT` or `:PORT` (loopback); `nil` with a reason when it is not one.
    public init(parsing text: String) throws(ServeError) {
        guard let colon = text.lastIndex(of: ":") else {
            throw ServeError("--listen: \"\(text)\" has no port; give HOST:PORT, such as 127.0.0.1:8080 (port 0 picks a free one)")
        }
        var host = String(text[..<colon])
        let portText = text[text.index(after: colon)...]
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw ServeError("--listen: \"\(portText)\" is not a port; give a number from 0 to 65535")
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.isEmpty { host = ListenAddress.standard.host }
        self.init(host: host, port: port)
    }

    /// Whether only this machine can connect: `localhost`, 127.0.0.0/8 or `::1`.
    public var isLoopback: Bool {
        let lower = host.lowercased()
        if lower == "localhost" || lower == "::1" || lower == "0:0:0:0:0:0:0:1" { return true }
        let parts = lower.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// `host:port`, with IPv6 hosts in brackets, as a URL writes it.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
