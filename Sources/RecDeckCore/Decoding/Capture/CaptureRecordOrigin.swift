/// Where a delivery read from an Event Hubs Capture file came from: record `record` of block
/// `block` of the `.avro` file, and what Event Hubs said of the message (partition, sequence
/// number, offset, enqueued time). An `EventLocation` with an origin has its `offset`/`length`
/// inside the record's `Body`, not inside the file.
///
/// One instance is shared by the events of a record (a Body may hold a batch), and immutable.
public final class CaptureRecordOrigin: Sendable, Hashable, CustomStringConvertible {
    /// Byte offset in the file of the block's first byte (its record count).
    public let blockOffset: Int
    /// 0-based index of the block in the file.
    public let block: Int
    /// 0-based index of the record in its block.
    public let record: Int
    /// The partition id, from the path `{Namespace}/{EventHub}/{PartitionId}/YYYY/MM/DD/HH/mm/ss.avro`.
    public let partition: String?
    public let sequenceNumber: Int64?
    /// `Offset`, as Event Hubs wrote it.
    public let offset: String?
    /// `EnqueuedTimeUtc`, when it reads as a time.
    public let enqueuedTime: Timestamp?
    /// `EnqueuedTimeUtc` as written, when it does not read as a time.
    public let enqueuedText: String?

    public init(blockOffset: Int, block: Int, record: Int, partition: String?, sequenceNumber: Int64?,
                offset: String?, enqueuedTime: Timestamp?, enqueuedText: String?) {
        self.blockOffset = blockOffset
        self.block = block
        self.record = record
        self.partition = partition
        self.sequenceNumber = sequenceNumber
        self.offset = offset
        self.enqueuedTime = enqueuedTime
        self.enqueuedText = enqueuedText
    }

    /// "block 2, record 17" (1-based, as people count).
    public var place: String { "block \(block + 1), record \(record + 1)" }

    /// `partition 3 · sequence 1204 · enqueued 2026-10-01T08:00:12.345Z`: what Event Hubs said of
    /// the message, as far as the record tells (nil when it tells nothing).
    public var message: String? {
        var parts: [String] = []
        if let partition { parts.append("partition \(SafeText.escaped(partition))") }
        if let sequenceNumber { parts.append("sequence \(sequenceNumber)") }
        if let enqueuedTime {
            parts.append("enqueued \(enqueuedTime.iso8601UTC)")
        } else if let enqueuedText {
            parts.append("enqueued \(SafeText.escaped(enqueuedText))")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    public var description: String { message.map { "\($0) · \(place)" } ?? place }

    public static func == (lhs: CaptureRecordOrigin, rhs: CaptureRecordOrigin) -> Bool {
        lhs === rhs || (lhs.blockOffset == rhs.blockOffset && lhs.block == rhs.block && lhs.record == rhs.record
            && lhs.partition == rhs.partition && lhs.sequenceNumber == rhs.sequenceNumber && lhs.offset == rhs.offset
            && lhs.enqueuedTime == rhs.enqueuedTime && lhs.enqueuedText == rhs.enqueuedText)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(blockOffset)
        hasher.combine(record)
    }

    /// Orders records as they are in the file.
    static func precedes(_ lhs: CaptureRecordOrigin?, _ rhs: CaptureRecordOrigin?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): false
        case (nil, _): true
        case (_, nil): false
        case (let left?, let right?): (left.blockOffset, left.record) < (right.blockOffset, right.record)
        }
    }
}
