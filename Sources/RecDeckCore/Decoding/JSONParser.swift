import Foundation

/// A JSON syntax error at a byte offset of the parsed bytes.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    /// Byte offset of the offending byte.
    public var offset: Int
    /// What is wrong, in plain words.
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}

/// A strict RFC 8259 parser over a byte buffer, one pass, no recursion past `maxDepth`.
///
/// It parses one value at a time from `position`, so callers can walk a top-level array
/// element by element and note where each element's bytes are.
public struct JSONParser {
    /// Deepest nesting accepted; deeper input is an error, not a stack overflow.
    public static let maxDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private let end: Int
    /// Offset of the next byte to read.
    public private(set) var position: Int

    public init(bytes: UnsafeBufferPointer<UInt8>, start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = start
        self.end = end ?? bytes.count
    }

    /// Whether only whitespace is left.
    public var isAtEnd: Bool { position >= end }

    /// The next byte, without consuming it (`nil` at the end).
    public var peek: UInt8? { position < end ? bytes[position] : nil }

    /// Skips JSON whitespace (space, tab, line feed, carriage return).
    public mutating func skipWhitespace() {
        while position < end {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Consumes `byte` after whitespace or throws `message`.
    public mutating func expect(_ byte: UInt8, _ message: @autoclosure () -> String) throws(JSONSyntaxError) {
        skipWhitespace()
        guard position < end, bytes[position] == byte else { throw failure(message()) }
        position += 1
    }

    /// Parses the value starting at the next non-whitespace byte.
    public mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        try parseValue(depth: 0)
    }

    /// The first syntax error in `bytes` read as one JSON document (a single value, whitespace
    /// around it), checked without building the value; `nil` when it is valid JSON.
    public static func firstError(inDocument bytes: UnsafeBufferPointer<UInt8>) -> JSONSyntaxError? {
        var parser = JSONParser(bytes: bytes)
        do throws(JSONSyntaxError) {
            _ = try parser.skipValue(depth: 0)
            parser.skipWhitespace()
            return parser.isAtEnd ? nil : parser.failure("expected the end of the document")
        } catch {
            return error
        }
    }

    /// An error at the current position, naming the byte found there.
    public func failure(_ message: String) -> JSONSyntaxError {
        guard position < end else { return JSONSyntaxError(offset: position, message: "\(message), found end of input") }
        return JSONSyntaxError(offset: position, message: "\(message), found \(Self.describe(bytes[position]))")
    }

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard position < end else { throw failure("expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try parseLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try parseLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try parseLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw failure("expected a value")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        if depth > Self.maxDepth { throw failure("nested more than \(Self.maxDepth) levels deep") }
        position += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw failure("expected a string key in object") }
            let key = try parseString()
            try expect(UInt8(ascii: ":"), "expected ':' after object key")
            skipWhitespace()
            let valueOffset = position
            let value = try parseValue(depth: depth)
            members.append(JSONMember(key: key, value: value, valueOffset: valueOffset))
            skipWhitespace()
            guard position < end else { throw failure("expected ',' or '}' in object") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(members)
            default: throw failure("expected ',' or '}' in object")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        if depth > Self.maxDepth { throw failure("nested more than \(Self.maxDepth) levels deep") }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard position < end else { throw failure("expected ',' or ']' in array") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(elements)
            default: throw failure("expected ',' or ']' in array")
            }
        }
    }

    private mutating func parseLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard end - position >= count else { throw failure("expected '\(word)'") }
        let literal = UnsafeBufferPointer(start: word.utf8Start, count: count)
        for index in 0..<count where bytes[position + index] != literal[index] {
            position += index
            throw failure("expected '\(word)'")
        }
        position += count
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let range = try scanNumber()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Parses a string starting at its opening quote.
    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let quote = position
        position += 1
        let start = position
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return try validated(raw, at: start)
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if byte < 0x20 { throw failure("unescaped control character in string") }
            position += 1
        }
        position = quote
        throw JSONSyntaxError(offset: quote, message: "unterminated string")
    }

    private mutating func parseEscapedString(from start: Int) throws(JSONSyntaxError) -> String {
        var decoded: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < end {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return try decoded.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
                    try validated(buffer, at: start)
                }
            case UInt8(ascii: "\\"):
                position += 1
                guard position < end else { throw failure("unterminated escape in string") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): decoded.append(0x22)
                case UInt8(ascii: "\\"): decoded.append(0x5C)
                case UInt8(ascii: "/"): decoded.append(0x2F)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"): appendScalar(try parseUnicodeEscape(), to: &decoded)
                default:
                    position -= 1
                    throw failure("invalid escape in string")
                }
            default:
                if byte < 0x20 { throw failure("unescaped control character in string") }
                decoded.append(byte)
                position += 1
            }
        }
        throw JSONSyntaxError(offset: start - 1, message: "unterminated string")
    }

    /// Reads the `XXXX` of `\uXXXX` (and a following low surrogate), returning the scalar.
    private mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let high = try parseHex4()
        if (0xD800...0xDBFF).contains(high) {
            if end - position >= 6, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                let save = position
                position += 2
                let low = try parseHex4()
                if (0xDC00...0xDFFF).contains(low) {
                    let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    return Unicode.Scalar(value) ?? "\u{FFFD}"
                }
                position = save
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard end - position >= 4 else { throw failure("expected four hex digits after \\u") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("expected four hex digits after \\u")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private func appendScalar(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
        for unit in UTF8.encode(scalar)! { buffer.append(unit) }
    }

    private func validated(_ raw: UnsafeBufferPointer<UInt8>, at offset: Int) throws(JSONSyntaxError) -> String {
        var asciiOnly = true
        for byte in raw where byte >= 0x80 {
            asciiOnly = false
            break
        }
        if asciiOnly { return String(decoding: raw, as: UTF8.self) }
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw JSONSyntaxError(offset: offset, message: "invalid UTF-8 in string")
        }
        return text
    }

    /// A byte as a person would name it in an error message.
    static func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x20...0x7E: "'\(Character(Unicode.Scalar(byte)))'"
        case 0x0A: "a line break"
        default: "byte 0x" + String(byte, radix: 16, uppercase: true)
        }
    }
}

