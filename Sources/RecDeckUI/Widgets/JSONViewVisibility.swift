/// Which lines of a `JSONDocument` show under a set of folded opening lines.
///
/// A line is hidden when a folded container holds it (the container's closing line included);
/// a folded opening line itself shows, standing for everything up to its closing line.
extension JSONDocument {
    /// Whether line `index` opens a container that `folded` folds.
    func isFolded(_ index: Int, _ folded: Set<Int>) -> Bool {
        lines[index].closingLine != nil && folded.contains(index)
    }

    /// The line shown for `index`: itself when visible, else the outermost folded container
    /// holding it.
    func shownLine(for index: Int, folded: Set<Int>) -> Int {
        guard !folded.isEmpty else { return index }
        var shown = index
        var ancestor = lines[index].parent
        while let opener = ancestor {
            if isFolded(opener, folded) { shown = opener }
            ancestor = lines[opener].parent
        }
        return shown
    }

    /// Whether line `index` shows under `folded`.
    public func isVisible(_ index: Int, folded: Set<Int>) -> Bool {
        index >= 0 && index < lines.count && shownLine(for: index, folded: folded) == index
    }

    /// The visible line after visible line `index`, if any.
    func visibleLine(after index: Int, folded: Set<Int>) -> Int? {
        let next = (isFolded(index, folded) ? lines[index].closingLine! : index) + 1
        return next < lines.count ? next : nil
    }

    /// The visible line before visible line `index`, if any.
    func visibleLine(before index: Int, folded: Set<Int>) -> Int? {
        index > 0 ? shownLine(for: index - 1, folded: folded) : nil
    }

    /// The visible line `steps` visible lines after (positive) or before (negative) `index`,
    /// stopping at the first or last line.
    func visibleLine(_ index: Int, movedBy steps: Int, folded: Set<Int>) -> Int {
        var line = index
        if steps > 0 {
            for _ in 0..<steps {
                guard let next = visibleLine(after: line, folded: folded) else { break }
                line = next
            }
        } else if steps < 0 {
            for _ in 0..<(-steps) {
                guard let previous = visibleLine(before: line, folded: folded) else { break }
                line = previous
            }
        }
        return line
    }

    /// The last visible line (the document must not be empty).
    func lastVisibleLine(folded: Set<Int>) -> Int {
        shownLine(for: lines.count - 1, folded: folded)
    }

    /// Every visible line under `folded`, in order (walks the whole document: for tests and
    /// overviews, not for drawing).
    public func visibleLines(folded: Set<Int>) -> [Int] {
        var result: [Int] = []
        guard !lines.isEmpty else { return result }
        var line = 0
        while true {
            result.append(line)
            guard let next = visibleLine(after: line, folded: folded) else { return result }
            line = next
        }
    }
}
