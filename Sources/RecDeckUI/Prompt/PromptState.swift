/// An open prompt (filter, event search, command line, export path): the line being edited, where
/// Up and Down are in its history, and the completion Tab is cycling through, if any.
public struct PromptState: Sendable, Hashable {
    public var editor: LineEditor
    /// Set while Up and Down walk the history.
    public var walk: HistoryWalk?
    /// Set while Tab cycles through the completions of a word (any other key ends it).
    public var completion: Completion?

    public init(text: String = "") {
        editor = LineEditor(text: text)
    }

    /// The line. Setting it puts the cursor at its end.
    public var text: String {
        get { editor.text }
        set { editor.text = newValue }
    }

    /// Applies an editing key (`LineEditor.apply`); an edit ends a history walk and a completion.
    /// False when the key is not an editing key.
    public mutating func edit(_ key: Key) -> Bool {
        guard editor.apply(key) else { return false }
        walk = nil
        completion = nil
        return true
    }

    /// Inserts pasted text at the cursor.
    public mutating func paste(_ text: String) {
        editor.insert(text)
        walk = nil
        completion = nil
    }

    /// Up: the entry of `entries` (oldest first) before the one shown, the newest when the walk
    /// begins (the text typed so far is kept). False at the oldest, or with no entries.
    public mutating func older(in entries: [String]) -> Bool {
        completion = nil
        let index: Int
        if let walk { index = walk.index - 1 } else { index = entries.count - 1 }
        guard index >= 0, index < entries.count else { return false }
        walk = HistoryWalk(index: index, draft: walk?.draft ?? text)
        editor.text = entries[index]
        return true
    }

    /// Down: the entry after the one shown, and after the newest the text that was being typed.
    /// False when no walk is under way.
    public mutating func newer(in entries: [String]) -> Bool {
        completion = nil
        guard let current = walk else { return false }
        if current.index + 1 < entries.count {
            walk!.index = current.index + 1
            editor.text = entries[current.index + 1]
        } else {
            walk = nil
            editor.text = current.draft
        }
        return true
    }

    /// Tab (`forward`) or Shift-Tab: the first time, completes the word before the cursor with the
    /// candidates `candidates` gives for it (the one, or the first of several, which then show);
    /// again, the next (or previous) candidate in its place. False when there is nothing to complete.
    public mutating func complete(forward: Bool, candidates: (_ word: PromptWord) -> [String]) -> Bool {
        if cycleCompletion(forward: forward) { return true }
        let word = PromptWord(editor)
        let found = candidates(word)
        guard let first = forward ? found.first : found.last else {
            completion = nil
            return false
        }
        editor.replace(word.start..<editor.cursor, with: first)
        completion = found.count > 1 ? Completion(candidates: found, chosen: forward ? 0 : found.count - 1, start: word.start) : nil
        return true
    }

    /// Tab (`forward`) or Shift-Tab while Tab cycles through several completions: the next (or
    /// previous) one in place of the one shown. False, changing nothing, when none are cycling.
    public mutating func cycleCompletion(forward: Bool) -> Bool {
        walk = nil
        guard var cycling = completion, cycling.candidates.count > 1 else { return false }
        let count = cycling.candidates.count
        let replaced = cycling.start..<(cycling.start + cycling.candidates[cycling.chosen].count)
        cycling.chosen = (cycling.chosen + (forward ? 1 : count - 1)) % count
        editor.replace(replaced, with: cycling.candidates[cycling.chosen])
        completion = cycling
        return true
    }

    /// The word before the cursor, as completion sees it.
    public var word: PromptWord { PromptWord(editor) }
}

/// The completions Tab cycles through: the candidates, the one in the line, and where it starts.
public struct Completion: Sendable, Hashable {
    public var candidates: [String]
    public var chosen: Int
    /// The character offset in the line where the candidate starts.
    public var start: Int
}

/// The word before the cursor, as completion sees it: its text up to the cursor, where it starts,
/// and the words of the line before it.
public struct PromptWord: Sendable, Hashable {
    /// From the space before the cursor to the cursor.
    public var prefix: String
    /// Where `prefix` starts (a character offset).
    public var start: Int
    /// The whole words before it, in order.
    public var before: [String]

    init(_ editor: LineEditor) {
        var start = editor.cursor
        while start > 0, editor.characters[start - 1] != " " { start -= 1 }
        self.start = start
        prefix = String(editor.characters[start..<editor.cursor])
        before = String(editor.characters[..<start]).split(separator: " ").map(String.init)
    }
}
