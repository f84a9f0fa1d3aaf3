/// How `recdeck serve` names what it receives, and how the reader recognises those names.
///
/// A delivery received at 2026-12-02 06:51:15.123456 UTC is stored as
/// `received/2026/12/02/20261202T065115.123456Z-SUFFIX.json`, its headers beside it as
/// `….headers`. SUFFIX is Event Grid's `aeg-output-event-id` when it is a plain id (letters,
/// digits and `-`, at most 64), otherwise random hex; nothing else in a request ever reaches a
/// file name.
public struct ReceivedFileName: Sendable, Hashable {
    /// The folder relative to the served directory, such as `received/2026/12/02`.
    public var folder: String
    /// The name without extension, such as `20261202T065115.123456Z-3f9a…`.
    public var stem: String

    /// The top folders under the served directory: accepted deliveries, and bodies answered 400.
    public static let receivedFolder = "received"
    public static let rejectedFolder = "rejected"
    /// The extension of an accepted body (read as events), of a rejected one (not read), and of a sidecar.
    public static let bodyExtension = ".json"
    public static let rejectedBodyExtension = ".body"
    public static let headersExtension = ".headers"
    /// The longest suffix taken from a request header.
    public static let maxSuffixLength = 64

    /// The name for something received at `time` (nanoseconds since 1970, UTC) under `top`
    /// (`receivedFolder` or `rejectedFolder`), with `suffix` when it is a plain id, else `random`.
    public init(top: String, time: Timestamp, suffix: String?, random: () -> String) {
        let c = time.components()
        let micros = Int((time.nanoseconds % 1_000_000_000 + 1_000_000_000) % 1_000_000_000 / 1000)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let date = pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2)
        folder = "\(top)/\(pad(c.year, 4))/\(pad(c.month, 2))/\(pad(c.day, 2))"
        let clock = pad(c.hour, 2) + pad(c.minute, 2) + pad(c.second, 2)
        let tail = suffix.flatMap { Self.isPlainId($0) ? $0 : nil } ?? random()
        stem = "\(date)T\(clock).\(pad(micros, 6))Z-\(tail)"
    }

    /// The body's path relative to the served directory.
    public var bodyPath: String { "\(folder)/\(stem)\(Self.bodyExtension)" }
    /// The rejected body's path relative to the served directory.
    public var rejectedBodyPath: String { "\(folder)/\(stem)\(Self.rejectedBodyExtension)" }
    /// The headers sidecar's path relative to the served directory.
    public var headersPath: String { "\(folder)/\(stem)\(Self.headersExtension)" }

    /// Whether `suffix` may become part of a file name: 1 to 64 letters, digits and `-`.
    public static func isPlainId(_ suffix: String) -> Bool {
        let bytes = suffix.utf8
        return !bytes.isEmpty && bytes.count <= maxSuffixLength && bytes.allSatisfy(isPlainIdByte)
    }

    /// Whether `byte` may be part of a plain id: an ASCII letter, digit or `-`.
    private static func isPlainIdByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D
    }

    /// The sidecar's file name for a body file named `name`, when `name` is one `recdeck serve` writes.
    /// (Asked of every file a scan reads: it looks at bytes and makes nothing for other names.)
    public static func headersName(forBody name: Substring) -> Substring? {
        let bytes = name.utf8
        let pattern: StaticString = "00000000T000000.000000Z-"
        let extensionCount = bodyExtension.utf8.count
        let suffixCount = bytes.count - pattern.utf8CodeUnitCount - extensionCount
        guard suffixCount > 0, suffixCount <= maxSuffixLength, name.hasSuffix(bodyExtension) else { return nil }
        var position = bytes.startIndex
        for offset in 0..<pattern.utf8CodeUnitCount {
            let byte = bytes[position], expected = pattern.utf8Start[offset]
            if expected == UInt8(ascii: "0") {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
            } else if byte != expected {
                return nil
            }
            position = bytes.index(after: position)
        }
        for _ in 0..<suffixCount {
            guard isPlainIdByte(bytes[position]) else { return nil }
            position = bytes.index(after: position)
        }
        return name.dropLast(extensionCount) + headersExtension
    }
}
