/// Where one delivery of an event is written: a file (relative to the scanned directory) and a byte range.
///
/// The dashboard reads the raw event back from here instead of keeping every file in memory. For a
/// record of an Event Hubs Capture file, `capture` names the record and the range is inside its Body.
public struct EventLocation: Sendable, Hashable, Comparable {
    /// Path relative to the scanned directory, `/`-separated.
    public var file: String
    /// Byte offset of the event's first byte (`{`) in the file (in the record's Body for Capture).
    public var offset: Int
    /// Number of bytes of the event's JSON text.
    public var length: Int
    /// The Capture record the event is in; nil for a JSON file.
    public var capture: CaptureRecordOrigin?

    public init(file: String, offset: Int, length: Int, capture: CaptureRecordOrigin? = nil) {
        self.file = file
        self.offset = offset
        self.length = length
        self.capture = capture
    }

    /// The file, and for a Capture record first what Event Hubs said of it: for titles.
    public var title: String {
        guard let capture else { return file }
        return (capture.message.map { $0 + " · " } ?? "") + "\(file) (\(capture.place))"
    }

    public static func < (lhs: EventLocation, rhs: EventLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.capture != rhs.capture { return CaptureRecordOrigin.precedes(lhs.capture, rhs.capture) }
        return lhs.offset < rhs.offset
    }
}
