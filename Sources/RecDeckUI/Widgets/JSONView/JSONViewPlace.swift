/// Where the user is, told by event rather than by line number: what keeps the event pane on
/// the same line of the same event when its document is laid out again (another event arrived
/// for the recording shown, another delivery is shown), and what opens the pane at one event.
///
/// A line's place is its section's `key` and its distance from the section's first content line
/// (the line after the title, when the document has titles), so a section that moved, or a title
/// that appeared when a second event came, keeps the place.
extension JSONViewState {
    /// This state carried from `old` to `new`: the top line, the cursor and the folds on the same
    /// line of the same event (a section not found by key keeps its index; a line past its
    /// section's end goes to the section's last line), the search found again without moving.
    public func carried(from old: JSONDocument, to new: JSONDocument, height: Int) -> JSONViewState {
        guard !old.isEmpty, !new.isEmpty else { return JSONViewState(wrap: wrap, width: width, column: column) }
        let from = SectionMap(old), to = SectionMap(new)
        func place(_ line: Int) -> Int {
            let line = min(max(0, line), old.lineCount - 1)
            let section = old.lines[line].section
            let key = old.sections[section].key
            let target = (key.isEmpty ? nil : new.sections.firstIndex { $0.key == key })
                ?? min(section, new.sectionCount - 1)
            return to.line(target, offset: line - from.contentStart(section))
        }
        var carried = JSONViewState(scroll: place(scroll), cursor: place(cursor),
                                    folded: Set(folded.map(place).filter { new.lines[$0].isFoldable }),
                                    wrap: wrap, width: width, column: column)
        if !search.isEmpty { carried.setSearch(search, in: new) }
        carried.keepCursorVisible(in: new, height: height)
        return carried
    }

    /// The section the cursor is in (0 for an empty document).
    public func cursorSection(in document: JSONDocument) -> Int {
        document.lines.indices.contains(cursor) ? document.lines[cursor].section : 0
    }

    /// Puts the cursor on the first line of section `section` (its title when titled) at the top
    /// of the view.
    public mutating func open(section: Int, in document: JSONDocument, height: Int) {
        let starts = document.sectionStarts
        guard starts.indices.contains(section) else { return }
        cursor = starts[section]
        revealLine(cursor, in: document)
        scroll = cursor
        keepCursorVisible(in: document, height: height)
    }
}

/// The lines of a document's sections: where each starts, where its content starts, where it ends.
private struct SectionMap {
    let starts: [Int]
    let lineCount: Int
    let titled: Bool

    init(_ document: JSONDocument) {
        starts = document.sectionStarts
        lineCount = document.lineCount
        titled = document.sectionCount > 1
    }

    /// The first line after the title of `section`.
    func contentStart(_ section: Int) -> Int {
        min(starts[section] + (titled ? 1 : 0), end(section) - 1)
    }

    /// The line after the last of `section`.
    func end(_ section: Int) -> Int {
        section + 1 < starts.count ? starts[section + 1] : lineCount
    }

    /// The line `offset` lines from the content start of `section` (-1: its title), kept inside the section.
    func line(_ section: Int, offset: Int) -> Int {
        min(max(starts[section], contentStart(section) + offset), end(section) - 1)
    }
}
