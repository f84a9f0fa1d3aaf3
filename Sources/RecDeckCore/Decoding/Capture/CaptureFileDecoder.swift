/// Reads the deliveries out of an Event Hubs Capture file: an Avro object container whose records
/// are `EventData` (or any record with a bytes `Body`), each Body an Event Grid array, a CloudEvent
/// or a CloudEvents batch, decoded by `FileDecoder` and kept with its `CaptureRecordOrigin`.
///
/// Nothing good is lost to something bad, and nothing bad stops the reading with more than one
/// problem: a block cut off at the end of the file (a blob still being written) keeps every block
/// before it; a block whose data does not inflate, or a record that does not decode, costs that
/// block (or the rest of it); a sync marker that does not match ends the file there. Problems name
/// the block and the record (1-based). Every length is checked against the bytes there, and a block
/// never inflates past `maxBlockSize`.
public enum CaptureFileDecoder {
    /// The most one block may hold once inflated (Capture's blocks are far smaller).
    public static let maxBlockSize = 64 << 20

    /// Whether `name` is a Capture (Avro container) file name.
    public static func isCaptureFileName(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".avro")
    }

    /// Decodes a whole Capture file's `bytes`, naming `file` (relative path) in every location and
    /// problem; the partition comes from `path` (the file's path including the scanned root).
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String, path: String? = nil) -> FileContents {
        var interner = StringInterner()
        return decode(bytes, file: file, path: path, interner: &interner).contents
    }

    /// Decodes a whole file, sharing strings through `interner`; also where to go on when it grows.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String, path: String?, interner: inout StringInterner,
                       keepRecordingSubjects: Bool = true) -> (contents: FileContents, tail: CaptureTail?) {
        // Capture writes empty files (and header-only ones) when a partition had no traffic.
        guard !bytes.isEmpty else { return (FileContents(), nil) }
        let header: AvroContainerHeader
        do throws(AvroContainerHeader.Failure) {
            header = try AvroContainerHeader.read(bytes)
        } catch {
            switch error {
            case .cutOff:
                return (FileContents(problems: [Problem(file: file, message: "the Avro header is cut off after \(bytes.count) bytes (a blob still being written, or cut off)")]), nil)
            case .invalid(let message):
                return (FileContents(problems: [Problem(file: file, message: message)]), nil)
            }
        }
        let layout: CaptureRecordLayout
        switch CaptureRecordLayout.of(header.schema) {
        case .success(let found): layout = found
        case .failure(let error): return (FileContents(problems: [Problem(file: file, message: error.message)]), nil)
        }
        let start = CaptureTail(header: header, layout: layout, partition: CapturePath.partition(of: path ?? file),
                                nextBlockOffset: header.length, nextBlock: 0, contents: FileContents())
        let window = UnsafeBufferPointer(rebasing: bytes[header.length...])
        return readBlocks(window, after: start, file: file, interner: &interner, keepRecordingSubjects: keepRecordingSubjects)
    }

    /// Reads the blocks in `window`, the file's bytes from `tail.nextBlockOffset` on, adding what
    /// they hold to `tail.contents`. The result's tail is after the last block whose sync marker
    /// checked (what a later read goes on from); its contents leave out the problem that stopped
    /// the reading (a cut-off last block, a wrong sync marker), which the returned contents include.
    static func readBlocks(_ window: UnsafeBufferPointer<UInt8>, after tail: CaptureTail, file: String,
                           interner: inout StringInterner, keepRecordingSubjects: Bool) -> (contents: FileContents, tail: CaptureTail) {
        var tail = tail
        let inflater = tail.header.codec == .deflate ? RawInflater(limit: maxBlockSize) : nil
        var position = 0
        while position < window.count {
            let blockOffset = tail.nextBlockOffset
            let place = "block \(tail.nextBlock + 1) (at byte \(blockOffset))"
            var cursor = AvroCursor(bytes: window, start: position)
            let count: Int64
            let data: Range<Int>
            do throws(AvroError) {
                count = try cursor.readLong()
                let size = try cursor.readLength("the block's size")
                data = try cursor.take(size, "the block")
                let sync = try cursor.take(16, "the block's sync marker")
                guard window[sync].elementsEqual(tail.header.sync) else {
                    var contents = tail.contents
                    contents.problems.append(Problem(file: file, message: "\(place): the sync marker after the block is not the file's; the block and the rest of the file (\(window.count - position) bytes) are not read"))
                    return (contents, tail)
                }
                guard count >= 0 else { throw cursor.failure("the block's record count is negative (\(count))") }
            } catch {
                var contents = tail.contents
                let message = error.cutOff
                    ? "\(place) is cut off: the file ends \(window.count - position) bytes into it (a blob still being written, or cut off); the records before it are kept"
                    : "\(place): \(error.message); the rest of the file is not read"
                contents.problems.append(Problem(file: file, message: message))
                return (contents, tail)
            }
            let records: UnsafeBufferPointer<UInt8>
            if let inflater {
                do throws(RawInflater.Failure) {
                    records = try inflater.inflate(UnsafeBufferPointer(rebasing: window[data]))
                } catch {
                    tail.contents.problems.append(Problem(file: file, message: "\(place): \(error.message); its \(count) records are not read"))
                    tail.advance(to: blockOffset + cursor.position - position)
                    position = cursor.position
                    continue
                }
            } else {
                records = UnsafeBufferPointer(rebasing: window[data])
            }
            readRecords(records, count: count, blockOffset: blockOffset, into: &tail, file: file,
                        interner: &interner, keepRecordingSubjects: keepRecordingSubjects)
            tail.advance(to: blockOffset + cursor.position - position)
            position = cursor.position
        }
        return (tail.contents, tail)
    }

    /// Decodes the `count` records of one block's (inflated) bytes into `tail.contents`.
    private static func readRecords(_ bytes: UnsafeBufferPointer<UInt8>, count: Int64, blockOffset: Int, into tail: inout CaptureTail,
                                    file: String, interner: inout StringInterner, keepRecordingSubjects: Bool) {
        var cursor = AvroCursor(bytes: bytes)
        var facts: [CaptureBlockRecords.Facts] = []
        facts.reserveCapacity(Int(min(max(count, 0), 4096)))
        var enqueuedTexts: [Int32: String] = [:], offsetTexts: [Int32: String] = [:]
        // The block's events with their record, given their origin once the block's facts are all read.
        var events: [(event: DecodedEvent, record: Int)] = []
        defer {
            let records = CaptureBlockRecords(blockOffset: blockOffset, block: tail.nextBlock, partition: tail.partition,
                                              facts: facts, enqueuedTexts: enqueuedTexts, offsetTexts: offsetTexts)
            for (event, record) in events {
                tail.contents.append(event.read(from: CaptureRecordOrigin(records: records, record: record)))
            }
        }
        // Every record takes at least a byte (its Body), so a forged count ends with the bytes.
        while Int64(facts.count) < count {
            let record: CaptureRecordLayout.Record
            do throws(AvroError) {
                record = try tail.layout.read(&cursor)
            } catch {
                tail.contents.problems.append(Problem(file: file, message: "block \(tail.nextBlock + 1), record \(facts.count + 1): the record does not decode (\(error.message)); the block's other \(count - Int64(facts.count) - 1) records after it are not read"))
                return
            }
            let index = facts.count
            let block = tail.nextBlock
            func place() -> String { "block \(block + 1), record \(index + 1)" }
            let enqueuedBytes = record.enqueuedTime.map { UnsafeBufferPointer(rebasing: bytes[$0]) }
            let enqueued = enqueuedBytes.flatMap(CaptureEnqueuedTime.parse)
            if enqueued == nil, let enqueuedBytes { enqueuedTexts[Int32(index)] = String(decoding: enqueuedBytes, as: UTF8.self) }
            let offsetBytes = record.offset.map { UnsafeBufferPointer(rebasing: bytes[$0]) }
            let recordFacts = CaptureBlockRecords.Facts(sequenceNumber: record.sequenceNumber, offset: offsetBytes, enqueuedTime: enqueued)
            if recordFacts.isOffsetText, let offsetBytes { offsetTexts[Int32(index)] = String(decoding: offsetBytes, as: UTF8.self) }
            facts.append(recordFacts)
            guard let body = record.body, !body.isEmpty else {
                tail.contents.problems.append(Problem(file: file, message: "\(place()): the Body is empty, so there is no delivery to read"))
                continue
            }
            let delivery = FileDecoder.decode(UnsafeBufferPointer(rebasing: bytes[body]), file: file, layout: .json,
                                              interner: &interner, keepRecordingSubjects: keepRecordingSubjects)
            for event in delivery.events { events.append((event, index)) }
            for problem in delivery.problems {
                let at = problem.line.map { line in " \(line):\(problem.column ?? 1)" } ?? ""
                tail.contents.problems.append(Problem(file: file, message: "\(place()), Body\(at): \(problem.message)"))
            }
        }
    }
}

/// Where a Capture file's reading stopped, so that when the file grows only the new blocks are
/// read: the header, the offset after the last complete block, and what the file held until then.
struct CaptureTail: Sendable {
    var header: AvroContainerHeader
    var layout: CaptureRecordLayout
    var partition: String?
    /// Where the next block starts in the file.
    var nextBlockOffset: Int
    /// The 0-based index of the next block.
    var nextBlock: Int
    /// The events and problems of the blocks before `nextBlockOffset`.
    var contents: FileContents

    mutating func advance(to offset: Int) {
        nextBlockOffset = offset
        nextBlock += 1
    }
}

extension DecodedEvent {
    /// This event as read from a Capture record: its location names the record (the range stays
    /// inside the Body), and an id made up for a missing one names the record too.
    fileprivate func read(from origin: CaptureRecordOrigin) -> DecodedEvent {
        var event = self
        let location = envelope.location
        // The decoder's stand-in for a missing id is "file@offset", which records would share.
        if envelope.key.id.hasPrefix(location.file), envelope.key.id == "\(location.file)@\(location.offset)" {
            event.envelope.key.id = "\(location.file)@\(origin.blockOffset).\(origin.record).\(location.offset)"
        }
        event.envelope.location.capture = origin
        return event
    }
}
