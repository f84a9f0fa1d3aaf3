/// Which fields of a container's record recdeck reads: the Event Hubs Capture `EventData` record
/// (`SequenceNumber`, `Offset`, `EnqueuedTimeUtc`, `SystemProperties`, `Properties`, `Body`), or
/// any record with a `bytes` (or nullable `bytes`) `Body`, the other three read when present.
struct CaptureRecordLayout: Sendable {
    enum Role {
        case body, sequenceNumber, offset, enqueuedTime
    }

    let schema: AvroSchema.Set
    /// Each field of the record in order, with its role when recdeck reads it.
    let fields: [(type: AvroSchema, role: Role?)]

    /// The layout of `schema`'s records, or why they are not Capture events.
    static func of(_ schema: AvroSchema.Set) -> Result<CaptureRecordLayout, CaptureSchemaError> {
        guard case .record(let record) = schema.resolved(schema.root) else {
            return .failure(CaptureSchemaError(message: "the schema is not a record, so not Event Hubs Capture's EventData; not read"))
        }
        var fields: [(type: AvroSchema, role: Role?)] = []
        var hasBody = false
        for field in record.fields {
            var role: Role?
            switch field.name {
            case "Body" where holds(field.type, .bytes, in: schema):
                role = .body
                hasBody = true
            case "SequenceNumber" where holds(field.type, .long, in: schema) || holds(field.type, .int, in: schema):
                role = .sequenceNumber
            case "Offset" where holds(field.type, .string, in: schema):
                role = .offset
            case "EnqueuedTimeUtc" where holds(field.type, .string, in: schema):
                role = .enqueuedTime
            default:
                role = nil
            }
            fields.append((field.type, role))
        }
        guard hasBody else {
            return .failure(CaptureSchemaError(
                message: "the schema's record \(SafeText.escaped(record.name)) has no bytes \"Body\" field, so it is not Event Hubs Capture's EventData; not read"))
        }
        return .success(CaptureRecordLayout(schema: schema, fields: fields))
    }

    /// Whether `type` is `wanted`, or a union with a `wanted` branch.
    private static func holds(_ type: AvroSchema, _ wanted: AvroSchema, in schema: AvroSchema.Set) -> Bool {
        switch schema.resolved(type) {
        case wanted: true
        case .union(let branches): branches.contains { schema.resolved($0) == wanted }
        default: false
        }
    }

    /// The fields of one record, read at the cursor (which ends after the record).
    struct Record {
        var body: Range<Int>?
        var sequenceNumber: Int64?
        var offset: Range<Int>?
        var enqueuedTime: Range<Int>?
    }

    func read(_ cursor: inout AvroCursor) throws(AvroError) -> Record {
        var record = Record()
        for field in fields {
            guard let role = field.role else {
                try cursor.skip(field.type, in: schema, depth: 1)
                continue
            }
            let value = try cursor.readScalar(field.type, in: schema)
            switch (role, value) {
            case (.body, .bytes(let range)): record.body = range
            case (.sequenceNumber, .long(let number)): record.sequenceNumber = number
            case (.offset, .bytes(let range)): record.offset = range
            case (.enqueuedTime, .bytes(let range)): record.enqueuedTime = range
            default: break
            }
        }
        return record
    }
}

/// Why a container's records are not read as Capture events.
struct CaptureSchemaError: Error {
    var message: String
}