// MARK: - Scanning without building values

/// Where a JSON string's text is in the parsed bytes (between its quotes), found without decoding it.
struct JSONStringSpan {
    /// Offset of the first byte after the opening quote.
    var start: Int
    /// Offset of the closing quote.
    var end: Int
    /// Whether the text holds a backslash escape.
    var escaped: Bool

    var count: Int { end - start }
}

/// The kind of a value that was skipped, named as `JSONValue.kindName` names it.
enum JSONKind {
    case object, array, string, number, bool, null

    var name: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        }
    }
}

extension JSONParser {
    /// The parsed bytes.
    var buffer: UnsafeBufferPointer<UInt8> { bytes }

    /// Consumes `byte` when it is next (no whitespace skipped).
    mutating func take(_ byte: UInt8) -> Bool {
        guard position < end, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Scans the string at the opening quote exactly as `parseString` reads it (the same errors at
    /// the same offsets) without building it; `string(_:)` decodes it later if it is wanted.
    mutating func scanString() throws(JSONSyntaxError) -> JSONStringSpan {
        let quote = position
        position += 1
        let start = position
        var escaped = false
        var highBit: UInt8 = 0
        while position < end {
            // Sixteen bytes at a time while none ends the string, escapes or is a control character.
            if position + 16 <= end {
                let raw = UnsafeRawPointer(bytes.baseAddress!)
                let quotes = SIMD16<UInt8>(repeating: UInt8(ascii: "\"")), backslashes = SIMD16<UInt8>(repeating: UInt8(ascii: "\\"))
                let spaces = SIMD16<UInt8>(repeating: 0x20), highBits = SIMD16<UInt8>(repeating: 0x80)
                var wide = false
                while position + 16 <= end {
                    let lanes = raw.loadUnaligned(fromByteOffset: position, as: SIMD16<UInt8>.self)
                    if any((lanes .== quotes) .| (lanes .== backslashes) .| (lanes .< spaces)) { break }
                    wide = wide || any(lanes .>= highBits)
                    position += 16
                }
                if wide { highBit = 0x80 }
                guard position < end else { break }
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let span = JSONStringSpan(start: start, end: position, escaped: escaped)
                position += 1
                if highBit & 0x80 != 0, !Self.isValidUTF8(UnsafeBufferPointer(rebasing: bytes[start..<span.end])) {
                    throw JSONSyntaxError(offset: start, message: "invalid UTF-8 in string")
                }
                return span
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 1
                guard position < end else { throw failure("unterminated escape in string") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    break
                case UInt8(ascii: "u"):
                    _ = try parseUnicodeEscape()
                default:
                    position -= 1
                    throw failure("invalid escape in string")
                }
                continue
            }
            if byte < 0x20 { throw failure("unescaped control character in string") }
            highBit |= byte
            position += 1
        }
        if escaped { throw JSONSyntaxError(offset: start - 1, message: "unterminated string") }
        position = quote
        throw JSONSyntaxError(offset: quote, message: "unterminated string")
    }

    /// The text of a span this parser scanned.
    func string(_ span: JSONStringSpan) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
        guard span.escaped else { return String(decoding: raw, as: UTF8.self) }
        var copy = JSONParser(bytes: bytes, start: span.start - 1, end: span.end + 1)
        // Scanned before: it cannot fail.
        return (try? copy.parseString()) ?? String(decoding: raw, as: UTF8.self)
    }

    /// Whether the span's raw bytes equal `name` (a key compared without decoding; escaped keys are decoded).
    func spanEquals(_ span: JSONStringSpan, _ name: StaticString) -> Bool {
        if span.escaped { return string(span) == name.description }
        let count = name.utf8CodeUnitCount
        guard span.count == count else { return false }
        return count == 0 || memcmp(bytes.baseAddress! + span.start, name.utf8Start, count) == 0
    }

    /// Scans the number at the current position, validated as `parseNumber` does; returns its bytes' range.
    mutating func scanNumber() throws(JSONSyntaxError) -> Range<Int> {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < end, isDigit(bytes[position]) else { throw failure("expected a digit in number") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < end, isDigit(bytes[position]) { position += 1 }
        }
        if position < end, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < end, isDigit(bytes[position]) else { throw failure("expected a digit after '.'") }
            while position < end, isDigit(bytes[position]) { position += 1 }
        }
        if position < end, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < end, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < end, isDigit(bytes[position]) else { throw failure("expected a digit in exponent") }
            while position < end, isDigit(bytes[position]) { position += 1 }
        }
        return start..<position
    }

    /// Skips the value at the next non-whitespace byte, checking it exactly as `parseValue` would at
    /// nesting `depth` (the depth of the container holding it), and says what kind it was.
    mutating func skipValue(depth: Int) throws(JSONSyntaxError) -> JSONKind {
        skipWhitespace()
        guard position < end else { throw failure("expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            try skipObject(depth: depth + 1)
            return .object
        case UInt8(ascii: "["):
            try skipArray(depth: depth + 1)
            return .array
        case UInt8(ascii: "\""):
            _ = try scanString()
            return .string
        case UInt8(ascii: "t"): try parseLiteral("true"); return .bool
        case UInt8(ascii: "f"): try parseLiteral("false"); return .bool
        case UInt8(ascii: "n"): try parseLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try scanNumber()
            return .number
        default: throw failure("expected a value")
        }
    }

    /// Skips an object whose `{` is next (at nesting `depth`, counted as `parseObject` counts it).
    mutating func skipObject(depth: Int) throws(JSONSyntaxError) {
        try forEachMember(depth: depth) { parser, _, depth throws(JSONSyntaxError) in
            _ = try parser.skipValue(depth: depth)
        }
    }

    private mutating func skipArray(depth: Int) throws(JSONSyntaxError) {
        try forEachElement(depth: depth) { parser, depth throws(JSONSyntaxError) in
            _ = try parser.skipValue(depth: depth)
        }
    }

    /// Walks the object whose `{` is next: `member` is called with each key, positioned after the
    /// colon and its whitespace, and must consume the value (at nesting `depth`). Errors are those of `parseObject`.
    mutating func forEachMember(depth: Int,
                                _ member: (inout JSONParser, JSONStringSpan, Int) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        if depth > Self.maxDepth { throw failure("nested more than \(Self.maxDepth) levels deep") }
        position += 1
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw failure("expected a string key in object") }
            let key = try scanString()
            try expect(UInt8(ascii: ":"), "expected ':' after object key")
            skipWhitespace()
            try member(&self, key, depth)
            skipWhitespace()
            guard position < end else { throw failure("expected ',' or '}' in object") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return
            default: throw failure("expected ',' or '}' in object")
            }
        }
    }

    /// Walks the array whose `[` is next: `element` is called at each element (whitespace skipped)
    /// and must consume it. Errors are those of `parseArray`.
    mutating func forEachElement(depth: Int,
                                 _ element: (inout JSONParser, Int) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        if depth > Self.maxDepth { throw failure("nested more than \(Self.maxDepth) levels deep") }
        position += 1
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return }
        while true {
            skipWhitespace()
            try element(&self, depth)
            skipWhitespace()
            guard position < end else { throw failure("expected ',' or ']' in array") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return
            default: throw failure("expected ',' or ']' in array")
            }
        }
    }

    /// Strict UTF-8 validation (what `String(validating:)` accepts), without building a string.
    static func isValidUTF8(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = raw.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
