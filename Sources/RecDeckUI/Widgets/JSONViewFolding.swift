/// Folding: a folded object or array shows as one line, `"data": { … },  // 4 keys`.
extension JSONViewState {
    /// Whether line `line` is a folded opening line.
    public func isFolded(_ line: Int, in document: JSONDocument) -> Bool {
        line >= 0 && line < document.lineCount && document.isFolded(line, folded)
    }

    /// Folds or unfolds the container at the cursor: the one the cursor's line opens, else (on a
    /// closing line, or any line inside) the one enclosing it, the cursor moving to its opening line.
    public mutating func toggleFold(in document: JSONDocument, height: Int) {
        guard !document.isEmpty else { return }
        normalize(in: document)
        let line = document.lines[cursor]
        if line.isFoldable {
            if folded.contains(cursor) { folded.remove(cursor) } else { folded.insert(cursor) }
        } else if let opener = line.parent {
            folded.insert(opener)
            cursor = opener
        }
        keepCursorVisible(in: document, height: height)
    }

    /// Folds the container opened on line `line` (nothing when it opens none).
    public mutating func fold(_ line: Int, in document: JSONDocument, height: Int) {
        guard line >= 0, line < document.lineCount, document.lines[line].isFoldable else { return }
        folded.insert(line)
        keepCursorVisible(in: document, height: height)
    }

    /// Unfolds line `line` and every fold that hides it.
    public mutating func unfold(_ line: Int, in document: JSONDocument, height: Int) {
        guard line >= 0, line < document.lineCount else { return }
        folded.remove(line)
        revealLine(line, in: document)
        keepCursorVisible(in: document, height: height)
    }

    /// Folds every object and array (each section then shows as one line until unfolded).
    public mutating func foldAll(in document: JSONDocument, height: Int) {
        folded = Set(document.lines.indices.filter { document.lines[$0].isFoldable })
        keepCursorVisible(in: document, height: height)
    }

    /// Unfolds everything.
    public mutating func unfoldAll(in document: JSONDocument, height: Int) {
        folded = []
        keepCursorVisible(in: document, height: height)
    }

    /// Removes every fold that hides `line`.
    mutating func revealLine(_ line: Int, in document: JSONDocument) {
        var ancestor = document.lines[line].parent
        while let opener = ancestor {
            folded.remove(opener)
            ancestor = document.lines[opener].parent
        }
    }
}
