/// A fingerprint of what an event says, to tell a redelivery of the same event from a conflicting one.
///
/// The body is the event's `data` (or `data_base64`), `subject` and event time (`eventTime` or
/// `time`): two deliveries have the same body when those have the same values, written with any
/// whitespace between tokens and in either envelope (the same event in the Event Grid schema and as a
/// CloudEvent is one body). Envelope spelling (`specversion`, `dataVersion`, extension attributes) and
/// the delivery metadata Event Grid adds when it dead-letters an event are not part of it, so a
/// dead-lettered copy of a delivered event is a redelivery, not a conflict.
public struct EventBody: Sendable, Hashable {
    /// The members of an event that make its body.
    enum Part: UInt8 {
        case data = 1, subject, time
    }

    /// The sum of the parts' 64-bit hashes.
    public var digest: UInt64
    /// How many object members the body has at every depth (a present `data` object counts its
    /// own members and theirs): the "most fields" of `RedeliveryRule`.
    public var members: Int

    public init(digest: UInt64 = 0, members: Int = 0) {
        self.digest = digest
        self.members = members
    }

    /// Adds one part: its value's bytes, whitespace outside strings left out.
    mutating func add(_ part: Part, value: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) {
        let prime: UInt64 = 0x100_0000_01b3
        var hash: UInt64 = (0xcbf2_9ce4_8422_2325 ^ UInt64(part.rawValue)) &* prime
        var count = part == .data ? 0 : 1
        var index = value.lowerBound
        let end = value.upperBound
        while index < end {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                continue
            case UInt8(ascii: ":"):
                count += 1
            case UInt8(ascii: "\""):
                // A string, to its closing quote, every byte as written (an escaped byte never closes it),
                // eight bytes at a time while they hold neither a quote nor a backslash. The words
                // start where the string does, so the hash does not depend on the whitespace around it.
                hash = (hash ^ UInt64(byte)) &* prime
                while index < end {
                    if end - index >= 8 {
                        let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                        if !Self.hasQuoteOrBackslash(word) {
                            hash = (hash ^ word) &* 0x9e37_79b9_7f4a_7c15
                            hash ^= hash >> 29
                            index += 8
                            continue
                        }
                    }
                    let inside = bytes[index]
                    index += 1
                    hash = (hash ^ UInt64(inside)) &* prime
                    if inside == UInt8(ascii: "\"") { break }
                    if inside == UInt8(ascii: "\\"), index < end {
                        hash = (hash ^ UInt64(bytes[index])) &* prime
                        index += 1
                    }
                }
                continue
            default:
                break
            }
            hash = (hash ^ UInt64(byte)) &* prime
        }
        // Mix the part's hash before summing, so that parts do not cancel out.
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        digest = digest &+ hash
        members += count
    }

    /// Whether any of the eight bytes of `word` is a quote or a backslash.
    private static func hasQuoteOrBackslash(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        // A byte of x is zero exactly when some byte of (x - 1…1) & ~x has its high bit set.
        return ((quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes) & highs != 0
    }
}
