/// Where one delivery of an event is written: a file (relative to the scanned directory) and a byte range.
///
/// The dashboard reads the raw event back from here instead of keeping every file in memory.
public struct EventLocation: Sendable, Hashable, Comparable {
    /// Path relative to the scanned directory, `/`-separated.
    public var file: String
    /// Byte offset of the event's first byte (`{`) in the file.
    public var offset: Int
    /// Number of bytes of the event's JSON text.
    public var length: Int

    public init(file: String, offset: Int, length: Int) {
        self.file = file
        self.offset = offset
        self.length = length
    }

    public static func < (lhs: EventLocation, rhs: EventLocation) -> Bool {
        lhs.file != rhs.file ? lhs.file < rhs.file : lhs.offset < rhs.offset
    }
}
