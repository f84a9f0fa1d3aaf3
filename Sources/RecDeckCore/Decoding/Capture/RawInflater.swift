import CZlib

/// Inflates raw deflate data (RFC 1951: no zlib header, no checksum), the `deflate` codec of Avro
/// container blocks, with the system's zlib, into one output buffer reused block after block.
/// The output never grows past `limit`: a block that inflates to more is refused, not allocated.
final class RawInflater {
    /// The most one block may inflate to.
    let limit: Int
    private var buffer: UnsafeMutableBufferPointer<UInt8>

    init(limit: Int) {
        self.limit = limit
        buffer = .allocate(capacity: min(limit, 64 << 10))
    }

    deinit { buffer.deallocate() }

    /// Why a block could not be inflated, in words.
    struct Failure: Error {
        var message: String
    }

    /// Inflates `input`; the result is valid until the next call.
    func inflate(_ input: UnsafeBufferPointer<UInt8>) throws(Failure) -> UnsafeBufferPointer<UInt8> {
        if buffer.count < input.count * 4, buffer.count < limit { grow(to: min(limit, input.count * 4)) }
        var stream = z_stream()
        guard czlib_inflate_init_raw(&stream) == Z_OK else { throw Failure(message: "zlib could not start inflating") }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = UInt32(input.count)
        var produced = 0
        while true {
            if produced == buffer.count {
                guard buffer.count < limit else {
                    throw Failure(message: "the block inflates to more than \(limit) bytes; not read")
                }
                grow(to: min(limit, buffer.count * 2), keeping: produced)
            }
            stream.next_out = buffer.baseAddress! + produced
            stream.avail_out = UInt32(buffer.count - produced)
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            produced = buffer.count - Int(stream.avail_out)
            switch status {
            case Z_STREAM_END:
                // Bytes after the end are ignored, as the reference readers do: fastavro's writer
                // leaves three bytes of zlib's checksum there.
                return UnsafeBufferPointer(rebasing: buffer[0..<produced])
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.avail_out > 0:
                throw Failure(message: "the deflate stream is cut off")
            case Z_BUF_ERROR:
                continue
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw Failure(message: "the deflate data is corrupt (zlib: \(reason))")
            }
        }
    }

    private func grow(to capacity: Int, keeping count: Int = 0) {
        let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        if count > 0 { _ = larger.initialize(fromContentsOf: buffer[0..<count]) }
        buffer.deallocate()
        buffer = larger
    }
}
