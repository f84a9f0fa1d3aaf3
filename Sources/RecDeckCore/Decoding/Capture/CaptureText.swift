import Glibc

/// Reads one event's text back from a Capture file: the header, then only the block the record is
/// in (inflated), then the record's Body, then the event's range inside it. The record's sequence
/// number is checked, so a file replaced since it was read says so instead of showing another event.
enum CaptureText {
    static func read(_ location: EventLocation, origin: CaptureRecordOrigin, path: String) -> Result<String, EventTextError> {
        let file = location.file
        func failure(_ reason: String) -> Result<String, EventTextError> {
            .failure(EventTextError(description: "\(file) (\(origin.place)): \(reason)"))
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(EventTextError(description: "\(file): \(String(cString: strerror(errno)))")) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return .failure(EventTextError(description: "\(file) is no longer a regular file"))
        }
        let size = Int(info.st_size)
        let changed = "the file changed since it was read"

        let headerBytes = readBytes(descriptor, at: 0, count: min(size, AvroContainerHeader.maxLength))
        let header: AvroContainerHeader
        let layout: CaptureRecordLayout
        do throws(AvroContainerHeader.Failure) {
            header = try headerBytes.withUnsafeBufferPointer { (bytes) throws(AvroContainerHeader.Failure) in try AvroContainerHeader.read(bytes) }
            guard case .success(let found) = CaptureRecordLayout.of(header.schema) else { return failure(changed) }
            layout = found
        } catch {
            return failure(changed)
        }

        // The block: its two counts (at most 10 bytes each), its data and its sync marker.
        let prefix = readBytes(descriptor, at: origin.blockOffset, count: min(20, max(0, size - origin.blockOffset)))
        let framing: (count: Int64, dataStart: Int, dataSize: Int)? = prefix.withUnsafeBufferPointer { bytes in
            var cursor = AvroCursor(bytes: bytes)
            guard let count = try? cursor.readLong(), let dataSize = try? cursor.readLength("the block's size", limit: size) else { return nil }
            return (count, origin.blockOffset + cursor.position, dataSize)
        }
        guard let framing, origin.record < framing.count, framing.dataStart + framing.dataSize + 16 <= size else { return failure(changed) }
        let data = readBytes(descriptor, at: framing.dataStart, count: framing.dataSize)
        let sync = readBytes(descriptor, at: framing.dataStart + framing.dataSize, count: 16)
        guard data.count == framing.dataSize, sync == header.sync else { return failure(changed) }

        return data.withUnsafeBufferPointer { raw in
            let records: UnsafeBufferPointer<UInt8>
            let inflater = header.codec == .deflate ? RawInflater(limit: CaptureFileDecoder.maxBlockSize) : nil
            if let inflater {
                do throws(RawInflater.Failure) {
                    records = try inflater.inflate(raw)
                } catch {
                    return failure(error.message)
                }
            } else {
                records = raw
            }
            var cursor = AvroCursor(bytes: records)
            var record = CaptureRecordLayout.Record()
            for _ in 0...origin.record {
                do throws(AvroError) {
                    record = try layout.read(&cursor)
                } catch {
                    return failure("the record does not decode (\(error.message))")
                }
            }
            guard record.sequenceNumber == origin.sequenceNumber, let body = record.body,
                  location.offset >= 0, location.length >= 0, location.offset + location.length <= body.count else {
                return failure(changed)
            }
            let length = min(location.length, EventText.maximumLength)
            let start = body.lowerBound + location.offset
            return .success(String(decoding: UnsafeBufferPointer(rebasing: records[start..<start + length]), as: UTF8.self))
        }
    }

    /// Up to `count` bytes of the file at `offset` (fewer at its end).
    private static func readBytes(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let result = bytes.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + got, count - got, off_t(offset + got))
            }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { break }
            got += result
        }
        return Array(bytes[0..<got])
    }
}
