import RecDeckCore

/// The windows drawn over the panes: help, problems, all events, the copy menu and the export prompt.
public enum OverlayView {
    public static func draw(_ state: AppState, into buffer: inout Buffer) {
        let theme = state.theme
        let width = min(state.size.width - 4, 100), height = listHeight(state.size)
        let overlay: Overlay, cursor: ListCursor
        switch state.mode {
        case .overlay(let shown, let at):
            (overlay, cursor) = (shown, at)
        case .exportPrompt(let prompt):
            let box = centered(width: min(width, 70), height: 5, in: state.size)
            frame(box, title: "Export \(CountText.of(state.visible.count, "row"))", into: &buffer, theme: theme)
            buffer.write("path (.json for JSON, otherwise CSV):", column: box.x + 2, row: box.y + 1, style: theme[.dim])
            PromptLineView.draw(prompt.editor, into: &buffer, column: box.x + 2, row: box.y + 2, width: box.width - 4, style: theme[.prompt])
            return
        default:
            return
        }
        switch overlay {
        case .help:
            list(cursor, state, title: "Keys", rows: helpRows(state),
                 width: helpWidth(state), height: height, into: &buffer, theme: theme, selectable: false)
        case .problems:
            let rows = state.problems.map { ($0.description, ThemeRole.error) }
            list(cursor, state, title: "Problems (\(CountText.grouped(state.problems.count)))",
                 rows: rows.isEmpty ? [("every file was read without a problem", .dim)] : rows,
                 width: width, height: height, into: &buffer, theme: theme, selectable: !rows.isEmpty)
        case .allEvents:
            let events = state.eventList?.rows ?? []
            // Only the rows on screen are formatted.
            list(cursor, state, title: "All events (\(CountText.grouped(events.count)))  ⏎ opens", count: events.count,
                 width: width, height: height, into: &buffer, theme: theme, selectable: true) { index in
                let row = events[index]
                let time = row.event.time?.display(offsetSeconds: state.displayOffsetSeconds) ?? "—"
                let type = row.event.type.split(separator: ".").last.map(String.init) ?? row.event.type
                let extra = row.event.deliveryTotal > 1 ? " ×\(CountText.grouped(row.event.deliveryTotal))" : ""
                return ("\(time)  \(DisplayWidth.padded(type, to: 26)) \(row.event.location.file)\(extra)",
                        row.recordingId == nil ? .dim : .text)
            }
        case .downloads:
            let rows = state.downloads.map { (downloadRow($0), ThemeRole.text) }
            list(cursor, state, title: "Downloads (\(CountText.grouped(rows.count)))",
                 rows: rows.isEmpty ? [("no download is running; d downloads the selected recording or chunk", .dim)] : rows,
                 width: width, height: height, into: &buffer, theme: theme, selectable: false)
        case .sortChooser:
            let rows = SortChooser.rows(state.wantedSort).map { ($0, ThemeRole.text) }
            list(cursor, state, title: "Sort by", rows: rows + [("", .dim), ("the same letter again reverses · Esc cancels", .dim)],
                 width: min(width, 50), height: rows.count + 4, into: &buffer, theme: theme, selectable: false)
        case .callSortChooser:
            let rows = CallSortChooser.rows(state.calls.sort).map { ($0, ThemeRole.text) }
            list(cursor, state, title: "Sort calls by", rows: rows + [("", .dim), ("the same letter again reverses · Esc cancels", .dim)],
                 width: min(width, 52), height: rows.count + 4, into: &buffer, theme: theme, selectable: false)
        case .copyMenu(let choices):
            let rows = choices.map { ("\($0.key)  \($0.label)", ThemeRole.text) }
            list(cursor, state, title: "Copy", rows: rows + [("", .dim), ("Esc cancels", .dim)],
                 width: min(width, 50), height: rows.count + 4, into: &buffer, theme: theme, selectable: false)
        }
    }

