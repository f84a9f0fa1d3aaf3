import Foundation

/// An id kept by its shape instead of as a `String` of its own, its text made on demand.
///
/// Azure's ids have two shapes: a canonical UUID (`0ef875ae-3276-4366-97bf-fff575b33099`, an event
/// id or a call id: 36 characters, a heap string of 80 bytes) is kept as its 16 bytes, and base64url
/// without padding of UTF-8 text (a serverCallId: 178 characters for a 133-byte URL) as the text it
/// decodes to (after a prefix shared with other ids, `PrefixedText`, when it has one); a
/// recordingId, base64url of `{"PlatformEndpointId":"…","ResourceSpecificId":"…"}` (162
/// characters), as its two UUIDs in a 64-byte box. Anything else is kept verbatim. The form is a
/// function of the text (one text has one form, and the form gives the text back byte for byte), so
/// two ids are equal exactly when their texts are, and hashing the form is hashing the id.
///
/// Ids order as their texts do (`<`), without making the texts when both are ASCII.
public struct PackedID: Sendable, Hashable, Comparable, ExpressibleByStringInterpolation, CustomStringConvertible {
    private enum Form: Sendable, Hashable {
        /// A UUID written in small letters (or in digits only), as two halves of its 32 hex digits.
        case lowercaseUUID(UInt64, UInt64)
        /// A UUID written in capitals.
        case uppercaseUUID(UInt64, UInt64)
        /// Canonical base64url without padding of this (valid UTF-8) text.
        case base64(String)
        /// The same, of this ASCII text with a shared prefix (a serverCallId's URL).
        case base64Prefixed(PrefixedText)
        /// Canonical base64url of the recordingId document with these two UUIDs.
        case recordingId(OutOfLine<RecordingIdUUIDs>)
        /// Any other text, as it is.
        case verbatim(String)
    }

    private let form: Form

    /// The id of `text`.
    public init(_ text: String) {
        // Up to 15 bytes a `String` keeps inline: nothing to pack.
        if text.utf8.count > 15 {
            var text = text
            form = text.withUTF8 { Self.form(of: $0) } ?? .verbatim(text)
        } else {
            form = .verbatim(text)
        }
    }

