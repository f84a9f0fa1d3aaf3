/// Where a delivery read from an Event Hubs Capture file came from: record `record` of block
/// `block` of the `.avro` file, and what Event Hubs said of the message (partition, sequence
/// number, offset, enqueued time). An `EventLocation` with an origin has its `offset`/`length`
/// inside the record's `Body`, not inside the file.
///
/// A view: the facts live in the `CaptureBlockRecords` of the record's block, which the block's
/// events share, so an event keeps one reference and a record number instead of an object of its
/// own (a million records took 128 MB of origins; their blocks' columns take 32).
public struct CaptureRecordOrigin: Sendable, Hashable, CustomStringConvertible {
    /// The block the record is in.
    let records: CaptureBlockRecords
    /// 0-based index of the record in its block.
    public let record: Int

    init(records: CaptureBlockRecords, record: Int) {
        precondition(record >= 0 && record < records.count, "a record of the block")
        self.records = records
        self.record = record
    }

    /// Byte offset in the file of the block's first byte (its record count).
    public var blockOffset: Int { records.blockOffset }
    /// 0-based index of the block in the file.
    public var block: Int { records.block }
    /// The partition id, from the path `{Namespace}/{EventHub}/{PartitionId}/YYYY/MM/DD/HH/mm/ss.avro`.
    public var partition: String? { records.partition }
    public var sequenceNumber: Int64? { records.facts[record].sequenceNumber }
    /// `Offset`, as Event Hubs wrote it.
    public var offset: String? { records.offset(of: record) }
    /// `EnqueuedTimeUtc`, when it reads as a time.
    public var enqueuedTime: Timestamp? { records.facts[record].enqueuedTime }
    /// `EnqueuedTimeUtc` as written, when it does not read as a time.
    public var enqueuedText: String? { records.enqueuedTexts[Int32(record)] }

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
        guard lhs.record == rhs.record else { return false }
        if lhs.records === rhs.records { return true }
        return lhs.blockOffset == rhs.blockOffset && lhs.block == rhs.block && lhs.partition == rhs.partition
            && lhs.sequenceNumber == rhs.sequenceNumber && lhs.offset == rhs.offset && lhs.enqueuedTime == rhs.enqueuedTime
            && lhs.enqueuedText == rhs.enqueuedText
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

/// What Event Hubs said of every record of one block of a Capture file, as columns: one instance
/// per block, shared by the locations of all its events, immutable once the block is read.
final class CaptureBlockRecords: Sendable {
    /// One record's facts (32 bytes): an offset that is not a canonical decimal number (Event
    /// Hubs writes them as numbers) is kept in `offsetTexts`.
    struct Facts: Sendable, Equatable {
        private var sequence: Int64 = 0
        private var enqueued: Int64 = 0
        fileprivate var offsetNumber: Int64 = 0
        /// Bit 0: there is a sequence number; bit 1: an enqueued time; bit 2: an offset; bit 3: the
        /// offset is kept as text.
        private var present: UInt8 = 0

        /// The facts of a record; an offset that is not a number is kept by the caller in `offsetTexts`.
        init(sequenceNumber: Int64?, offset: UnsafeBufferPointer<UInt8>?, enqueuedTime: Timestamp?) {
            if let sequenceNumber {
                sequence = sequenceNumber
                present |= 1
            }
            if let enqueuedTime {
                enqueued = enqueuedTime.nanoseconds
                present |= 2
            }
            if let offset {
                if let number = Self.canonicalNumber(offset) { offsetNumber = number } else { present |= 8 }
                present |= 4
            }
        }

        var sequenceNumber: Int64? { present & 1 != 0 ? sequence : nil }
        var enqueuedTime: Timestamp? { present & 2 != 0 ? Timestamp(nanoseconds: enqueued) : nil }
        var hasOffset: Bool { present & 4 != 0 }
        var isOffsetText: Bool { present & 8 != 0 }

        /// The number `digits` write, when writing that number gives the same digits back.
        private static func canonicalNumber(_ digits: UnsafeBufferPointer<UInt8>) -> Int64? {
            guard !digits.isEmpty, digits.count <= 18, digits.count == 1 || digits[0] != 0x30 else { return nil }
            var value: Int64 = 0
            for digit in digits {
                guard digit >= 0x30, digit <= 0x39 else { return nil }
                value = value * 10 + Int64(digit - 0x30)
            }
            return value
        }
    }

    let blockOffset: Int
    let block: Int
    let partition: String?
    /// By record, in block order.
    let facts: [Facts]
    /// `EnqueuedTimeUtc` as written, by record, for the records where it does not read as a time.
    let enqueuedTexts: [Int32: String]
    /// `Offset` as written, by record, for the records where it is not a canonical number.
    let offsetTexts: [Int32: String]

    var count: Int { facts.count }

    init(blockOffset: Int, block: Int, partition: String?, facts: [Facts], enqueuedTexts: [Int32: String] = [:],
         offsetTexts: [Int32: String] = [:]) {
        self.blockOffset = blockOffset
        self.block = block
        self.partition = partition
        self.facts = facts
        self.enqueuedTexts = enqueuedTexts
        self.offsetTexts = offsetTexts
    }

    /// `Offset` of `record`, as Event Hubs wrote it.
    func offset(of record: Int) -> String? {
        let facts = facts[record]
        guard facts.hasOffset else { return nil }
        return facts.isOffsetText ? offsetTexts[Int32(record)] : String(facts.offsetNumber)
    }
}
