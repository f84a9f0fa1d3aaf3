/// An Avro schema, as a container file's `avro.schema` header declares it: enough to walk any value
/// of it (so fields recdeck does not read are skipped exactly), with named types kept once in
/// `AvroSchema.Set` and referred to by index (records may refer to themselves).
indirect enum AvroSchema: Sendable, Equatable {
    case null, boolean, int, long, float, double, bytes, string
    case fixed(size: Int)
    case enumeration(symbols: Int)
    case array(AvroSchema)
    case map(AvroSchema)
    case union([AvroSchema])
    case record(AvroRecord)
    /// A named type (record, enum, fixed) defined elsewhere in the schema: its index in the set.
    case named(Int)

    /// A whole schema: the top-level type and every named type it defines.
    struct Set: Sendable, Equatable {
        var root: AvroSchema
        var named: [AvroSchema]

        /// `schema` with a named reference replaced by its definition.
        func resolved(_ schema: AvroSchema) -> AvroSchema {
            if case .named(let index) = schema { return named[index] }
            return schema
        }
    }

    /// Nesting deeper than this (in the schema or, through recursive records, in a value) is refused.
    static let maxDepth = 64

    /// Parses the JSON text of a schema.
    static func parse(_ text: UnsafeBufferPointer<UInt8>) throws(AvroError) -> Set {
        var parser = JSONParser(bytes: text)
        let json: JSONValue
        do throws(JSONSyntaxError) {
            json = try parser.parseValue()
            parser.skipWhitespace()
            if !parser.isAtEnd { throw parser.failure("text after the schema") }
        } catch {
            throw AvroError(message: "the schema is not valid JSON: \(error.message)", offset: error.offset)
        }
        var builder = Builder()
        let root = try builder.build(json, namespace: "", depth: 0)
        return Set(root: root, named: builder.definitions.map { $0 ?? .null })
    }

    /// Turns schema JSON into `AvroSchema`, registering named types as they are defined.
    private struct Builder {
        var definitions: [AvroSchema?] = []
        var names: [String: Int] = [:]

        mutating func build(_ json: JSONValue, namespace: String, depth: Int) throws(AvroError) -> AvroSchema {
            guard depth < AvroSchema.maxDepth else { throw Self.error("the schema nests deeper than \(AvroSchema.maxDepth)") }
            switch json {
            case .string(let name):
                return try reference(name, namespace: namespace)
            case .array(let branches):
                return .union(try branches.map { (branch) throws(AvroError) in try build(branch, namespace: namespace, depth: depth + 1) })
            case .object:
                guard let type = json["type"] else { throw Self.error("a schema object has no \"type\"") }
                guard case .string(let typeName) = type else { return try build(type, namespace: namespace, depth: depth + 1) }
                switch typeName {
                case "record", "error":
                    let (index, fullName, inner) = try define(json, namespace: namespace)
                    guard case .array(let fieldList)? = json["fields"] else {
                        throw Self.error("record \(fullName) has no \"fields\" array")
                    }
                    var fields: [AvroRecord.Field] = []
                    for field in fieldList {
                        guard let name = field["name"]?.stringValue, let fieldType = field["type"] else {
                            throw Self.error("a field of record \(fullName) has no \"name\" or \"type\"")
                        }
                        fields.append(AvroRecord.Field(name: name, type: try build(fieldType, namespace: inner, depth: depth + 1)))
                    }
                    let record = AvroSchema.record(AvroRecord(name: fullName, fields: fields))
                    definitions[index] = record
                    return record
                case "enum":
                    let (index, _, _) = try define(json, namespace: namespace)
                    guard case .array(let symbols)? = json["symbols"] else { throw Self.error("an enum has no \"symbols\" array") }
                    definitions[index] = .enumeration(symbols: symbols.count)
                    return .enumeration(symbols: symbols.count)
                case "fixed":
                    let (index, fullName, _) = try define(json, namespace: namespace)
                    guard case .number(let text)? = json["size"], let size = Int(text), size >= 0 else {
                        throw Self.error("fixed \(fullName) has no valid \"size\"")
                    }
                    definitions[index] = .fixed(size: size)
                    return .fixed(size: size)
                case "array":
                    guard let items = json["items"] else { throw Self.error("an array schema has no \"items\"") }
                    return .array(try build(items, namespace: namespace, depth: depth + 1))
                case "map":
                    guard let values = json["values"] else { throw Self.error("a map schema has no \"values\"") }
                    return .map(try build(values, namespace: namespace, depth: depth + 1))
                default:
                    return try reference(typeName, namespace: namespace)
                }
            default:
                throw Self.error("expected a type name, object or union in the schema, found \(json.kindName)")
            }
        }

        /// Registers the named type `json` defines; its index, full name and the namespace inside it.
        private mutating func define(_ json: JSONValue, namespace: String) throws(AvroError) -> (Int, String, String) {
            guard let name = json["name"]?.stringValue, !name.isEmpty else { throw Self.error("a named type has no \"name\"") }
            let space = json["namespace"]?.stringValue ?? namespace
            let fullName = name.contains(".") || space.isEmpty ? name : space + "." + name
            guard names[fullName] == nil else { throw Self.error("the type \(fullName) is defined twice") }
            names[fullName] = definitions.count
            definitions.append(nil)
            let inner = fullName.contains(".") ? String(fullName[..<fullName.lastIndex(of: ".")!]) : ""
            return (definitions.count - 1, fullName, inner)
        }

        private func reference(_ name: String, namespace: String) throws(AvroError) -> AvroSchema {
            switch name {
            case "null": return .null
            case "boolean": return .boolean
            case "int": return .int
            case "long": return .long
            case "float": return .float
            case "double": return .double
            case "bytes": return .bytes
            case "string": return .string
            default:
                let qualified = name.contains(".") || namespace.isEmpty ? name : namespace + "." + name
                if let index = names[qualified] ?? names[name] { return .named(index) }
                throw Self.error("the schema names a type it does not define: \(name)")
            }
        }

        private static func error(_ message: String) -> AvroError {
            AvroError(message: message, offset: 0)
        }
    }
}

/// A record type: its full name and fields in order.
struct AvroRecord: Sendable, Equatable {
    struct Field: Sendable, Equatable {
        var name: String
        var type: AvroSchema
    }

    var name: String
    var fields: [Field]
}