    /// The id of the UTF-8 text `bytes` (valid UTF-8), read without making a string first.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        form = Self.form(of: bytes) ?? .verbatim(String(decoding: bytes, as: UTF8.self))
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(String(stringInterpolation: stringInterpolation))
    }

    /// The id's text, exactly as it was read.
    public var text: String {
        switch form {
        case .verbatim(let text): text
        case .lowercaseUUID, .uppercaseUUID, .base64, .base64Prefixed, .recordingId: withUTF8 { String(decoding: $0, as: UTF8.self) }
        }
    }

    public var description: String { text }

    /// Whether the id's text is all ASCII (every packed form's is).
    var isASCII: Bool {
        if case .verbatim(let text) = form { return text.isAllASCII }
        return true
    }

    /// Whether the id is the empty text.
    public var isEmpty: Bool {
        if case .verbatim(let text) = form { return text.isEmpty }
        return false
    }

    /// Calls `body` with the id's UTF-8 text, written into a buffer on the stack for a packed id
    /// (no string is made: filters search every id on each keystroke).
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withUTF8(prefix: .max, body)
    }

    /// Calls `body` with at least the first `limit` bytes of the id's UTF-8 text (all of it when it
    /// is shorter), making no more of a base64 text than that: sort keys read only a few bytes.
    func withUTF8<Result>(prefix limit: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        // Base64 characters come four for three bytes: whole groups give exactly the text's first characters.
        let decodedLimit = limit >= Int.max / 3 ? Int.max : (limit + 3) / 4 * 3
        switch form {
        case .verbatim(var text):
            return try text.withUTF8(body)
        case .lowercaseUUID(let high, let low):
            return try Self.withUUIDText(high, low, digits: "0123456789abcdef", body)
        case .uppercaseUUID(let high, let low):
            return try Self.withUUIDText(high, low, digits: "0123456789ABCDEF", body)
        case .base64(var decoded):
            return try decoded.withUTF8 { try Base64URL.withEncoded(UnsafeBufferPointer(rebasing: $0.prefix(decodedLimit)), body) }
        case .base64Prefixed(let decoded):
            return try decoded.withBytes(prefix: decodedLimit) { try Base64URL.withEncoded($0, body) }
        case .recordingId(let uuids):
            return try uuids.value.withDocument { try Base64URL.withEncoded(UnsafeBufferPointer(rebasing: $0.prefix(decodedLimit)), body) }
        }
    }

    public static func < (lhs: PackedID, rhs: PackedID) -> Bool {
        let order: Bool? = lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                var seen: UInt8 = 0
                for byte in left { seen |= byte }
                for byte in right { seen |= byte }
                // Swift orders other text by its canonical form, which bytes do not give.
                guard seen < 0x80 else { return nil }
                let shared = min(left.count, right.count)
                let result = shared == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, shared)
                return result != 0 ? result < 0 : left.count < right.count
            }
        }
        return order ?? (lhs.text < rhs.text)
    }

    private static func withUUIDText<Result>(_ high: UInt64, _ low: UInt64, digits: StaticString,
                                             _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { buffer in
            var nibble = 0
            for position in 0..<36 {
                if position == 8 || position == 13 || position == 18 || position == 23 {
                    buffer[position] = UInt8(ascii: "-")
                    continue
                }
                buffer[position] = digits.utf8Start[HexHalves.digit(nibble, of: (high, low))]
                nibble += 1
            }
            return try body(UnsafeBufferPointer(buffer))
        }
    }

    /// The packed form of `bytes`, or nil when the text has no packed shape.
    private static func form(of bytes: UnsafeBufferPointer<UInt8>) -> Form? {
        if bytes.count == 36, let uuid = uuidForm(of: bytes) { return uuid }
        guard bytes.count > 15 else { return nil }
        return Base64URL.withDecoded(bytes) { decoded, isASCII in
            if let uuids = RecordingIdUUIDs(document: decoded) { return .recordingId(OutOfLine(uuids)) }
            if isASCII {
                if let prefixed = PrefixedText.make(decoded) { return .base64Prefixed(prefixed) }
                return .base64(String(decoding: decoded, as: UTF8.self))
            }
            return String(validating: decoded, as: UTF8.self).map { .base64($0) }
        }
    }

    private static func uuidForm(of bytes: UnsafeBufferPointer<UInt8>) -> Form? {
        var halves: (UInt64, UInt64) = (0, 0)
        var small = false, capital = false
        for position in 0..<36 {
            let byte = bytes[position]
            if position == 8 || position == 13 || position == 18 || position == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard let digit = HexHalves.value(of: byte) else { return nil }
            if digit.capital { capital = true } else if digit.letter { small = true }
            HexHalves.append(digit.value, to: &halves)
        }
        if small && capital { return nil }
        return capital ? .uppercaseUUID(halves.0, halves.1) : .lowercaseUUID(halves.0, halves.1)
    }
}

/// The two UUIDs of a recordingId's document, `{"PlatformEndpointId":"…","ResourceSpecificId":"…"}`
/// exactly as Azure writes it (no spaces, this key order); each UUID keeps its case.
struct RecordingIdUUIDs: Sendable, Hashable {
    private static let opening: StaticString = #"{"PlatformEndpointId":""#
    private static let middle: StaticString = #"","ResourceSpecificId":""#
    private static let closing: StaticString = #""}"#
    private static let length = 23 + 36 + 24 + 36 + 2

    let platformEndpoint: PackedID
    let resourceSpecific: PackedID

    /// The UUIDs of `document`, or nil when it is not the document in exactly this form.
    init?(document: UnsafeBufferPointer<UInt8>) {
        guard document.count == Self.length, Self.opening.utf8CodeUnitCount == 23, Self.middle.utf8CodeUnitCount == 24,
              memcmp(document.baseAddress!, Self.opening.utf8Start, 23) == 0,
              memcmp(document.baseAddress! + 59, Self.middle.utf8Start, 24) == 0,
              memcmp(document.baseAddress! + 119, Self.closing.utf8Start, 2) == 0 else { return nil }
        let first = PackedID(utf8: UnsafeBufferPointer(rebasing: document[23..<59]))
        let second = PackedID(utf8: UnsafeBufferPointer(rebasing: document[83..<119]))
        guard first.isUUID, second.isUUID else { return nil }
        platformEndpoint = first
        resourceSpecific = second
    }

    /// Calls `body` with the document's UTF-8 text, written on the stack.
    func withDocument<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.length) { buffer in
            let base = buffer.baseAddress!
            base.update(from: Self.opening.utf8Start, count: 23)
            platformEndpoint.withUTF8 { (base + 23).update(from: $0.baseAddress!, count: 36) }
            (base + 59).update(from: Self.middle.utf8Start, count: 24)
            resourceSpecific.withUTF8 { (base + 83).update(from: $0.baseAddress!, count: 36) }
            (base + 119).update(from: Self.closing.utf8Start, count: 2)
            return try body(UnsafeBufferPointer(buffer))
        }
    }
}

