import RecDeckCore

/// A call on a time axis, as text: the call's span, each participant's stays (joining `├` and
/// leaving `┤`), when recording was `active` (`RecordingStateChanged`), each recording and each of
/// its chunks as a bar, over a dotted line across the call so that a stretch nothing covers shows
/// at a glance; under them the stretches of the call no recording covers.
///
/// The events give no chunk its own times: a recording's chunks share its span in index order,
/// one equal part each, and a missing index is a row without a bar.
///
/// A pure widget: `draw` renders into `rect` of a `Buffer` and nothing else.
public enum CallTimelineView {
    /// One line of the chart: a label and the stretches it covers.
    struct Row {
        var label: String
        var bars: [(start: Int64, end: Int64)] = []
        var glyph: Character
        var role: ThemeRole = .text
        /// Marks at the ends of each bar (participants' stays), when known.
        var ends: [(joined: Bool, left: Bool)] = []
        /// Said after the label's bars when there is no bar to draw.
        var note: String?
    }

    /// The steps the axis is marked in, in seconds.
    static let steps: [Int64] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400]

    public static func draw(_ call: Call, offsetSeconds: Int, into buffer: inout Buffer, rect: Rect, theme: Theme) {
        guard rect.width > 0, rect.height > 0 else { return }
        guard let (low, high) = span(of: call) else {
            buffer.write("no times in this call's events", column: rect.x, row: rect.y, limit: rect.width, style: theme[.dim])
            return
        }
        let labelWidth = rect.width >= 100 ? 18 : rect.width >= 60 ? 14 : 10
        let chartX = rect.x + labelWidth + 1
        let chartWidth = rect.maxX - chartX
        var y = rect.y
        buffer.write(summary(call, offsetSeconds: offsetSeconds), column: rect.x, row: y, limit: rect.width, style: theme[.text])
        y += 1
        guard chartWidth >= 10 else {
            buffer.write("too narrow for a timeline", column: rect.x, row: y, limit: rect.width, style: theme[.dim])
            return
        }
        func column(_ time: Int64) -> Int {
            let fraction = Double(time - low) / Double(high - low)
            return chartX + min(chartWidth - 1, max(0, Int((fraction * Double(chartWidth - 1)).rounded())))
        }
        if y < rect.maxY { drawAxis(low: low, high: high, offsetSeconds: offsetSeconds, into: &buffer, row: y, x: chartX, width: chartWidth, theme: theme, column: column) }
        y += 2
        let callStart = call.startTime?.nanoseconds ?? low, callEnd = call.endTime?.nanoseconds ?? high
        let rows = self.rows(call, low: low, high: high)
        let gaps = unrecorded(call)
        // Room for the rows, the line of gaps and the legend; rows beyond it are counted.
        let footer = (gaps.isEmpty ? 0 : 1) + 1
        let room = max(0, rect.maxY - y - footer)
        let shown = rows.count <= room ? rows.count : max(0, room - 1)
        for row in rows.prefix(shown) {
            buffer.write(row.label, column: rect.x, row: y, limit: labelWidth, style: theme[.columnHeader])
            for x in column(callStart)...column(callEnd) { buffer[x, y] = Cell("·", style: theme[.dim]) }
            for (index, bar) in row.bars.enumerated() {
                let from = column(bar.start), to = max(column(bar.start), column(bar.end))
                for x in from...to { buffer[x, y] = Cell(String(row.glyph), style: theme[row.role]) }
                if index < row.ends.count {
                    if row.ends[index].joined { buffer[from, y] = Cell("├", style: theme[row.role]) }
                    if row.ends[index].left { buffer[to, y] = Cell("┤", style: theme[row.role]) }
                }
            }
            if let note = row.note {
                buffer.write(note, column: chartX, row: y, limit: chartWidth, style: theme[.dim])
            }
            y += 1
        }
        if shown < rows.count, y < rect.maxY {
            buffer.write("… \(CountText.of(rows.count - shown, "more row"))", column: rect.x, row: y, limit: rect.width, style: theme[.dim])
            y += 1
        }
        if !gaps.isEmpty, y < rect.maxY {
            let text = gaps.prefix(3).map { gap in
                "\(clock(gap.start, offsetSeconds)) → \(clock(gap.end, offsetSeconds)) (\(DurationText.length(milliseconds: (gap.end - gap.start) / 1_000_000)))"
            }.joined(separator: " · ") + (gaps.count > 3 ? " · …" : "")
            buffer.write("not recorded: " + text, column: rect.x, row: y, limit: rect.width, style: theme[.rowAnomaly])
            y += 1
        }
        if y < rect.maxY {
            buffer.write("━ call  ├─┤ participant  ▒ recording active  █ recording  ▓ chunk  · nothing", column: rect.x, row: y,
                         limit: rect.width, style: theme[.dim])
        }
    }

    /// `10-01 08:00:00 → 09:02:05 · 1h02m05s · recorded 58m30s (94%)`.
    static func summary(_ call: Call, offsetSeconds: Int) -> String {
        var parts: [String] = []
        let start = call.startTime.map { String($0.display(offsetSeconds: offsetSeconds).dropFirst(5)) } ?? "?"
        let end = call.endTime.map { clock($0.nanoseconds, offsetSeconds) } ?? "?"
        parts.append("\(start) → \(end)")
        parts.append(call.durationMs.map { DurationText.length(milliseconds: $0) } ?? "duration unknown")
        let coverage = call.coverage.map { " (\(Int(($0 * 100).rounded()))%)" } ?? ""
        parts.append("recorded " + (call.recordedMs.map { DurationText.length(milliseconds: $0) } ?? "?") + coverage)
        if let reason = call.endReason { parts.append("ended: " + reason) }
        return parts.joined(separator: " · ")
    }

    /// `08:00:00`, shifted by `offsetSeconds`.
    static func clock(_ nanoseconds: Int64, _ offsetSeconds: Int) -> String {
        let c = Timestamp(nanoseconds: nanoseconds).components(offsetSeconds: offsetSeconds)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }

    /// The time axis: labels on `row`, the ruler with a tick under each label on the next.
    private static func drawAxis(low: Int64, high: Int64, offsetSeconds: Int, into buffer: inout Buffer, row: Int, x: Int,
                                 width: Int, theme: Theme, column: (Int64) -> Int) {
        let seconds = max(1, (high - low) / 1_000_000_000)
        let withSeconds = seconds < 600
        let labelWidth = withSeconds ? 8 : 5
        let step = steps.first { seconds / $0 <= Int64(width / (labelWidth + 2)) } ?? steps.last!
        let ruler = row + 1
        for offset in 0..<width where ruler < buffer.height { buffer[x + offset, ruler] = Cell("─", style: theme[.border]) }
        let stepNanoseconds = step * 1_000_000_000
        let shift = Int64(offsetSeconds) * 1_000_000_000
        var tick = ((low + shift) / stepNanoseconds) * stepNanoseconds - shift
        if tick < low { tick += stepNanoseconds }
        var free = x
        while tick <= high {
            let at = column(tick)
            let label = String(clock(tick, offsetSeconds).prefix(labelWidth))
            if at >= free, at + labelWidth <= x + width {
                buffer.write(label, column: at, row: row, style: theme[.dim])
                free = at + labelWidth + 1
            }
            if ruler < buffer.height { buffer[at, ruler] = Cell("┬", style: theme[.border]) }
            tick += stepNanoseconds
        }
    }

    /// The times the chart spans: from the earliest to the latest time anything of the call has.
    static func span(of call: Call) -> (Int64, Int64)? {
        var times: [Int64] = [call.startTime, call.endTime].compactMap { $0?.nanoseconds }
        for participant in call.participants {
            for stay in participant.stays { times += [stay.joined, stay.left].compactMap { $0?.nanoseconds } }
        }
        times += call.stateChanges.compactMap { $0.time?.nanoseconds }
        for recording in call.recordings {
            times += [recording.startTime, recording.endTime].compactMap { $0?.nanoseconds }
        }
        guard let low = times.min(), let high = times.max() else { return nil }
        return (low, max(high, low + 1_000_000_000))
    }

    /// The chart's rows: the call, its participants, recording state, each recording and its chunks.
    static func rows(_ call: Call, low: Int64, high: Int64) -> [Row] {
        let callStart = call.startTime?.nanoseconds ?? low, callEnd = call.endTime?.nanoseconds ?? high
        var rows: [Row] = [Row(label: "call", bars: [(callStart, callEnd)], glyph: "━", role: .title)]
        for participant in call.participants {
            var row = Row(label: participant.displayName ?? participant.id, glyph: "─", role: .text)
            for stay in participant.stays {
                row.bars.append((stay.joined?.nanoseconds ?? callStart, stay.left?.nanoseconds ?? callEnd))
                row.ends.append((stay.joined != nil, stay.left != nil))
            }
            rows.append(row)
        }
        if !call.stateChanges.isEmpty {
            let active = call.activeIntervals.map { ($0.start?.nanoseconds ?? callStart, $0.end?.nanoseconds ?? callEnd) }
            rows.append(Row(label: "recording on", bars: active, glyph: "▒", role: .jsonString,
                            note: active.isEmpty ? "never active" : nil))
        }
        for recording in call.recordings {
            let label = "rec " + RecordingIdText.fitted(recording.shownId, cells: 14)
            guard let start = recording.startTime?.nanoseconds, let end = recording.endTime?.nanoseconds else {
                rows.append(Row(label: label, glyph: "█", note: "no start or duration in its events"))
                continue
            }
            rows.append(Row(label: label, bars: [(start, end)], glyph: "█", role: recording.fixedAnomalies.isEmpty ? .text : .rowAnomaly))
            rows += chunkRows(recording, start: start, end: end)
        }
        return rows
    }

    /// A row per chunk index from 0 to the highest, each an equal share of the recording's span;
    /// a missing index says so.
    private static func chunkRows(_ recording: Recording, start: Int64, end: Int64) -> [Row] {
        let chunks = recording.chunks
        guard !chunks.isEmpty else { return [] }
        let indexed = chunks.enumerated().map { ($0.element.index ?? Int64($0.offset), $0.element) }
        let highest = min(indexed.map(\.0).max() ?? 0, Int64(chunks.count) + 64)
        let slots = Int(max(highest + 1, Int64(chunks.count)))
        let share = (end - start) / Int64(max(1, slots))
        var rows: [Row] = []
        for slot in 0..<slots {
            let matching = indexed.filter { $0.0 == Int64(slot) }
            guard let chunk = matching.first?.1 else {
                rows.append(Row(label: "  #\(slot)", glyph: "▓", note: "missing: no event names chunk \(slot)"))
                continue
            }
            let from = start + share * Int64(slot)
            let to = slot == slots - 1 ? end : from + share
            let reason = chunk.endReason.map { " " + $0 } ?? ""
            rows.append(Row(label: "  #\(slot)\(reason)", bars: [(from, to)], glyph: "▓", role: chunk.endedInFailure ? .error : .jsonNumber))
        }
        return rows
    }

    /// The stretches of the call (start to end, both known) that no recording covers, over a second each.
    static func unrecorded(_ call: Call) -> [(start: Int64, end: Int64)] {
        guard let start = call.startTime?.nanoseconds, let end = call.endTime?.nanoseconds, end > start else { return [] }
        let spans = call.recordings.compactMap { recording -> (Int64, Int64)? in
            guard let from = recording.startTime?.nanoseconds, let to = recording.endTime?.nanoseconds else { return nil }
            return (from, to)
        }.sorted { $0.0 < $1.0 }
        var gaps: [(start: Int64, end: Int64)] = []
        var covered = start
        for (from, to) in spans {
            if from > covered { gaps.append((covered, min(from, end))) }
            covered = max(covered, to)
            if covered >= end { break }
        }
        if covered < end { gaps.append((covered, end)) }
        return gaps.filter { $0.end - $0.start >= 1_000_000_000 }
    }
}
