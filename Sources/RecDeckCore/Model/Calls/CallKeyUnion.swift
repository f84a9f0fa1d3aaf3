/// Groups the ids that name one call: a recording ties its subject's call id, serverCallId and
/// recording id together; a call event ties its `correlationId`, `serverCallId` and (for a
/// `RecordingStateChanged`) `recordingId`. Ids tied directly or through others are one call, so a
/// call event that has only the serverCallId still meets recordings that have both.
struct CallKeyUnion {
    /// What an id names: the three namespaces never mix (a call id equal to a recording id is a coincidence).
    enum Kind: UInt8 { case call, server, recording }

    struct Key: Hashable {
        var kind: Kind
        var value: String
    }

    private var index: [Key: Int] = [:]
    private(set) var keys: [Key] = []
    private var parent: [Int] = []

    /// The node of `key`, made when new.
    mutating func node(_ key: Key) -> Int {
        if let existing = index[key] { return existing }
        let created = keys.count
        index[key] = created
        keys.append(key)
        parent.append(created)
        return created
    }

    /// Ties the present ids together; answers the node of the first one, or nil when none is present.
    @discardableResult
    mutating func tie(call: String?, server: String?, recording: String?) -> Int? {
        var nodes: [Int] = []
        if let call, !call.isEmpty { nodes.append(node(Key(kind: .call, value: call))) }
        if let server, !server.isEmpty { nodes.append(node(Key(kind: .server, value: server))) }
        if let recording, !recording.isEmpty { nodes.append(node(Key(kind: .recording, value: recording))) }
        guard let first = nodes.first else { return nil }
        for other in nodes.dropFirst() { join(first, other) }
        return first
    }

    /// The representative of `node`'s group.
    mutating func root(_ node: Int) -> Int {
        var current = node
        while parent[current] != current {
            parent[current] = parent[parent[current]]
            current = parent[current]
        }
        return current
    }

    private mutating func join(_ a: Int, _ b: Int) {
        let ra = root(a), rb = root(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
