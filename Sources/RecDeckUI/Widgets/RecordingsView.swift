import RecDeckCore

/// The recordings pane: a table of the visible recordings, rendering only the rows on screen.
public enum RecordingsView {
    /// The columns of `preferred` that fit `width` cells, with their widths: each at its field's
    /// width (`RecordingField.Column`), given up in the dashboard's drop order while they do not
    /// fit, and then the ones ranked below CALL while the call ids on screen (`callWidth` cells,
    /// at most 36) could not show whole (those that then fit again come back); then the growing
    /// ones (the call id up to 36 cells) take the room left, the last of them all of it (the
    /// recording id, or the call id when the recording id does not fit). `startWidth` is 16 rather
    /// than 14 when a row shows a start or end in another year (`2025-10-01 08:00`); it is the
    /// width of the END TIME column too.
    public static func columns(width: Int, preferred: [RecordingColumn] = RecordingColumn.dashboardDefault,
                               startWidth: Int = 14, callWidth: Int = 0) -> [(RecordingColumn, Int)] {
        func minimum(_ column: RecordingColumn) -> Int { column == .start || column == .end ? startWidth : column.facet.width }
        func total(_ columns: [RecordingColumn]) -> Int { columns.reduce(0) { $0 + minimum($1) + 1 } - 1 }
        var chosen = preferred
        for column in RecordingColumn.dashboardDropOrder where total(chosen) > width && chosen.count > 1 {
            chosen.removeAll { $0 == column }
        }
        // A call id is only useful whole: the columns ranked below CALL make room for all of it,
        // and those of them that still fit beside the whole id come back, the higher ranked first.
        if chosen.contains(.call), let most = RecordingColumn.call.facet.growsTo {
            let whole = min(callWidth, most)
            func callFits(_ columns: [RecordingColumn]) -> Bool { width - total(columns) + minimum(.call) >= whole }
            let call = RecordingColumn.call.facet.dashboardDropRank
            var given: [RecordingColumn] = []
            for column in RecordingColumn.dashboardDropOrder where column.facet.dashboardDropRank < call
                && chosen.contains(column) && !callFits(chosen) {
                chosen.removeAll { $0 == column }
                given.append(column)
            }
            for column in given.reversed() {
                let back = preferred.filter { chosen.contains($0) || $0 == column }
                if callFits(back) { chosen = back }
            }
        }
        var result = chosen.map { ($0, minimum($0)) }
        var rest = max(0, width - total(chosen))
        let growing = result.indices.filter { result[$0].0.facet.growsTo != nil }
        for (order, index) in growing.enumerated() {
            let isLast = order == growing.count - 1
            let extra = isLast ? rest : min(rest, max(0, result[index].0.facet.growsTo! - result[index].1))
            result[index].1 += extra
            rest -= extra
        }
        return result
    }

    /// The columns drawn in the pane's `inner` rect (inside its border) for the rows on screen:
    /// each with the screen column it starts at and its width.
    static func columnSpans(_ state: AppState, inner: Rect) -> [(column: RecordingColumn, x: Int, width: Int)] {
        let onScreen = (state.recordingsScroll..<max(state.recordingsScroll, min(state.list.count, state.recordingsScroll + inner.height - 1)))
            .map { state.list[row: $0] }
        let thisYear = state.now.components(offsetSeconds: state.displayOffsetSeconds).year
        let otherYear = onScreen.contains { recording in
            [recording.startTime, recording.endTime].contains { time in
                time.map { $0.components(offsetSeconds: state.displayOffsetSeconds).year != thisYear } ?? false
            }
        }
        let callWidth = onScreen.reduce(0) { max($0, DisplayWidth.of($1.callId ?? "")) }
        var x = inner.x + 2
        return columns(width: inner.width - 2, preferred: state.columns, startWidth: otherYear ? 16 : 14,
                       callWidth: callWidth).map { column, width in
            defer { x += width + 1 }
            return (column, x, width)
        }
    }

