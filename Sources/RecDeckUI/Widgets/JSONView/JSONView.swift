import RecDeckCore

/// Draws a `JSONDocument` in the event pane: syntax colours from the theme, the cursor line
/// highlighted, search matches marked, long lines cut with `…` at either edge (scrolled sideways
/// from `JSONViewState.column`) or wrapped (`JSONViewState.wrap`, rows as `JSONLineWrap` splits them).
///
/// Only the lines on screen are touched, and each only as far as the pane is wide (as far as
/// `column` plus the width when scrolled sideways; whole when wrapping, which layout's cut at
/// `JSONDocument.maxCharacters` keeps short). Nothing is written outside `rect`.
public enum JSONView {
    /// Draws the lines of `document` visible under `state` into `rect` of `buffer`.
    ///
    /// The cursor line is drawn in `theme[.selectionUnfocused]` when the pane is not focused; when
    /// focused it keeps its syntax colours on the background of `theme[.selection]` (its stored
    /// background, which reverse-video themes show as the bar's text colour: a subtle bar), in
    /// bold, or in reverse video when that background is the terminal's own (as under `NO_COLOR`).
    /// Matches are drawn in `theme[.searchMatch]`, the current one bold and underlined.
    public static func render(_ document: JSONDocument, state: JSONViewState, into buffer: inout Buffer,
                              rect: Rect, theme: Theme, focused: Bool) {
        let area = clipped(rect, to: buffer.bounds)
        guard !area.isEmpty else { return }
        buffer.fill(area, with: Cell(" ", style: theme[.text]))
        let current = state.matchIndex.flatMap { $0 < state.matches.count ? state.matches[$0] : nil }
        // The rows are counted at the width drawn, whatever width the state was last told.
        var view = state
        view.width = area.width
        var y = area.y
        for index in view.screenLines(in: document, height: area.height) where y < area.maxY {
            let isCursor = index == state.cursor
            let style: (ThemeRole) -> Style
            if isCursor {
                style = focused ? focusedCursorStyle(theme) : { _ in theme[.selectionUnfocused] }
            } else {
                style = { theme[$0] }
            }
            let folded = state.isFolded(index, in: document)
            let spans = document.displaySpans(ofLine: index, folded: folded)
            let text = folded ? spans.map(\.text).joined() : document.lines[index].text
            let line = StyledLine(text: text, spans: spans, matches: state.matches(onLine: index), current: current,
                                  style: style, matchStyle: theme[.searchMatch])
            let rows: [(indent: Int, characters: ArraySlice<StyledCharacter>)]
            if view.wraps {
                let characters = line.characters(upTo: nil).characters
                let indent = JSONLineWrap.indent(document.lines[index], spans: spans, width: area.width)
                rows = JSONLineWrap.rows(cells: characters.map(\.cells), width: area.width, indent: indent)
                    .enumerated().map { ($0.offset == 0 ? 0 : indent, characters[$0.element]) }
            } else {
                rows = [(0, line.cut(from: state.column, width: area.width)[...])]
            }
            for (indent, characters) in rows where y < area.maxY {
                if isCursor { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: Cell(" ", style: style(.text))) }
                draw(characters, column: area.x + indent, row: y, width: area.width - indent, into: &buffer)
                y += 1
            }
        }
    }

    /// The focused cursor line's style for each role.
    private static func focusedCursorStyle(_ theme: Theme) -> (ThemeRole) -> Style {
        let background = theme[.selection].background
        return { role in
            var style = theme[role].adding(.bold)
            if background == .default {
                style = style.adding(.reverse)
            } else {
                style.background = background
                // A syntax colour that is the bar's own (8 colours make many greys black) contrasts instead.
                if style.foreground == background { style.foreground = Theme.contrast(to: background) }
            }
            return style
        }
    }

    /// One character of a line as drawn: its cells and style.
    struct StyledCharacter {
        var character: Character
        var cells: Int
        var style: Style
    }

    /// A line's text (`text`, the `spans` joined) with what styles each character: its span's
    /// role, or a search match.
    struct StyledLine {
        var text: String
        var spans: [JSONDocument.Span]
        var matches: ArraySlice<JSONViewState.Match>
        var current: JSONViewState.Match?
        var style: (ThemeRole) -> Style
        var matchStyle: Style

        /// The characters as far as `limit` cells reach (`nil`: all), and whether more follow.
        /// Walks `text` by character, so no grapheme is split between runs, and only as far as
        /// the limit reaches.
        func characters(upTo limit: Int?) -> (characters: [StyledCharacter], more: Bool) {
            // Where each span ends, in scalars of `text`, computed lazily as the walk reaches it.
            guard let first = spans.first else { return ([], false) }
            var spanIndex = 0
            var spanEnd = first.text.unicodeScalars.count
            var shown: [StyledCharacter] = []
            var used = 0
            var offset = 0
            var matchCursor = matches.startIndex
            for character in text {
                let cells = DisplayWidth.of(character)
                if let limit, used + cells > limit { return (shown, true) }
                while offset >= spanEnd, spanIndex < spans.count - 1 {
                    spanIndex += 1
                    spanEnd += spans[spanIndex].text.unicodeScalars.count
                }
                while matchCursor < matches.endIndex, matches[matchCursor].start + matches[matchCursor].length <= offset {
                    matchCursor += 1
                }
                var cellStyle: Style
                if matchCursor < matches.endIndex, matches[matchCursor].start <= offset {
                    cellStyle = matchStyle
                    if matches[matchCursor] == current { cellStyle = cellStyle.adding([.bold, .underline]) }
                } else {
                    cellStyle = style(spans[spanIndex].role)
                }
                shown.append(StyledCharacter(character: character, cells: cells, style: cellStyle))
                used += cells
                offset += character.unicodeScalars.count
            }
            return (shown, false)
        }

        /// The cells `column..<column + width` of the line: `…` in the first cell when text is
        /// cut on the left (`column` past 0), in the last when cut on the right. A wide character
        /// cut by the left edge shows as a space.
        func cut(from column: Int, width: Int) -> [StyledCharacter] {
            guard width > 0 else { return [] }
            let (all, overflow) = characters(upTo: column.addingReportingOverflow(width).partialValue)
            var shown: [StyledCharacter] = []
            var position = 0
            var cutLeft = false
            for item in all {
                defer { position += item.cells }
                if position < column {
                    cutLeft = true
                    // A wide character astride the edge: its cell inside the view is blank.
                    if position + item.cells > column { shown.append(StyledCharacter(character: " ", cells: 1, style: item.style)) }
                    continue
                }
                shown.append(item)
            }
            if overflow {
                var used = shown.reduce(0) { $0 + $1.cells }
                var ellipsisStyle = shown.last?.style ?? style(.dim)
                while used > width - 1, let last = shown.popLast() {
                    used -= last.cells
                    ellipsisStyle = last.style
                }
                shown.append(StyledCharacter(character: "…", cells: 1, style: ellipsisStyle))
            }
            if cutLeft {
                // The first cell says there is more to the left (it stands alone when the line ends left of the view).
                let markerStyle = shown.first?.style ?? style(.dim)
                var dropped = 0
                while dropped < 1, !shown.isEmpty { dropped += shown.removeFirst().cells }
                shown.insert(StyledCharacter(character: "…", cells: 1, style: markerStyle), at: 0)
                if dropped > 1 { shown.insert(StyledCharacter(character: " ", cells: 1, style: markerStyle), at: 1) }
            }
            return shown
        }
    }

    /// Draws `characters` from `column` of `row`, in at most `width` cells, in runs of one style.
    private static func draw(_ characters: ArraySlice<StyledCharacter>, column: Int, row: Int, width: Int,
                             into buffer: inout Buffer) {
        var x = column
        var run = ""
        var runStyle = characters.first?.style ?? .plain
        for item in characters {
            if item.style != runStyle, !run.isEmpty {
                x += buffer.write(run, column: x, row: row, limit: column + width - x, style: runStyle)
                run = ""
            }
            runStyle = item.style
            run.append(item.character)
        }
        if !run.isEmpty { buffer.write(run, column: x, row: row, limit: column + width - x, style: runStyle) }
    }

    private static func clipped(_ rect: Rect, to bounds: Rect) -> Rect {
        let x = max(rect.x, bounds.x)
        let y = max(rect.y, bounds.y)
        return Rect(x: x, y: y, width: min(rect.maxX, bounds.maxX) - x, height: min(rect.maxY, bounds.maxY) - y)
    }
}
