import RecDeckCore

/// The calls view's list (in the recordings pane's place): one row per call of the latest
/// listing, rendering only the rows on screen, with the columns of `recdeck calls`.
public enum CallsTableView {
    /// The dashboard's columns, in order; `call` and then `anomalies` take the width left.
    static let preferred: [CallColumn] = [.start, .call, .duration, .participants, .recordings, .coverage, .anomalies]

    /// The columns that fit `width` cells, with their widths.
    static func columns(width: Int) -> [(CallColumn, Int)] {
        func minimum(_ column: CallColumn) -> Int { column == .start ? 14 : column.minimumWidth }
        func total(_ columns: [CallColumn]) -> Int { columns.reduce(0) { $0 + minimum($1) + 1 } - 1 }
        var chosen = preferred
        for column in CallColumn.dropOrder where total(chosen) > width && chosen.count > 1 {
            chosen.removeAll { $0 == column }
        }
        var result = chosen.map { ($0, minimum($0)) }
        var rest = max(0, width - total(chosen))
        for stretchy in [CallColumn.call, .anomalies] {
            guard let index = result.firstIndex(where: { $0.0 == stretchy }) else { continue }
            let extra = stretchy == .call ? min(rest, 36 - result[index].1) : rest
            result[index].1 += extra
            rest -= extra
        }
        return result
    }

    public static func draw(_ state: AppState, into buffer: inout Buffer, rect: Rect) {
        let theme = state.theme
        let calls = state.calls
        let focused = state.focus == .recordings
        var detail = "sort: \(calls.sort.field.rawValue) \(calls.sort.ascending ? "↑" : "↓")"
        if !state.query.isEmpty { detail += "  filter: \(state.query.text)" }
        if calls.listed, calls.rows.count != calls.totalCalls { detail += "  \(CountText.grouped(calls.rows.count)) of \(CountText.grouped(calls.totalCalls))" }
        if calls.listing { detail += "  listing…" }
        PaneFrame.draw(into: &buffer, rect: rect, title: "Calls", detail: detail, focused: focused, theme: theme)
        let inner = rect.inset(by: 1)
        guard inner.width > 2, inner.height > 1 else { return }
        let columns = columns(width: inner.width - 2)
        var x = inner.x + 2
        for (kind, width) in columns {
            buffer.write(kind.title, column: x, row: inner.y, limit: width, style: theme[.columnHeader])
            x += width + 1
        }
        guard !calls.rows.isEmpty else {
            let text = !calls.listed ? "listing calls…" : calls.totalCalls == 0 ? "no calls yet in \(state.directory)" : "no call matches the filter"
            buffer.write(text, column: inner.x + 2, row: inner.y + 1, limit: inner.width - 2, style: theme[.dim])
            return
        }
        for offset in 0..<(inner.height - 1) {
            let index = calls.scroll + offset
            guard index < calls.rows.count else { break }
            let call = calls.rows[index]
            let row = inner.y + 1 + offset
            let selected = index == calls.selectedRow
            let faulty = !call.anomalies(now: state.now).isEmpty || call.deadLettered
            var style = faulty ? theme[.rowAnomaly] : theme[.text]
            if selected { style = theme[focused ? .selection : .selectionUnfocused] }
            buffer.fill(Rect(x: inner.x, y: row, width: inner.width, height: 1), with: Cell(" ", style: style))
            buffer.write(selected ? "▶" : " ", column: inner.x, row: row, style: style)
            if faulty { buffer.write("⚠", column: inner.x + 1, row: row, style: style) }
            var x = inner.x + 2
            for (kind, width) in columns {
                let offsetSeconds = state.displayOffsetSeconds
                buffer.write(kind.text(for: call, now: state.now, offsetSeconds: offsetSeconds, compact: true),
                             column: x, row: row, limit: width, style: style)
                x += width + 1
            }
        }
    }

    /// The timeline pane (in the chunks pane's place): the selected call on a time axis.
    public static func drawTimeline(_ state: AppState, into buffer: inout Buffer, rect: Rect) {
        let theme = state.theme
        let call = state.calls.selectedCall
        PaneFrame.draw(into: &buffer, rect: rect, title: "Timeline", detail: call.map { "of \($0.id)" } ?? "",
                       focused: state.focus == .chunks, theme: theme)
        let inner = rect.inset(by: 1)
        guard let call else {
            buffer.write(state.calls.listed ? "no call selected" : "listing calls…", column: inner.x + 1, row: inner.y,
                         limit: inner.width - 1, style: theme[.dim])
            return
        }
        CallTimelineView.draw(call, offsetSeconds: state.displayOffsetSeconds, into: &buffer,
                              rect: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height), theme: theme)
    }
}
