/// A growing buffer of UTF-8 output that the writers (`json`, `ndjson`, `csv`, `tsv`, tables)
/// append to: bytes are copied in runs, never a character at a time into a `String`.
public struct OutputBytes: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public var isEmpty: Bool { bytes.isEmpty }

    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Appends one byte (an ASCII character of the format: a bracket, comma, tab, line break).
    @inline(__always)
    public mutating func append(_ byte: UInt8) { bytes.append(byte) }

    /// Appends literal text of the format (keys, punctuation).
    public mutating func append(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends `text` as it is (text already safe: numbers, codes, escaped text).
    public mutating func append(raw text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    public mutating func append(_ other: OutputBytes) { bytes.append(contentsOf: other.bytes) }

    /// Appends a decimal integer.
    public mutating func append(integer value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &digits) { raw in
            var position = raw.count
            repeat {
                position -= 1
                raw[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[position...]))
        }
    }

    /// Appends `2021-07-27T15:20:23.608Z` (UTC, milliseconds), as the JSON contract writes times.
    public mutating func append(iso8601 time: Timestamp) {
        let c = time.components()
        appendDigits(c.year, 4)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(c.month, 2)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(c.day, 2)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(c.hour, 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(c.minute, 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(c.second, 2)
        bytes.append(UInt8(ascii: "."))
        appendDigits(c.millisecond, 3)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// `value` zero-padded to `width` digits (more when it needs them), as `Timestamp` pads.
    private mutating func appendDigits(_ value: Int, _ width: Int) {
        guard value >= 0 else {
            let digits = String(value)
            append(raw: String(repeating: "0", count: max(0, width - digits.count)) + digits)
            return
        }
        var divisor = 1
        var length = 1
        while length < width || value / divisor >= 10 {
            divisor *= 10
            length += 1
        }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Appends `text` with every unsafe scalar escaped (`SafeText`): `\\` doubled too when
    /// `doublingBackslashes` (TSV), `"` doubled when `doublingQuotes` (a quoted CSV field).
    public mutating func append(safe text: String, doublingBackslashes: Bool = false, doublingQuotes: Bool = false) {
        append(escaping: text, quotes: doublingQuotes, backslashes: doublingBackslashes, by: .doubling)
    }

    /// Appends `text` as a JSON string literal: `"` and `\\` escaped, line breaks and tabs as
    /// `\n` `\t` `\r`, every other unsafe scalar as `\uXXXX`.
    public mutating func append(jsonString text: String) {
        bytes.append(UInt8(ascii: "\""))
        append(escaping: text, quotes: true, backslashes: true, by: .backslash)
        bytes.append(UInt8(ascii: "\""))
    }

    /// How a special ASCII byte (a quote or backslash the format escapes) is written.
    private enum SpecialEscape {
        /// Twice (`""` in CSV, `\\` in TSV).
        case doubling
        /// After a backslash (JSON).
        case backslash
    }

    /// Copies `text` in runs of printable ASCII and safe scalars; `"` (when `quotes`) and `\\`
    /// (when `backslashes`) are escaped `by` the format's way, every unsafe scalar as `SafeText`
    /// escapes it.
    private mutating func append(escaping text: String, quotes: Bool, backslashes: Bool, by escape: SpecialEscape) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            var index = 0
            let raw = UnsafeRawPointer(utf8.baseAddress)
            let spaces = SIMD16<UInt8>(repeating: 0x20), deletes = SIMD16<UInt8>(repeating: 0x7F)
            // A quote or backslash the format leaves alone compares as NUL, which stops anyway.
            let quoteLanes = SIMD16<UInt8>(repeating: quotes ? UInt8(ascii: "\"") : 0)
            let backslashLanes = SIMD16<UInt8>(repeating: backslashes ? UInt8(ascii: "\\") : 0)
            while index < utf8.count {
                // Sixteen bytes at a time while all are printable ASCII and none is special.
                while let raw, index + 16 <= utf8.count {
                    let lanes = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                    let stops = (lanes .< spaces) .| (lanes .>= deletes) .| (lanes .== quoteLanes) .| (lanes .== backslashLanes)
                    if any(stops) { break }
                    index += 16
                }
                guard index < utf8.count else { break }
                let byte = utf8[index]
                let special = (byte == UInt8(ascii: "\"") && quotes) || (byte == UInt8(ascii: "\\") && backslashes)
                if byte >= 0x20 && byte < 0x7F && !special {
                    index += 1
                    continue
                }
                if byte < 0x80 {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                    if special {
                        bytes.append(escape == .doubling ? byte : UInt8(ascii: "\\"))
                        bytes.append(byte)
                    } else {
                        append(raw: SafeText.escape(Unicode.Scalar(byte)))
                    }
                    index += 1
                    start = index
                    continue
                }
                // Beyond ASCII: decode the scalar and keep it unless it is unsafe.
                let (scalar, length) = Self.scalar(in: utf8, at: index)
                if SafeText.isUnsafe(scalar) {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                    append(raw: SafeText.escape(scalar))
                    start = index + length
                }
                index += length
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
    }

    /// The scalar starting at `index` of valid UTF-8 (a `String`'s), and its length in bytes.
    private static func scalar(in utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = utf8[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