    /// A column's title, with the sort's arrow when the recordings are sorted by it (the title
    /// cut to make room for the arrow when the column is narrow).
    static func title(of column: RecordingColumn, width: Int, sort: RecordingSort) -> String {
        guard column.sortField == sort.field else { return column.title }
        let arrow = sort.ascending ? "↑" : "↓"
        let title = column.title
        if DisplayWidth.of(title) + 2 <= width { return title + " " + arrow }
        return String(title.prefix(max(0, width - 1))) + arrow
    }

    public static func draw(_ state: AppState, into buffer: inout Buffer, rect: Rect) {
        let theme = state.theme
        let focused = state.focus == .recordings
        var detail = "sort: \(state.sort.field.rawValue) \(state.sort.ascending ? "↑" : "↓")"
        if !state.query.isEmpty { detail += "  filter: \(state.query.text)" }
        if state.list.pendingQuery != nil { detail += " (filtering…)" }
        if state.list.pendingSort != nil { detail += " (sorting…)" }
        if state.follow { detail += "  following" }
        PaneFrame.draw(into: &buffer, rect: rect, title: "Recordings", detail: detail, focused: focused, theme: theme)
        if state.unseenArrivals > 0, !state.follow {
            let badge = " \(CountText.grouped(state.unseenArrivals)) new "
            buffer.write(badge, column: rect.maxX - 2 - DisplayWidth.of(badge), row: rect.y, style: theme[.badge])
        }
        let inner = rect.inset(by: 1)
        guard inner.width > 2, inner.height > 1 else { return }
        let spans = columnSpans(state, inner: inner)
        for span in spans {
            buffer.write(title(of: span.column, width: span.width, sort: state.sort), column: span.x, row: inner.y,
                         limit: span.width, style: theme[.columnHeader])
        }
        if state.visible.isEmpty {
            let text = state.loading != nil ? "reading files…"
                : state.list.all.isEmpty ? "no recordings yet in \(state.directory)" : "no recording matches the filter"
            buffer.write(text, column: inner.x + 2, row: inner.y + 1, limit: inner.width - 2, style: theme[.dim])
            return
        }
        let rows = inner.height - 1
        for offset in 0..<rows {
            let index = state.recordingsScroll + offset
            guard index < state.list.count else { break }
            let recording = state.list[row: index]
            let row = inner.y + 1 + offset
            let selected = recording.id == state.selectedId
            // Faults colour the row and get ⚠; a new row keeps that colour, in the new-row attributes.
            // The media's retention is no fault: an expired recording only has its age dimmed.
            let faulty = !recording.fixedAnomalies.isEmpty
            let isNew = state.arrivedAt[recording.id] != nil
            var style = theme[.text]
            if faulty { style = isNew ? theme[.rowAnomaly].adding(theme[.rowNew].attributes) : theme[.rowAnomaly] }
            else if isNew { style = theme[.rowNew] }
            if selected { style = theme[focused ? .selection : .selectionUnfocused] }
            let expired = MediaRetention(recording, now: state.now) == .expired
            buffer.fill(Rect(x: inner.x, y: row, width: inner.width, height: 1), with: Cell(" ", style: style))
            buffer.write(selected ? "▶" : " ", column: inner.x, row: row, style: style)
            if faulty { buffer.write("⚠", column: inner.x + 1, row: row, style: style) }
            for (kind, x, width) in spans {
                var text = kind.text(for: recording, now: state.now, offsetSeconds: state.displayOffsetSeconds, compact: true)
                if kind.facet.cutsInTheMiddle { text = DisplayWidth.middleTruncated(text, to: width) }
                let dimmed = expired && !selected && !faulty && kind.facet.dimmedWhenExpired
                buffer.write(text, column: x, row: row, limit: width, style: dimmed ? theme[.dim] : style)
            }
        }
    }
}
