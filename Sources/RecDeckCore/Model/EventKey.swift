/// The identity of an event across deliveries: (topic or source, id, type).
///
/// Event Grid delivers at least once, so the same key can arrive several times; different events
/// can share an id (the official examples do), which is why the type is part of the key.
/// All three parts are hashed: producers that send empty or constant ids (or one id for many
/// types) must not pile their events into one hash bucket. The id is kept packed (`PackedID`:
/// an event id is nearly always a UUID).
public struct EventKey: Sendable, Hashable {
    /// `topic` (Event Grid) or `source` (CloudEvents); empty when absent.
    public var source: String
    public var type: String
    public var packedId: PackedID

    public var id: String {
        get { packedId.text }
        set { packedId = PackedID(newValue) }
    }

    public init(source: String, id: String, type: String) {
        self.init(source: source, packedId: PackedID(id), type: type)
    }

    public init(source: String, packedId: PackedID, type: String) {
        self.source = source
        self.type = type
        self.packedId = packedId
    }
}
