/// A chunk's documentId kept by its shape instead of as a `String` of its own, its text made on demand.
///
/// ACS names chunks `0-eus-d8-d7ac925cec97201a1e6b9d68eebb8f43`: a short prefix shared by every
/// chunk stored in one place, then 32 small hex digits. Such an id is kept as the interned prefix
/// (`PrefixedText.Prefixes`, at most 64 bytes) and the 16 bytes its digits spell, inline; any other
/// id, or one whose prefix the full table cannot take, is kept verbatim. The form is a function of
/// the text and one prefix text has one address, so ids are equal, and hash, exactly as their
/// texts do.
struct DocumentID: @unchecked Sendable, Hashable {
    // The prefix's bytes are never written after they are interned: sharing them is safe.
    private enum Form: Hashable {
        // The one-byte count last, so that no padding follows it inside the payload.
        case hex(high: UInt64, low: UInt64, prefix: UnsafePointer<UInt8>, prefixCount: UInt8)
        case verbatim(String)
    }

    private let form: Form

    /// The longest prefix kept shared.
    private static let prefixLimit = 64

    init(_ text: String) {
        var text = text
        form = text.withUTF8 { Self.hexForm(of: $0) } ?? .verbatim(text)
    }

    private static func hexForm(of bytes: UnsafeBufferPointer<UInt8>) -> Form? {
        let prefixCount = bytes.count - 32
        guard prefixCount >= 0, prefixCount <= prefixLimit else { return nil }
        var halves: (UInt64, UInt64) = (0, 0)
        for byte in bytes[prefixCount...] {
            guard let digit = HexHalves.value(of: byte), !digit.capital else { return nil }
            HexHalves.append(digit.value, to: &halves)
        }
        guard let prefix = PrefixedText.Prefixes.shared.intern(UnsafeBufferPointer(rebasing: bytes[..<prefixCount])) else { return nil }
        return .hex(high: halves.0, low: halves.1, prefix: prefix, prefixCount: UInt8(prefixCount))
    }

    /// The id's text, exactly as it was read.
    var text: String {
        switch form {
        case .verbatim(let text): text
        case .hex: withUTF8 { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Calls `body` with the id's UTF-8 text (written on the stack when it is packed).
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        switch form {
        case .verbatim(var text):
            return try text.withUTF8(body)
        case .hex(let high, let low, let prefix, let prefixCount):
            let count = Int(prefixCount)
            return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count + 32) { buffer in
                let base = buffer.baseAddress!
                base.update(from: prefix, count: count)
                let digits: StaticString = "0123456789abcdef"
                for position in 0..<32 { base[count + position] = digits.utf8Start[HexHalves.digit(position, of: (high, low))] }
                return try body(UnsafeBufferPointer(buffer))
            }
        }
    }
}
