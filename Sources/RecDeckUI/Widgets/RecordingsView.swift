import RecDeckCore

/// The recordings pane: a table of the visible recordings, rendering only the rows on screen.
public enum RecordingsView {
    /// Columns in the order they appear and the width each takes; `call` and `recording` stretch.
    static let fixed: [(RecordingColumn, Int)] = [
        (.start, 14), (.age, 4), (.duration, 9), (.chunks, 6), (.format, 7), (.reason, 13),
    ]

    /// The columns that fit `width` cells, with their widths (the last stretches to the edge).
    public static func columns(width: Int) -> [(RecordingColumn, Int)] {
        var chosen = fixed
        let gaps = { (count: Int) in count }
        // Give up columns from the right end of the drop order until the call id has 8 cells.
        for column in RecordingColumn.dropOrder where chosen.reduce(0, { $0 + $1.1 }) + gaps(chosen.count) + 8 > width {
            chosen.removeAll { $0.0 == column }
        }
        let used = chosen.reduce(0) { $0 + $1.1 } + gaps(chosen.count)
        var rest = width - used
        if rest >= 8 {
            if rest >= 50 {
                chosen.append((.call, 14))
                rest -= 15
                chosen.append((.recording, rest))
            } else {
                chosen.append((.call, rest))
            }
        }
        return chosen
    }

    public static func draw(_ state: AppState, into buffer: inout Buffer, rect: Rect) {
        let theme = state.theme
        let focused = state.focus == .recordings
        var detail = "sort: \(state.sort.field.rawValue) \(state.sort.ascending ? "↑" : "↓")"
        if !state.query.isEmpty { detail += "  filter: \(state.query.text)" }
        if state.groupByCall { detail += "  by call" }
        if state.follow { detail += "  following" }
        PaneFrame.draw(into: &buffer, rect: rect, title: "Recordings", detail: detail, focused: focused, theme: theme)
        if state.unseenArrivals > 0, !state.follow {
            let badge = " \(state.unseenArrivals) new "
            buffer.write(badge, column: rect.maxX - 2 - DisplayWidth.of(badge), row: rect.y, style: theme[.badge])
        }
        let inner = rect.inset(by: 1)
        guard inner.width > 2, inner.height > 1 else { return }
        let columns = columns(width: inner.width - 2)
        var column = inner.x + 2
        for (kind, width) in columns {
            buffer.write(kind.title, column: column, row: inner.y, limit: width, style: theme[.columnHeader])
            column += width + 1
        }
        if state.visible.isEmpty {
            let text = state.loading != nil ? "reading files…"
                : state.recordings.isEmpty ? "no recordings yet in \(state.directory)" : "no recording matches the filter"
            buffer.write(text, column: inner.x + 2, row: inner.y + 1, limit: inner.width - 2, style: theme[.dim])
            return
        }
        let rows = inner.height - 1
        var previousCall: String?? = state.recordingsScroll > 0
            ? .some(state.recordings[state.visible[state.recordingsScroll - 1]]?.callId) : .none
        for offset in 0..<rows {
            let index = state.recordingsScroll + offset
            guard index < state.visible.count, let recording = state.recordings[state.visible[index]] else { break }
            let row = inner.y + 1 + offset
            let selected = recording.id == state.selectedId
            let anomalies = recording.anomalies(now: state.now)
            var style = theme[.text]
            if state.arrivedAt[recording.id] != nil { style = theme[.rowNew] }
            else if !anomalies.isEmpty { style = theme[.rowAnomaly] }
            if selected { style = theme[focused ? .selection : .selectionUnfocused] }
            buffer.fill(Rect(x: inner.x, y: row, width: inner.width, height: 1), with: Cell(" ", style: style))
            buffer.write(selected ? "▶" : " ", column: inner.x, row: row, style: style)
            if !anomalies.isEmpty { buffer.write("⚠", column: inner.x + 1, row: row, style: style) }
            var x = inner.x + 2
            for (kind, width) in columns {
                var text = kind.text(for: recording, now: state.now, offsetSeconds: state.displayOffsetSeconds, compact: true)
                if kind == .call, state.groupByCall, previousCall == .some(recording.callId) { text = "  ″" }
                buffer.write(text, column: x, row: row, limit: width, style: style)
                x += width + 1
            }
            previousCall = .some(recording.callId)
        }
    }
}