extension PackedID {
    /// Whether the id is kept as a UUID.
    fileprivate var isUUID: Bool {
        switch form {
        case .lowercaseUUID, .uppercaseUUID: true
        default: false
        }
    }
}

/// Base64url without padding (RFC 4648 §5), the way Azure writes ids of text.
enum Base64URL {
    private static let alphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

    /// The value of each byte as a base64url character, 0xFF for any other byte.
    private static let values: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt8(byte) - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): 62
        case UInt8(ascii: "_"): 63
        default: 0xFF
        }
    }

    /// Calls `body` with the bytes that `encoded` is the canonical unpadded base64url of (unused
    /// low bits of the last character zero, so encoding them gives `encoded` back) and whether they
    /// are all ASCII; nil when `encoded` is not such text.
    static func withDecoded<Result>(_ encoded: UnsafeBufferPointer<UInt8>,
                                    _ body: (UnsafeBufferPointer<UInt8>, _ isASCII: Bool) -> Result?) -> Result? {
        guard encoded.count % 4 != 1 else { return nil }
        let count = encoded.count * 3 / 4
        return values.withUnsafeBufferPointer { values in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { decoded -> Result? in
                var accumulator: UInt32 = 0, bits: UInt32 = 0, written = 0, invalid: UInt8 = 0, seen: UInt8 = 0
                for byte in encoded {
                    let value = values[Int(byte)]
                    invalid |= value
                    accumulator = accumulator << 6 | UInt32(value & 0x3F)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        let decodedByte = UInt8(truncatingIfNeeded: accumulator >> bits)
                        seen |= decodedByte
                        decoded[written] = decodedByte
                        written += 1
                    }
                }
                // 0xFF marks a byte outside the alphabet; every value in it is below 0x40.
                guard invalid < 0x40, accumulator & ((1 << bits) - 1) == 0 else { return nil }
                return body(UnsafeBufferPointer(rebasing: decoded[0..<written]), seen < 0x80)
            }
        }
    }

    /// Calls `body` with the unpadded base64url of `bytes`, written on the stack.
    static func withEncoded<Result>(_ bytes: UnsafeBufferPointer<UInt8>,
                                    _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: (bytes.count * 4 + 2) / 3) { buffer in
            encode(bytes, into: buffer)
            return try body(UnsafeBufferPointer(buffer))
        }
    }

    /// Writes the unpadded base64url of `bytes` into `buffer` (`(count * 4 + 2) / 3` bytes).
    private static func encode(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        let letters = alphabet.utf8Start
        var accumulator: UInt32 = 0, bits = 0, written = 0
        for byte in bytes {
            accumulator = accumulator << 8 | UInt32(byte)
            bits += 8
            while bits >= 6 {
                bits -= 6
                buffer[written] = letters[Int((accumulator >> UInt32(bits)) & 0x3F)]
                written += 1
            }
        }
        if bits > 0 { buffer[written] = letters[Int((accumulator << UInt32(6 - bits)) & 0x3F)] }
    }
}

/// Two 64-bit halves read from and written as 32 hex digits, first digit highest: a UUID's
/// (`PackedID`), a documentId's (`DocumentID`).
enum HexHalves {
    /// The value of the hex digit `byte`, whether it is a letter and whether a capital one; nil for any other byte.
    static func value(of byte: UInt8) -> (value: UInt8, letter: Bool, capital: Bool)? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): (byte - UInt8(ascii: "0"), false, false)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): (byte - UInt8(ascii: "a") + 10, true, false)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): (byte - UInt8(ascii: "A") + 10, true, true)
        default: nil
        }
    }

    /// Shifts the digit `value` in after those already read (the first 16 fill the high half).
    static func append(_ value: UInt8, to halves: inout (UInt64, UInt64)) {
        // The high half is full once its top digit has moved in: carry it over, a digit at a time.
        halves.0 = halves.0 << 4 | halves.1 >> 60
        halves.1 = halves.1 << 4 | UInt64(value)
    }

    /// The value of digit `nibble` (0 to 31) of `halves`.
    static func digit(_ nibble: Int, of halves: (UInt64, UInt64)) -> Int {
        let half = nibble < 16 ? halves.0 : halves.1
        return Int(half >> UInt64(60 - 4 * (nibble % 16)) & 0xF)
    }
}
