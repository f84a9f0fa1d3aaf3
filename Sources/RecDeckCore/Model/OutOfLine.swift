/// A value kept out of line: a struct with a large field that is usually absent (a dead letter,
/// a chunk's metadata document) holds one reference instead of the field itself, and stays small
/// in the hundred thousand copies a store keeps. Compared and hashed by value.
final class OutOfLine<Value: Sendable & Hashable>: Sendable, Hashable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (lhs: OutOfLine, rhs: OutOfLine) -> Bool { lhs === rhs || lhs.value == rhs.value }

    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
