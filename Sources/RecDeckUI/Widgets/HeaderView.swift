import RecDeckCore

/// The top line: directory, feed state, totals, failures, problems, arrivals sparkline and clock.
public enum HeaderView {
    public static func draw(_ state: AppState, into buffer: inout Buffer, rect: Rect) {
        let theme = state.theme
        buffer.fill(rect, with: Cell(" ", style: theme[.header]))
        var column = rect.x
        func put(_ text: String, _ role: ThemeRole) {
            column += buffer.write(text, column: column, row: rect.y, limit: rect.maxX - column, style: theme[role])
        }
        let clock = clockText(state)
        put(" recdeck  ", .headerLive)
        put(state.directory + "  ", .header)
        put(state.feedIsLive ? "● " : "○ ", state.feedIsLive ? .headerLive : .headerWarning)
        put(state.feedStatus + "  ", state.feedIsLive ? .headerLive : .headerWarning)
        if let loading = state.loading {
            put("indexing \(CountText.grouped(loading.done))/\(CountText.grouped(loading.total)) files  ", .headerWarning)
        }
        let count = state.recordings.count
        var totals = "\(CountText.of(count, "recording")) · \(CountText.of(state.totals.calls, "call")) · "
            + DurationText.total(milliseconds: state.totals.recordedMilliseconds)
        if state.visible.count != count { totals += " · \(CountText.grouped(state.visible.count)) shown" }
        put(totals, .header)
        let failed = state.totals.failedChunks
        if failed > 0 { put(" · ⚠ \(CountText.of(failed, "failed chunk"))", .headerWarning) }
        if !state.problems.isEmpty {
            put(" · \(CountText.of(state.problems.count, "problem"))", .headerWarning)
        }
        // The sparkline and the clock sit at the right edge when there is room.
        let clockColumn = rect.maxX - DisplayWidth.of(clock) - 1
        let sparkWidth = min(30, clockColumn - column - 4)
        if sparkWidth >= 10 {
            let spark = Sparkline.text(Sparkline.perMinute(state.arrivalTimes, now: state.now, minutes: sparkWidth))
            buffer.write(spark, column: clockColumn - sparkWidth - 2, row: rect.y, style: theme[.sparkline])
        }
        if clockColumn > column + 1 { buffer.write(clock, column: clockColumn, row: rect.y, style: theme[.header]) }
    }

    static func clockText(_ state: AppState) -> String {
        let c = state.now.components(offsetSeconds: state.displayOffsetSeconds)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(c.hour)):\(two(c.minute)):\(two(c.second))\(state.utc ? "Z" : "")"
    }
}
