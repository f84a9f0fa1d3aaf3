/// A parsed JSON value that keeps object keys in the order they were written.
///
/// Numbers keep their source text so 64-bit integers never pass through a `Double`.
public indirect enum JSONValue: Sendable, Equatable {
    case object([JSONMember])
    case array([JSONValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// The value of the first member named `key`, when this is an object.
    public subscript(key: String) -> JSONValue? {
        member(key)?.value
    }

    /// The first member named `key`, when this is an object.
    public func member(_ key: String) -> JSONMember? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// `true` for `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A short name of the value's kind, for messages ("object", "string", …).
    public var kindName: String { kind.name }

    /// The kind of value, as the decoder names kinds it skips without building.
    var kind: JSONKind {
        switch self {
        case .object: .object
        case .array: .array
        case .string: .string
        case .number: .number
        case .bool: .bool
        case .null: .null
        }
    }
}

/// One `"key": value` pair of a JSON object, with the byte offset where its value starts.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue
    /// Byte offset of the value's first byte in the document it was parsed from.
    public var valueOffset: Int

    public init(key: String, value: JSONValue, valueOffset: Int) {
        self.key = key
        self.value = value
        self.valueOffset = valueOffset
    }
}
