/// Which prompt a history entry was typed at: each walks its own entries.
public enum PromptKind: String, Sendable, Hashable, CaseIterable {
    /// The recordings filter (`/`).
    case filter
    /// The event pane's search (`/` in the event pane).
    case search
    /// The command line (`:`).
    case command
}

/// What was submitted at the prompts, oldest first, per prompt: Up and Down walk it, it is kept
/// across runs (`PromptHistoryFile`). An entry equal to the newest of its prompt is not added
/// again, and each prompt keeps its newest `limit` entries.
public struct PromptHistory: Sendable, Hashable {
    /// How many entries each prompt keeps.
    public static let limit = 500

    public private(set) var entries: [PromptKind: [String]] = [:]

    public init() {}

    /// The entries of `kind`, oldest first.
    public subscript(kind: PromptKind) -> [String] { entries[kind] ?? [] }

    /// Adds `text` as the newest entry of `kind`; false when nothing changed (empty, or the same
    /// as the newest entry).
    @discardableResult
    public mutating func add(_ text: String, to kind: PromptKind) -> Bool {
        guard !text.allSatisfy(\.isWhitespace), text.count <= PromptHistoryFile.longestEntry,
              !text.contains(where: { $0.isNewline }), self[kind].last != text else { return false }
        var list = self[kind]
        list.append(text)
        if list.count > Self.limit { list.removeFirst(list.count - Self.limit) }
        entries[kind] = list
        return true
    }
}

/// Where a prompt is in its history while Up and Down walk it: the entry shown (counted from the
/// oldest) and the text that was being typed when the walk began, which comes back after Down
/// past the newest. Editing the text ends the walk: what is typed is the new draft.
public struct HistoryWalk: Sendable, Hashable {
    public var index: Int
    public var draft: String
}
