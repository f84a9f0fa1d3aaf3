import Foundation

/// The shared secret a delivery must carry, as `?key=` or the `x-recdeck-key` header.
///
/// Compared in constant time (for a given length of what the request sent), so response times
/// say nothing about how much of a guess was right. Its text appears in the start line only.
public struct ServeKey: Sendable {
    /// The key's bytes.
    private let bytes: [UInt8]
    /// Whether the user gave it (`--key`, `--key-file`, `RECDECK_SERVE_KEY`) rather than recdeck generating it.
    public let isExplicit: Bool

    /// The shortest key accepted from the user.
    public static let minimumLength = 8

    public init(_ text: String, explicit: Bool = true) throws(ServeError) {
        guard text.utf8.count >= Self.minimumLength else {
            throw ServeError("the key is too short: give at least \(Self.minimumLength) characters (or leave it out and recdeck makes one)")
        }
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw ServeError("the key must be printable ASCII without spaces (it goes into a URL)")
        }
        bytes = Array(text.utf8)
        isExplicit = explicit
    }

    /// A new random key: 24 bytes from the system's generator, as 32 URL-safe base64 characters.
    public static func generate() -> ServeKey {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<24).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(random).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        // 24 bytes encode without padding, and every character is printable ASCII.
        return try! ServeKey(text, explicit: false)
    }

    /// Reads a key file: its first line, surrounding whitespace removed.
    public static func read(file path: String) throws(ServeError) -> ServeKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ServeError("--key-file: cannot read \(path)")
        }
        let text = String(decoding: data, as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return try ServeKey(line.trimmingCharacters(in: .whitespaces))
    }

    /// Whether `candidate` is the key, looking at every byte whatever the first difference.
    public func matches(_ candidate: some Collection<UInt8>) -> Bool {
        var difference = UInt8(candidate.count == bytes.count ? 0 : 1)
        var index = 0
        for byte in candidate {
            difference |= byte ^ (index < bytes.count ? bytes[index] : 0)
            index += 1
        }
        return difference == 0
    }

    /// The key percent-encoded for a query string (what the start line prints, once).
    public var queryText: String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return String(decoding: bytes, as: UTF8.self).addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
