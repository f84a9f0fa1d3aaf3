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
        put(state.feedStatus.description + "  ", state.feedIsLive ? .headerLive : .headerWarning)
        if let receiving = state.receiving { put(receivingText(receiving, now: state.now) + "  ", .headerLive) }
        if let loading = state.loading {
            put("indexing \(grouped(loading.done))/\(grouped(loading.total)) files  ", .headerWarning)
        }
        let count = state.recordings.count
        var totals = "\(grouped(count)) recordings · \(grouped(state.totals.calls)) calls · "
            + DurationText.total(milliseconds: state.totals.recordedMilliseconds)
        if state.visible.count != count { totals += " · \(grouped(state.visible.count)) shown" }
        put(totals, .header)
        let failed = state.totals.failedChunks
        if failed > 0 { put(" · ⚠ \(grouped(failed)) failed chunk\(failed == 1 ? "" : "s")", .headerWarning) }
        if !state.problems.isEmpty {
            put(" · \(grouped(state.problems.count)) problem\(state.problems.count == 1 ? "" : "s")", .headerWarning)
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

    /// `receiving on :8080 · 12 deliveries · last 3s ago`.
    static func receivingText(_ receiving: ReceivingSummary, now: Timestamp) -> String {
        let count = receiving.deliveries
        var text = "receiving on \(receiving.address) · \(grouped(count)) deliver\(count == 1 ? "y" : "ies")"
        if let last = receiving.lastDelivery {
            let age = DurationText.age(nanoseconds: now.nanoseconds - last.nanoseconds)
            text += age == "now" ? " · last just now" : " · last \(age) ago"
        }
        return text
    }

    static func clockText(_ state: AppState) -> String {
        let c = state.now.components(offsetSeconds: state.displayOffsetSeconds)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(c.hour)):\(two(c.minute)):\(two(c.second))\(state.utc ? "Z" : "")"
    }

    /// `1,284`: thousands separated for reading at a glance.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}
