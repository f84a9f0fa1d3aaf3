/// The header of an Avro object container file: magic `Obj\u{1}`, the metadata map (`avro.schema`,
/// `avro.codec`) and the 16-byte sync marker that ends every block.
struct AvroContainerHeader: Sendable, Equatable {
    /// How the blocks' data is compressed.
    enum Codec: Sendable, Equatable {
        case null
        /// Raw deflate (RFC 1951, no zlib header or checksum), as the Avro specification says.
        case deflate
    }

    static let magic: [UInt8] = [0x4F, 0x62, 0x6A, 0x01]
    /// The largest metadata map read (the schema of a Capture file is well under a kilobyte).
    static let maxLength = 1 << 20

    var schema: AvroSchema.Set
    var codec: Codec
    var sync: [UInt8]
    /// Where the first block starts.
    var length: Int

    /// Why a header could not be read: the file is not (yet) a whole header, or not what recdeck reads.
    enum Failure: Error {
        /// The bytes end inside the header (a blob still being written, or cut off).
        case cutOff
        case invalid(String)
    }

    /// Reads the header at the start of `bytes`.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> AvroContainerHeader {
        guard bytes.count >= magic.count else {
            if bytes.elementsEqual(magic.prefix(bytes.count)) { throw .cutOff }
            throw .invalid("not an Avro container file (it does not start with \"Obj\\u0001\")")
        }
        guard bytes.prefix(4).elementsEqual(magic) else {
            throw .invalid("not an Avro container file (it does not start with \"Obj\\u0001\")")
        }
        var cursor = AvroCursor(bytes: bytes, start: 4, end: min(bytes.count, maxLength))
        let metadata: (schema: Range<Int>?, codec: String, sync: Range<Int>)
        do throws(AvroError) {
            metadata = try readMetadata(&cursor)
        } catch {
            if error.cutOff && bytes.count < maxLength { throw .cutOff }
            throw .invalid("the header is not valid: \(error.message)")
        }
        guard let schemaRange = metadata.schema else { throw .invalid("the header has no avro.schema") }
        let codec: Codec
        switch metadata.codec {
        case "null", "": codec = .null
        case "deflate": codec = .deflate
        default:
            throw .invalid("the blocks are compressed with the \(SafeText.escaped(metadata.codec)) codec; "
                + "recdeck reads null and deflate (what Event Hubs Capture writes)")
        }
        let schema: AvroSchema.Set
        do throws(AvroError) {
            schema = try AvroSchema.parse(UnsafeBufferPointer(rebasing: bytes[schemaRange]))
        } catch {
            throw .invalid("the avro.schema is not a schema recdeck can read: \(error.message)")
        }
        return AvroContainerHeader(schema: schema, codec: codec, sync: Array(bytes[metadata.sync]), length: cursor.position)
    }

    /// The metadata map (the schema's place and the codec's name) and the sync marker after it.
    private static func readMetadata(_ cursor: inout AvroCursor) throws(AvroError) -> (schema: Range<Int>?, codec: String, sync: Range<Int>) {
        var schema: Range<Int>?
        var codec = "null"
        while true {
            let start = cursor.position
            var count = try cursor.readLong()
            if count == 0 { break }
            if count < 0 {
                guard count != .min else { throw cursor.failure("a metadata count is out of range", at: start) }
                count = -count
                _ = try cursor.readLength("a metadata block size")
            }
            guard count <= Int64(cursor.remaining) else {
                throw cursor.endsEarly("the metadata map says it has \(count) entries, more than the bytes left", at: start)
            }
            for _ in 0..<count {
                let key = try cursor.readString()
                let value = try cursor.readBytesRange()
                switch key {
                case "avro.schema": schema = value
                case "avro.codec": codec = String(decoding: UnsafeBufferPointer(rebasing: cursor.bytes[value]), as: UTF8.self)
                default: break
                }
            }
        }
        let sync = try cursor.take(16, "the sync marker")
        return (schema, codec, sync)
    }
}
