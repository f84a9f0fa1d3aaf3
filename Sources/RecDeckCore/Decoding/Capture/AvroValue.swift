/// A value recdeck reads out of a record field: a number, the place of a string or bytes value, or
/// something else (skipped).
enum AvroScalar: Equatable {
    case null
    case long(Int64)
    /// A `string` or `bytes` value: where its bytes are in the buffer.
    case bytes(Range<Int>)
    case other
}

extension AvroCursor {
    /// Reads a value of `schema`, following a union to its branch, and returns it as a scalar
    /// (records, arrays, maps and the like are skipped and read as `.other`).
    mutating func readScalar(_ schema: AvroSchema, in set: AvroSchema.Set) throws(AvroError) -> AvroScalar {
        switch set.resolved(schema) {
        case .null: return .null
        case .int: return .long(Int64(try readInt()))
        case .long: return .long(try readLong())
        case .bytes, .string: return .bytes(try readBytesRange())
        case .union(let branches):
            return try readScalar(try unionBranch(branches), in: set)
        case let other:
            try skip(other, in: set, depth: 0)
            return .other
        }
    }

    /// The branch a union value says it holds.
    mutating func unionBranch(_ branches: [AvroSchema]) throws(AvroError) -> AvroSchema {
        let start = position
        let index = try readLong()
        guard index >= 0, index < Int64(branches.count) else {
            throw failure("union branch \(index) does not exist (the union has \(branches.count))", at: start)
        }
        return branches[Int(index)]
    }

    /// Skips one value of `schema`, checking every length and count against the bytes left.
    mutating func skip(_ schema: AvroSchema, in set: AvroSchema.Set, depth: Int) throws(AvroError) {
        guard depth < AvroSchema.maxDepth else { throw failure("a value nests deeper than \(AvroSchema.maxDepth)") }
        switch schema {
        case .null: return
        case .boolean: try skip(1, "a boolean")
        case .int: _ = try readInt()
        case .long: _ = try readLong()
        case .float: try skip(4, "a float")
        case .double: try skip(8, "a double")
        case .bytes, .string: _ = try readBytesRange()
        case .fixed(let size): try skip(size, "a fixed value")
        case .enumeration(let symbols):
            let start = position
            let index = try readLong()
            guard index >= 0, index < Int64(symbols) else { throw failure("enum symbol \(index) does not exist", at: start) }
        case .array(let items):
            try skipBlocks(depth: depth) { (cursor: inout AvroCursor) throws(AvroError) in
                try cursor.skip(items, in: set, depth: depth + 1)
            }
        case .map(let values):
            try skipBlocks(depth: depth) { (cursor: inout AvroCursor) throws(AvroError) in
                _ = try cursor.readBytesRange()
                try cursor.skip(values, in: set, depth: depth + 1)
            }
        case .union(let branches):
            try skip(try unionBranch(branches), in: set, depth: depth + 1)
        case .record(let record):
            for field in record.fields { try skip(field.type, in: set, depth: depth + 1) }
        case .named(let index):
            try skip(set.named[index], in: set, depth: depth + 1)
        }
    }

    /// Skips the blocks of an array or map: counts, each item, until a zero count. A count can
    /// never be more than the bytes left (every item of a real file takes at least one byte, except
    /// nulls, which no Capture schema repeats), so a forged count cannot spin for long.
    private mutating func skipBlocks(depth: Int, item: (inout AvroCursor) throws(AvroError) -> Void) throws(AvroError) {
        while true {
            let start = position
            var count = try readLong()
            if count == 0 { return }
            if count < 0 {
                guard count != .min else { throw failure("a block count is out of range", at: start) }
                count = -count
                _ = try readLength("a block size")
            }
            guard count <= Int64(remaining) else {
                throw failure("a block says it holds \(count) items, more than the \(remaining) bytes left", at: start)
            }
            for _ in 0..<count { try item(&self) }
        }
    }
}
