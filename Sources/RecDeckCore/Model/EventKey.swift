/// The identity of an event across deliveries: (topic or source, id, type).
///
/// Event Grid delivers at least once, so the same key can arrive several times; different events
/// can share an id (the official examples do), which is why the type is part of the key.
public struct EventKey: Sendable, Hashable {
    /// `topic` (Event Grid) or `source` (CloudEvents); empty when absent.
    public var source: String
    public var id: String
    public var type: String

    public init(source: String, id: String, type: String) {
        self.source = source
        self.id = id
        self.type = type
    }

    /// Hashes the id alone (equal keys have equal ids, and ids rarely repeat across sources and
    /// types): a long topic and type are compared only when ids collide, never hashed.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
    }
}
