import Foundation
import Testing
@testable import RecDeckCore
import RecDeckTestSupport

/// Event Hubs Capture files written by fastavro (`Tests/Fixtures/capture/generate.py`), read back.
@Suite struct CaptureTests {
    static let partition0 = "ns/calls/0/2026/10/01/08/00/00.avro"

    /// Decodes the fixture `relative` of `fixtures` as the scanner does.
    func decode(_ fixtures: TemporaryDirectory, _ relative: String) throws -> FileContents {
        let bytes = try fixtures.bytes(relative)
        return bytes.withUnsafeBufferPointer { CaptureFileDecoder.decode($0, file: relative) }
    }

    func ids(_ contents: FileContents) -> [String] { contents.events.map(\.envelope.key.id) }

    @Test func deflateFileWithThreeBlocks() throws {
        let fixtures = try CaptureFixtures.generate()
        let contents = try decode(fixtures, Self.partition0)
        #expect(contents.problems == [])
        #expect(ids(contents) == ["eg-1", "ce-2", "ce-3", "ce-4", "call-ended-5", "eg-6"])
        let origins = contents.events.map { $0.envelope.location.capture! }
        #expect(origins.map(\.block) == [0, 0, 1, 1, 1, 2])
        #expect(origins.map(\.record) == [0, 1, 0, 0, 1, 0])
        #expect(origins.map(\.blockOffset) == [521, 521, 1257, 1257, 1257, 1954])
        #expect(origins.map(\.sequenceNumber) == [1, 2, 3, 3, 4, 5])
        #expect(origins.map(\.offset) == ["4096", "8192", "12288", "12288", "16384", "20480"])
        #expect(origins.map { $0.enqueuedTime?.iso8601UTC } == [
            "2026-10-01T08:01:05.000Z", "2026-10-01T08:02:05.000Z", "2026-10-01T08:03:05.000Z",
            "2026-10-01T08:03:05.000Z", "2026-10-01T08:04:05.000Z", "2026-10-01T08:05:05.000Z"])
        #expect(origins.allSatisfy { $0.partition == "0" })
        // The two CloudEvents of one Body share its record.
        #expect(origins[2] == origins[3])
        guard case .recording(let first) = contents.events[0], case .recording(let batch) = contents.events[3] else {
            Issue.record("expected recording events")
            return
        }
        #expect(first.recordingKey == "rec-1")
        #expect(first.envelope.schema == .eventGrid)
        #expect(batch.recordingKey == "rec-4")
        #expect(batch.envelope.schema == .cloudEvents)
        #expect(batch.chunks.map(\.documentId) == ["0-weu-d4-doc"])
        #expect(contents.events[4].envelope.key.type == "Microsoft.Communication.CallEnded")
        #expect(contents.events[0].envelope.location.title
            == "partition 0 · sequence 1 · enqueued 2026-10-01T08:01:05.000Z · \(Self.partition0) (block 1, record 1)")
    }

    @Test func nullCodecAndAnyRecordWithABytesBody() throws {
        let fixtures = try CaptureFixtures.generate()
        let plain = try decode(fixtures, "ns/calls/1/2026/10/01/08/00/00.avro")
        #expect(plain.problems == [])
        #expect(ids(plain) == ["eg-10", "ce-11"])
        #expect(plain.events.map { $0.envelope.location.capture?.sequenceNumber } == [10, 11])
        // Fields of every other Avro kind come before the Body and are skipped exactly.
        let other = try decode(fixtures, "other/message.avro")
        #expect(other.problems == [])
        #expect(ids(other) == ["ce-40"])
        let origin = try #require(other.events.first?.envelope.location.capture)
        #expect(origin.partition == nil && origin.sequenceNumber == nil && origin.enqueuedTime == nil)
        #expect(other.events[0].envelope.location.title == "other/message.avro (block 1, record 1)")
    }

    /// A block's records keep what Event Hubs wrote exactly: offsets that are not canonical
    /// numbers as text, any sequence number, and an event's location keeps its length beside the record.
    @Test func blockRecordsKeepOffsetsAndSequenceNumbersAsWritten() {
        let offsets: [String?] = ["0", "4096", "007", "-5", "x1", "", "123456789012345678901", nil]
        var offsetTexts: [Int32: String] = [:]
        let facts = offsets.enumerated().map { index, text in
            Array((text ?? "").utf8).withUnsafeBufferPointer { bytes in
                let facts = CaptureBlockRecords.Facts(sequenceNumber: index == 0 ? nil : Int64.min + Int64(index) - 1,
                                                      offset: text == nil ? nil : bytes, enqueuedTime: nil)
                if facts.isOffsetText { offsetTexts[Int32(index)] = text }
                return facts
            }
        }
        #expect(offsetTexts.keys.sorted() == [2, 3, 4, 5, 6])
        let records = CaptureBlockRecords(blockOffset: 100, block: 2, partition: "7", facts: facts,
                                          enqueuedTexts: [1: "yesterday"], offsetTexts: offsetTexts)
        let origins = offsets.indices.map { CaptureRecordOrigin(records: records, record: $0) }
        #expect(origins.map(\.offset) == offsets)
        #expect(origins.map(\.sequenceNumber) == [nil] + (1..<offsets.count).map { Int64.min + Int64($0) - 1 })
        #expect(origins[1].message == "partition 7 · sequence -9223372036854775808 · enqueued yesterday")
        #expect(origins[0].description == "partition 7 · block 3, record 1")

        var location = EventLocation(file: "p/7/00.avro", offset: 12, length: 345, capture: origins[6])
        #expect(location.length == 345 && location.capture == origins[6] && location.offset == 12)
        location.length = 99
        #expect(location.length == 99 && location.capture?.record == 6)
        #expect(location == EventLocation(file: "p/7/00.avro", offset: 12, length: 99, capture: origins[6]))
        #expect(location != EventLocation(file: "p/7/00.avro", offset: 12, length: 99, capture: origins[5]))
        location.capture = nil
        #expect(location == EventLocation(file: "p/7/00.avro", offset: 12, length: 99))
    }

    @Test func badBodiesAreProblemsNamingBlockAndRecord() throws {
        let fixtures = try CaptureFixtures.generate()
        let file = "ns/calls/2/2026/10/01/08/00/00.avro"
        let contents = try decode(fixtures, file)
        #expect(ids(contents) == ["eg-22"])
        #expect(contents.problems.map(\.description) == [
            "\(file): block 1, record 1, Body 1:19: expected a string key in object, found end of input",
            "\(file): block 1, record 2: the Body is empty, so there is no delivery to read",
        ])
    }

    @Test func idleCaptureFilesAreNotProblems() throws {
        let fixtures = try CaptureFixtures.generate()
        for file in ["ns/calls/3/2026/10/01/08/05/00.avro", "ns/calls/3/2026/10/01/08/10/00.avro"] {
            #expect(try decode(fixtures, file) == FileContents(), "\(file)")
        }
    }

    @Test func brokenCopiesCostOneProblemAndKeepWhatCameBefore() throws {
        let fixtures = try CaptureFixtures.generate()
        let cases: [(file: String, ids: [String], problem: String)] = [
            ("broken/truncated.avro", ["eg-1", "ce-2", "ce-3", "ce-4", "call-ended-5"],
             "block 3 (at byte 1954) is cut off: the file ends 7 bytes into it (a blob still being written, or cut off); the records before it are kept"),
            ("broken/bad-sync.avro", ["eg-1", "ce-2"],
             "block 2 (at byte 1257): the sync marker after the block is not the file's; the block and the rest of the file (1299 bytes) are not read"),
            ("broken/bad-deflate.avro", ["ce-3", "ce-4", "call-ended-5", "eg-6"],
             "block 1 (at byte 521): the deflate data is corrupt (zlib: invalid code lengths set); its 2 records are not read"),
            ("broken/bzip2.avro", [],
             "the blocks are compressed with the bzip2 codec; recdeck reads null and deflate (what Event Hubs Capture writes)"),
            ("broken/no-body.avro", [],
             "the schema's record example.Reading has no bytes \"Body\" field, so it is not Event Hubs Capture's EventData; not read"),
            ("broken/not-avro.avro", [], "not an Avro container file (it does not start with \"Obj\\u0001\")"),
        ]
        for (file, expectedIds, problem) in cases {
            let contents = try decode(fixtures, file)
            #expect(ids(contents) == expectedIds, "\(file)")
            #expect(contents.problems == [Problem(file: file, message: problem)], "\(file)")
        }
    }

    @Test func everyCutOfAFileIsReadWithoutACrash() throws {
        let fixtures = try CaptureFixtures.generate()
        let bytes = try fixtures.bytes(Self.partition0)
        // Every prefix: complete blocks are kept, the cut is one problem (none at a block's end).
        let blockEnds = [1257, 1954, bytes.count]
        for length in 0...bytes.count {
            let contents = bytes[0..<length].withUnsafeBufferPointer { CaptureFileDecoder.decode($0, file: "cut.avro") }
            let complete = blockEnds.filter { $0 <= length }.count
            #expect(contents.events.count == [0, 2, 5, 6][complete], "cut at \(length)")
            let clean = length == 0 || length == 521 || blockEnds.contains(length)
            #expect(contents.problems.count == (clean ? 0 : 1), "cut at \(length): \(contents.problems)")
        }
    }

    @Test func forgedCountsAndLengthsAreRefusedNotAllocated() throws {
        let fixtures = try CaptureFixtures.generate()
        let plain = try fixtures.bytes("ns/calls/1/2026/10/01/08/00/00.avro")
        let header = try plain.withUnsafeBufferPointer { bytes in try Self.header(bytes) }
        let sync = Array(plain[header.length - 16..<header.length])
        // The block as written: its count (2), its size, its records, its sync marker.
        var cursor = plain.withUnsafeBufferPointer { AvroCursor(bytes: $0, start: header.length) }
        _ = try cursor.readLong()
        let size = try cursor.readLong()
        let records = Array(plain[cursor.position..<cursor.position + Int(size)])

        func file(count: Int64, size: Int64, records: [UInt8]) -> [UInt8] {
            Array(plain[0..<header.length]) + Self.long(count) + Self.long(size) + records + sync
        }
        func read(_ bytes: [UInt8]) -> FileContents {
            bytes.withUnsafeBufferPointer { CaptureFileDecoder.decode($0, file: "forged.avro") }
        }
        let manyRecords = read(file(count: 1 << 40, size: size, records: records))
        #expect(manyRecords.events.count == 2)
        #expect(manyRecords.problems.map(\.message) == [
            "block 1, record 3: the record does not decode (the data ends inside a number); the block's other 1099511627773 records after it are not read"])
        let hugeBlock = read(file(count: 2, size: 1 << 60, records: records))
        #expect(hugeBlock.events.isEmpty)
        #expect(hugeBlock.problems.map(\.message) == [
            "block 1 (at byte \(header.length)) is cut off: the file ends \(records.count + 16 + 10) bytes into it (a blob still being written, or cut off); the records before it are kept"])
        let negative = read(file(count: -1, size: size, records: records))
        #expect(negative.problems.map(\.message) == [
            "block 1 (at byte \(header.length)): the block's record count is negative (-1); the rest of the file is not read"])
        // A record whose Body says it is longer than the block.
        let forgedBody = Self.long(1) + Self.long(1) + [0x6F] + Self.long(1) + [0x74] + Self.long(0) + Self.long(0)
            + Self.long(1) + Self.long(1 << 50)
        let longBody = read(file(count: 1, size: Int64(forgedBody.count), records: forgedBody))
        #expect(longBody.events.isEmpty)
        #expect(longBody.problems.map(\.message) == [
            "block 1, record 1: the record does not decode (a length (1125899906842624) is more than the 0 bytes left); the block's other 0 records after it are not read"])
    }

    /// The header of a container's bytes.
    static func header(_ bytes: UnsafeBufferPointer<UInt8>) throws -> AvroContainerHeader {
        do throws(AvroContainerHeader.Failure) {
            return try AvroContainerHeader.read(bytes)
        } catch {
            throw CaptureFixtures.Unavailable(description: "the fixture's header does not read: \(error)")
        }
    }

    /// A `long` in Avro's zig-zag varint encoding.
    static func long(_ value: Int64) -> [UInt8] {
        var zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        var bytes: [UInt8] = []
        repeat {
            var byte = UInt8(zigzag & 0x7F)
            zigzag >>= 7
            if zigzag != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while zigzag != 0
        return bytes
    }

    @Test func enqueuedTimesAsCaptureWritesThem() {
        func parse(_ text: String) -> String? {
            var text = text
            return text.withUTF8 { CaptureEnqueuedTime.parse($0) }?.iso8601UTC
        }
        #expect(parse("10/1/2026 8:01:05 AM") == "2026-10-01T08:01:05.000Z")
        #expect(parse("12/31/2026 12:00:00 AM") == "2026-12-31T00:00:00.000Z")
        #expect(parse("12/31/2026 12:30:00 PM") == "2026-12-31T12:30:00.000Z")
        #expect(parse("1/2/2026 11:59:59 PM") == "2026-01-02T23:59:59.000Z")
        #expect(parse("2/29/2025 1:00:00 AM") == nil)
        #expect(parse("1/2/2026 23:59:59") == "2026-01-02T23:59:59.000Z")
        #expect(parse("2026-10-01T08:00:00.5Z") == "2026-10-01T08:00:00.500Z")
        #expect(parse("13/2/2026 1:00:00 AM") == nil)
        #expect(parse("1/2/2026 13:00:00 PM") == nil)
        #expect(parse("yesterday") == nil)
    }

    @Test func partitionFromThePath() {
        #expect(CapturePath.partition(of: "ns/calls/7/2026/10/01/08/00/00.avro") == "7")
        #expect(CapturePath.partition(of: "/mnt/capture/ns/calls/12/2026/10/01/08/00/00.avro") == "12")
        #expect(CapturePath.partition(of: "2026/10/01/08/00/00.avro") == nil)
        #expect(CapturePath.partition(of: "x/y/2026/10/01/08/00/zz.avro") == nil)
    }

    @Test func eventTextComesFromTheRecordsBody() throws {
        let fixtures = try CaptureFixtures.generate()
        let contents = try decode(fixtures, Self.partition0)
        let texts = try contents.events.map { event in try EventText.read(event.envelope.location, under: fixtures.path).get() }
        #expect(texts[1].hasPrefix("{\"specversion\": \"1.0\", \"id\": \"ce-2\""))
        #expect(texts[1].hasSuffix("\"recordingFormatType\": \"Mp3\"}}"))
        for (text, id) in zip(texts, ids(contents)) {
            let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            #expect(parsed?["id"] as? String == id)
        }
        // Another file in its place (other sequence numbers): said, not shown as the wrong event.
        let other = try fixtures.bytes("ns/calls/1/2026/10/01/08/00/00.avro")
        fixtures.write(Self.partition0, bytes: other)
        let location = contents.events[0].envelope.location
        guard case .failure(let error) = EventText.read(location, under: fixtures.path) else {
            Issue.record("read a replaced file's event")
            return
        }
        #expect(error.description == "\(Self.partition0) (block 1, record 1): the file changed since it was read")
    }

    @Test func scannerReadsCaptureFilesBesideJSON() throws {
        let fixtures = try CaptureFixtures.generate()
        fixtures.write("json/one.json", EventFixture.recording(id: "json-1", recording: "rec-json"))
        let store = try DirectoryScanner(root: fixtures.path).scan()
        #expect(store.recordings["rec-json"] != nil)
        #expect(store.recordings["rec-6"]?.events.first?.location.capture?.sequenceNumber == 5)
        #expect(store.recordings["rec-40"]?.events.first?.location.file == "other/message.avro")
        #expect(store.problems.map(\.file).filter { $0.hasPrefix("ns/") } == ["ns/calls/2/2026/10/01/08/00/00.avro",
                                                                           "ns/calls/2/2026/10/01/08/00/00.avro"])
    }

    @Test func aGrowingFileIsReadOnFromItsLastBlock() throws {
        let fixtures = try CaptureFixtures.generate()
        let start = try fixtures.bytes("grow/start.avro"), rest = try fixtures.bytes("grow/rest")
        let live = TemporaryDirectory()
        let path = live.write("p/grow.avro", bytes: start)
        let tails = CaptureTails()
        let watching = DirectoryScanner(root: live.path, captureTails: tails)
        #expect(watching.read("p/grow.avro").map(ids) == ["eg-1", "ce-2"])

        // Spoil the first block where it lies (same size, same file), then append the rest: read on
        // from the tail, block 1 is not read again; read from the start, it would be a problem.
        var spoiled = start
        for index in 530..<540 { spoiled[index] ^= 0x5A }
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.write(contentsOf: spoiled)
        try handle.write(contentsOf: rest)
        try handle.close()
        let grown = try #require(watching.read("p/grow.avro"))
        #expect(ids(grown) == ["eg-1", "ce-2", "ce-3", "ce-4", "call-ended-5", "eg-6"])
        #expect(grown.problems == [])
        let fromStart = try #require(DirectoryScanner(root: live.path).read("p/grow.avro"))
        #expect(fromStart.problems.count == 1)
        #expect(!ids(fromStart).contains("eg-1"))

        // Another file at the path (a new inode) is read from its start.
        try FileManager.default.removeItem(atPath: path)
        live.write("p/grow.avro", bytes: try fixtures.bytes("ns/calls/1/2026/10/01/08/00/00.avro"))
        #expect(watching.read("p/grow.avro").map(ids) == ["eg-10", "ce-11"])
    }

    @Test(arguments: WatchFlavor.allCases)
    func watcherPicksUpNewAndGrowingCaptureFiles(flavor: WatchFlavor) async throws {
        let fixtures = try CaptureFixtures.generate()
        let sandbox = WatcherTests.Sandbox()
        let (watcher, log) = try await startWatching(sandbox, flavor.options())
        defer { watcher.stop() }
        Disk.makeDirectories(sandbox.path("ns/calls/1/2026/10/01/08/00"))
        _ = FileWriter.write(try fixtures.bytes("ns/calls/1/2026/10/01/08/00/00.avro"), to: sandbox.path("ns/calls/1/2026/10/01/08/00/00.avro"))
        try await log.wait(for: "a new Capture file") { watcher.snapshot().recordings.count == 2 }

        let growing = sandbox.path("grow.avro")
        #expect(FileManager.default.createFile(atPath: growing, contents: Data(try fixtures.bytes("grow/start.avro"))))
        try await log.wait(for: "a Capture file's first block") { watcher.snapshot().recordings["rec-2"] != nil }
        let handle = try #require(FileHandle(forWritingAtPath: growing))
        try handle.seekToEnd()
        try handle.write(contentsOf: try fixtures.bytes("grow/rest"))
        try handle.close()
        try await log.wait(for: "the blocks appended") { watcher.snapshot().recordings["rec-6"] != nil }
        #expect(watcher.snapshot().recordings.count == 7)
        #expect(watcher.snapshot().problems == [])
    }
}