    /// The help overlay's lines: the keys, the sort chooser's letters, then the prompts, the
    /// filter language and the commands.
    static func helpRows(_ state: AppState) -> [(String, ThemeRole)] {
        let keys = state.keymap.bindings.map { binding in
            (DisplayWidth.padded(binding.label, to: 14) + binding.summary, ThemeRole.text)
        }
        // The letters, as many to a line as fit, a letter never apart from its field.
        var letters: [String] = [""]
        for choice in SortChooser.choices {
            let item = "\(choice.key) \(SortChooser.label(choice.field))"
            let joined = letters[letters.count - 1].isEmpty ? item : letters[letters.count - 1] + " · " + item
            if DisplayWidth.of(joined) > helpWidth(state) - 4, !letters[letters.count - 1].isEmpty { letters.append(item) } else { letters[letters.count - 1] = joined }
        }
        let sort = [("", ThemeRole.dim), ("Sort chooser (\(state.keymap.label(of: .sortKey))): a letter sorts, again reverses", .dim)]
            + letters.map { ($0, ThemeRole.text) }
        return keys + sort + PromptHelp.rows(width: helpWidth(state) - 4) + [("", .dim), ("Esc or q closes this window", .dim)]
    }

    private static func helpWidth(_ state: AppState) -> Int {
        min(state.size.width - 4, 64)
    }

    /// How tall a list overlay is at most (its border included) at `size`.
    static func listHeight(_ size: (width: Int, height: Int)) -> Int {
        min(size.height - 2, 40)
    }

    /// How many rows a list overlay shows at once (inside its border) at `size`, when it has more.
    static func pageRows(_ size: (width: Int, height: Int)) -> Int {
        max(1, listHeight(size) - 2)
    }

    static func centered(width: Int, height: Int, in size: (width: Int, height: Int)) -> Rect {
        Rect(x: max(0, (size.width - width) / 2), y: max(0, (size.height - height) / 2), width: width, height: height)
    }

    static func frame(_ rect: Rect, title: String, footer: String = "", into buffer: inout Buffer, theme: Theme) {
        buffer.fill(rect, with: Cell(" ", style: theme[.overlay]))
        var style = theme
        style[.borderFocused] = theme[.overlayBorder]
        PaneFrame.draw(into: &buffer, rect: rect, title: title, footer: footer, focused: true, theme: style)
    }

    static func list(_ cursor: ListCursor, _ state: AppState, title: String, rows: [(String, ThemeRole)], width: Int, height: Int,
                     into buffer: inout Buffer, theme: Theme, selectable: Bool) {
        list(cursor, state, title: title, count: rows.count, width: width, height: height, into: &buffer, theme: theme,
             selectable: selectable) { rows[$0] }
    }

    /// A list of `count` rows, `row(index)` asked only for the rows on screen; the bottom edge
    /// says how many rows are above and below the ones shown.
    static func list(_ cursor: ListCursor, _ state: AppState, title: String, count: Int, width: Int, height: Int,
                     into buffer: inout Buffer, theme: Theme, selectable: Bool, row: (Int) -> (String, ThemeRole)) {
        let box = centered(width: width, height: min(height, count + 2), in: state.size)
        let shown = max(0, box.height - 2)
        let scroll = min(max(0, cursor.scroll), max(0, count - shown))
        frame(box, title: title, footer: PaneFrame.more(above: scroll, below: count - scroll - min(shown, count - scroll)),
              into: &buffer, theme: theme)
        let inner = box.inset(by: 1)
        for offset in 0..<max(0, inner.height) {
            let index = scroll + offset
            guard index < count else { break }
            let (text, role) = row(index)
            var style = theme[role]
            if selectable, index == cursor.selection { style = theme[.selection] }
            buffer.fill(Rect(x: inner.x, y: inner.y + offset, width: inner.width, height: 1), with: Cell(" ", style: style))
            buffer.write(text, column: inner.x + 1, row: inner.y + offset, limit: inner.width - 1, style: style)
        }
    }
}
