/// The identity of an event across deliveries: (topic or source, id, type).
///
/// Event Grid delivers at least once, so the same key can arrive several times; different events
/// can share an id (the official examples do), which is why the type is part of the key.
/// All three parts are hashed: producers that send empty or constant ids (or one id for many
/// types) must not pile their events into one hash bucket. The id is kept packed (`PackedID`:
/// an event id is nearly always a UUID).
public struct EventKey: Sendable, Hashable {
    /// `topic` (Event Grid) or `source` (CloudEvents); empty when absent.
    public var source: String {
        get { sharedSource.text }
        set { sharedSource = SharedText(newValue) }
    }
    public var type: String {
        get { sharedType.text }
        set { sharedType = SharedText(newValue) }
    }
    // The two texts nearly every event of a store repeats, 8 bytes each (`SharedText`); the id
    // last, so that its odd size leaves room behind it (`EventEnvelope` puts a byte there).
    private var sharedSource: SharedText
    private var sharedType: SharedText
    public var packedId: PackedID

    public var id: String {
        get { packedId.text }
        set { packedId = PackedID(newValue) }
    }

    public init(source: String, id: String, type: String) {
        self.init(source: source, packedId: PackedID(id), type: type)
    }

    public init(source: String, packedId: PackedID, type: String) {
        self.sharedSource = SharedText(source)
        self.sharedType = SharedText(type)
        self.packedId = packedId
    }
}
