/// Why Avro bytes could not be read: a message in words, and the byte offset where it was noticed.
struct AvroError: Error, Sendable, Equatable {
    var message: String
    var offset: Int
    /// The bytes ended before the value did (a file still being written, or cut off), as opposed
    /// to bytes that can never be read.
    var cutOff = false
}

/// Reads Avro's binary encoding from a buffer, never past its end: zig-zag varint `int`/`long`,
/// length-prefixed `bytes`/`string`, fixed-size values. Every length comes from untrusted bytes,
/// so each is checked against what is left before anything is taken or allocated.
struct AvroCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int
    let end: Int

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = start
        self.end = end ?? bytes.count
    }

    var isAtEnd: Bool { position >= end }
    var remaining: Int { end - position }

    func failure(_ message: String, at offset: Int? = nil) -> AvroError {
        AvroError(message: message, offset: offset ?? position)
    }

    /// The bytes end before what is being read does.
    func endsEarly(_ message: String, at offset: Int? = nil) -> AvroError {
        AvroError(message: message, offset: offset ?? position, cutOff: true)
    }

    /// A `long`: a zig-zag varint of at most 10 bytes.
    mutating func readLong() throws(AvroError) -> Int64 {
        let start = position
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw endsEarly("the data ends inside a number", at: start) }
            let byte = bytes[position]
            position += 1
            guard shift < 63 || byte & 0xFE == 0 else { throw failure("a number is longer than 64 bits", at: start) }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        return Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
    }

    /// An `int`: a `long` that fits 32 bits.
    mutating func readInt() throws(AvroError) -> Int32 {
        let start = position
        let value = try readLong()
        guard let int = Int32(exactly: value) else { throw failure("an int is out of its 32-bit range", at: start) }
        return int
    }

    /// A count or length: a `long` that is not negative and not more than `limit`, by default
    /// the bytes left after it.
    mutating func readLength(_ what: String, limit: Int? = nil) throws(AvroError) -> Int {
        let start = position
        let value = try readLong()
        guard value >= 0 else { throw failure("\(what) is negative (\(value))", at: start) }
        let limit = limit ?? remaining
        guard value <= Int64(limit) else { throw endsEarly("\(what) (\(value)) is more than the \(limit) bytes left", at: start) }
        return Int(value)
    }

    /// The range of the next `bytes` or `string` value (its length prefix read and checked).
    mutating func readBytesRange() throws(AvroError) -> Range<Int> {
        let length = try readLength("a length")
        defer { position += length }
        return position..<position + length
    }

    /// A `string` value as text (invalid UTF-8 repaired).
    mutating func readString() throws(AvroError) -> String {
        let range = try readBytesRange()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Skips `count` bytes that must all be there.
    mutating func skip(_ count: Int, _ what: String) throws(AvroError) {
        guard count <= remaining else { throw endsEarly("the data ends inside \(what)") }
        position += count
    }

    /// The range of the next `count` bytes, which must all be there.
    mutating func take(_ count: Int, _ what: String) throws(AvroError) -> Range<Int> {
        let start = position
        try skip(count, what)
        return start..<position
    }
}
