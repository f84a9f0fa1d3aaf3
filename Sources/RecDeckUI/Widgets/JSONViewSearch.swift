/// Search: case-insensitive matches over the laid-out text, folded regions included; jumping to a
/// match unfolds what hides it and scrolls it into view.
extension JSONViewState {
    /// One occurrence of the search text: line `line`, Unicode scalars `start..<start + length`
    /// of that line's `text`.
    public struct Match: Sendable, Hashable {
        public var line: Int
        public var start: Int
        public var length: Int

        public init(line: Int, start: Int, length: Int) {
            self.line = line
            self.start = start
            self.length = length
        }
    }

    /// Searches for `text` (empty: no search). With a `height`, the current match becomes the first
    /// at or after the cursor line (wrapping), revealed and scrolled into view; without one, the
    /// matches are only found (no current match until `nextMatch`/`previousMatch`).
    public mutating func setSearch(_ text: String, in document: JSONDocument, height: Int? = nil) {
        search = text
        matches = []
        matchIndex = nil
        let matcher = JSONViewMatcher(text)
        guard !matcher.isEmpty else { return }
        let length = text.unicodeScalars.count
        for index in document.lines.indices {
            for start in matcher.occurrences(in: document.lines[index]) {
                matches.append(Match(line: index, start: start, length: length))
            }
        }
        guard !matches.isEmpty, let height else { return }
        select(firstMatch(atOrAfterLine: max(0, cursor)) ?? 0, in: document, height: height)
    }

    /// Clears the search.
    public mutating func clearSearch() {
        search = ""
        matches = []
        matchIndex = nil
    }

    /// Goes to the next match, wrapping from the last to the first. Without a current match, goes
    /// to the first match after the cursor line; with `fromCursor`, always to the first match at or
    /// after the cursor line (what search-as-you-type wants).
    public mutating func nextMatch(in document: JSONDocument, height: Int, fromCursor: Bool = false) {
        guard !matches.isEmpty else { return }
        let next: Int
        if fromCursor {
            next = firstMatch(atOrAfterLine: max(0, cursor)) ?? 0
        } else if let matchIndex, matchIndex < matches.count {
            next = (matchIndex + 1) % matches.count
        } else {
            next = firstMatch(atOrAfterLine: cursor + 1) ?? 0
        }
        select(next, in: document, height: height)
    }

    /// Goes to the previous match, wrapping from the first to the last. Without a current match,
    /// goes to the last match before the cursor line.
    public mutating func previousMatch(in document: JSONDocument, height: Int) {
        guard !matches.isEmpty else { return }
        let previous: Int
        if let matchIndex, matchIndex < matches.count {
            previous = (matchIndex + matches.count - 1) % matches.count
        } else {
            let after = firstMatch(atOrAfterLine: cursor) ?? matches.count
            previous = (after + matches.count - 1) % matches.count
        }
        select(previous, in: document, height: height)
    }

    /// How many matches there are.
    public var matchCount: Int { matches.count }

    /// The current match's 1-based ordinal, for a title like `3/12`.
    public var matchOrdinal: Int? { matchIndex.map { $0 + 1 } }

    /// `3/12` for the current match, `0/12` before one is chosen, `no matches`; `nil` without a search.
    public var matchSummary: String? {
        guard !search.isEmpty else { return nil }
        guard !matches.isEmpty else { return "no matches" }
        return "\(matchOrdinal ?? 0)/\(matches.count)"
    }

    /// The matches on line `line`, in order (a binary search: cheap per drawn line).
    public func matches(onLine line: Int) -> ArraySlice<Match> {
        let start = firstMatch(atOrAfterLine: line) ?? matches.count
        var end = start
        while end < matches.count, matches[end].line == line { end += 1 }
        return matches[start..<end]
    }

    // MARK: - Helpers

    /// Index of the first match on line `line` or later.
    private func firstMatch(atOrAfterLine line: Int) -> Int? {
        var low = 0
        var high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if matches[middle].line < line { low = middle + 1 } else { high = middle }
        }
        return low < matches.count ? low : nil
    }

    private mutating func select(_ index: Int, in document: JSONDocument, height: Int) {
        matchIndex = index
        let line = matches[index].line
        guard line < document.lineCount else { return }
        revealLine(line, in: document)
        cursor = line
        keepCursorVisible(in: document, height: height)
    }
}
