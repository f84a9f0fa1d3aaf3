/// Where one delivery of an event is written: a file (relative to the scanned directory) and a byte range.
///
/// The dashboard reads the raw event back from here instead of keeping every file in memory. For a
/// record of an Event Hubs Capture file, `capture` names the record and the range is inside its Body.
public struct EventLocation: Sendable, Hashable, Comparable {
    /// Path relative to the scanned directory, `/`-separated.
    public var file: String
    /// Byte offset of the event's first byte (`{`) in the file (in the record's Body for Capture).
    public var offset: Int
    /// The length; for a Capture record, the low 32 bits are the length (inside a block of at most
    /// `CaptureFileDecoder.maxBlockSize`) and the bits above them the record's index in its block.
    private var lengthAndRecord: Int
    /// The block of the Capture record the event is in; nil for a JSON file.
    private var captureRecords: CaptureBlockRecords?

    public init(file: String, offset: Int, length: Int, capture: CaptureRecordOrigin? = nil) {
        self.file = file
        self.offset = offset
        self.lengthAndRecord = length
        self.captureRecords = nil
        self.capture = capture
    }

    /// Number of bytes of the event's JSON text.
    public var length: Int {
        get { captureRecords == nil ? lengthAndRecord : lengthAndRecord & Self.lengthMask }
        set {
            if captureRecords == nil {
                lengthAndRecord = newValue
            } else {
                precondition(newValue >= 0 && newValue <= Self.lengthMask, "a length inside a Capture block")
                lengthAndRecord = lengthAndRecord & ~Self.lengthMask | newValue
            }
        }
    }

    /// The Capture record the event is in; nil for a JSON file.
    public var capture: CaptureRecordOrigin? {
        get { captureRecords.map { CaptureRecordOrigin(records: $0, record: lengthAndRecord >> 32) } }
        set {
            let length = self.length
            captureRecords = newValue?.records
            if let newValue {
                precondition(length >= 0 && length <= Self.lengthMask, "a length inside a Capture block")
                lengthAndRecord = newValue.record << 32 | length
            } else {
                lengthAndRecord = length
            }
        }
    }

    private static let lengthMask = Int(UInt32.max)

    /// The file, and for a Capture record first what Event Hubs said of it: for titles.
    public var title: String {
        guard let capture else { return file }
        return (capture.message.map { $0 + " · " } ?? "") + "\(file) (\(capture.place))"
    }

    public static func == (lhs: EventLocation, rhs: EventLocation) -> Bool {
        lhs.file == rhs.file && lhs.offset == rhs.offset && lhs.length == rhs.length && lhs.capture == rhs.capture
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(offset)
        hasher.combine(lengthAndRecord)
        hasher.combine(captureRecords?.blockOffset)
    }

    public static func < (lhs: EventLocation, rhs: EventLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        let left = lhs.capture, right = rhs.capture
        if left != right { return CaptureRecordOrigin.precedes(left, right) }
        return lhs.offset < rhs.offset
    }
}
