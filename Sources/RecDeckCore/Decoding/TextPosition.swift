/// A 1-based line and column (in characters) of a byte offset in UTF-8 text.
public struct TextPosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Counts lines and characters up to `offset` (continuation bytes do not start a character).
    public init(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        self.init(of: offset, in: bytes, after: (0, TextPosition(line: 1, column: 1)))
    }

    /// Counts on from a known earlier position (`known.offset <= offset`), so that many positions
    /// in increasing order cost one pass over the text, not one pass each.
    public init(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, after known: (offset: Int, position: TextPosition)) {
        var line = known.position.line
        var column = known.position.column
        for index in min(known.offset, bytes.count)..<min(offset, bytes.count) {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.init(line: line, column: column)
    }
}
