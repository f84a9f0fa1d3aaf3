import RecDeckCore

/// Draws a `JSONDocument` in the event pane: syntax colours from the theme, the cursor line
/// highlighted, search matches marked, long lines cut with `…`.
///
/// Only the lines on screen are touched, and each only as far as the pane is wide. Nothing is
/// written outside `rect`.
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
        for (row, index) in state.screenLines(in: document, height: area.height).enumerated() {
            let isCursor = index == state.cursor
            let style: (ThemeRole) -> Style
            if isCursor {
                let bar = focused ? focusedCursorStyle(theme) : { _ in theme[.selectionUnfocused] }
                buffer.fill(Rect(x: area.x, y: area.y + row, width: area.width, height: 1),
                            with: Cell(" ", style: bar(.text)))
                style = bar
            } else {
                style = { theme[$0] }
            }
            let folded = state.isFolded(index, in: document)
            let spans = document.displaySpans(ofLine: index, folded: folded)
            let text = folded ? spans.map(\.text).joined() : document.lines[index].text
            drawLine(text, spans: spans,
                     matches: state.matches(onLine: index), current: current,
                     column: area.x, row: area.y + row, width: area.width,
                     style: style, matchStyle: theme[.searchMatch], into: &buffer)
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

    /// Draws one line (`text`, the `spans` joined) from `column`, in at most `width` cells,
    /// ending in `…` when cut. Walks `text` by character, so no grapheme is split between runs,
    /// and only as far as the width reaches.
    private static func drawLine(_ text: String, spans: [JSONDocument.Span], matches: ArraySlice<JSONViewState.Match>,
                                 current: JSONViewState.Match?, column: Int, row: Int, width: Int,
                                 style: (ThemeRole) -> Style, matchStyle: Style, into buffer: inout Buffer) {
        // Where each span ends, in scalars of `text`, computed lazily as the walk reaches it.
        guard let first = spans.first else { return }
        var spanIndex = 0
        var spanEnd = first.text.unicodeScalars.count

        var shown: [(character: Character, cells: Int, style: Style)] = []
        var used = 0
        var overflow = false
        var offset = 0
        var matchCursor = matches.startIndex
        for character in text {
            let cells = DisplayWidth.of(character)
            if used + cells > width {
                overflow = true
                break
            }
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
            shown.append((character, cells, cellStyle))
            used += cells
            offset += character.unicodeScalars.count
        }
        if overflow {
            var ellipsisStyle = shown.last?.style ?? style(.dim)
            while used > width - 1, let last = shown.popLast() {
                used -= last.cells
                ellipsisStyle = last.style
            }
            if width >= 1 { shown.append(("…", 1, ellipsisStyle)) }
        }

        var x = column
        var run = ""
        var runStyle = shown.first?.style ?? .plain
        for item in shown {
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
