import RecDeckCore

/// The top line: directory, feed state, totals, faults, problems, when the last event happened,
/// arrivals sparkline and clock. When the line is short, the sparkline goes first, then the
/// clock, the last event's age and the totals, then the faults are said in fewer words: faults and
/// problems stay as long as anything does.
public enum HeaderView {
    /// One piece of the line, with the role it is drawn in.
    struct Piece {
        var text: String
        var role: ThemeRole
    }

    public static func draw(_ state: AppState, into buffer: inout Buffer, rect: Rect) {
        let theme = state.theme
        buffer.fill(rect, with: Cell(" ", style: theme[.header]))
        var column = rect.x
        func put(_ text: String, _ role: ThemeRole) {
            column += buffer.write(text, column: column, row: rect.y, limit: rect.maxX - column, style: theme[role])
        }
        put(" recdeck  ", .headerLive)
        put(state.directory + "  ", .header)
        put(state.feedIsLive ? "● " : "○ ", state.feedIsLive ? .headerLive : .headerWarning)
        put(state.feedStatus.description + "  ", state.feedIsLive ? .headerLive : .headerWarning)
        if let receiving = state.receiving { put(receivingText(receiving, now: state.now) + "  ", .headerLive) }
        if let loading = state.loading {
            put("indexing \(CountText.grouped(loading.done))/\(CountText.grouped(loading.total)) files  ", .headerWarning)
        }
        var warnings = warningPieces(state)
        var totals: Piece? = Piece(text: totalsText(state), role: .header)
        var lastEvent = state.totals.newestEvent.map {
            let age = DurationText.age(of: $0, at: state.now)
            return Piece(text: age == "now" ? "last event just now" : "last event \(age) ago", role: .header)
        }
        var clock: String? = clockText(state)
        func width() -> Int {
            let pieces = [totals] + warnings.map(Optional.some) + [lastEvent]
            let texts = pieces.compactMap { $0?.text }
            return texts.reduce(0) { $0 + DisplayWidth.of($1) } + 3 * max(0, texts.count - 1)
                + (clock.map { DisplayWidth.of($0) + 2 } ?? 1)
        }
        // Give up the least important pieces until the rest fits.
        let room = rect.maxX - column
        if width() > room { clock = nil }
        if width() > room { lastEvent = nil }
        if width() > room { totals = nil }
        if width() > room { warnings = warningPieces(state, compact: true) }
        var first = true
        for piece in [totals] + warnings.map(Optional.some) + [lastEvent] {
            guard let piece else { continue }
            put((first ? "" : " · ") + piece.text, piece.role)
            first = false
        }
        // The sparkline and the clock sit at the right edge when there is room.
        guard let clock else { return }
        let clockColumn = rect.maxX - DisplayWidth.of(clock) - 1
        let sparkWidth = min(30, clockColumn - column - 4)
        if sparkWidth >= 10 {
            let spark = Sparkline.text(Sparkline.perMinute(state.arrivalTimes, now: state.now, minutes: sparkWidth))
            buffer.write(spark, column: clockColumn - sparkWidth - 2, row: rect.y, style: theme[.sparkline])
        }
        if clockColumn > column { buffer.write(clock, column: clockColumn, row: rect.y, style: theme[.header]) }
    }

    /// `3 recordings · 2 calls · 1h04m`, and how many the filter shows when that is fewer.
    static func totalsText(_ state: AppState) -> String {
        let count = state.list.all.count
        var totals = "\(CountText.of(count, "recording")) · \(CountText.of(state.totals.calls, "call")) · "
            + DurationText.total(milliseconds: state.totals.recordedMilliseconds)
        // In the calls view the calls pane counts what its filter shows.
        if state.visible.count != count, !state.calls.shown { totals += " · \(CountText.grouped(state.visible.count)) shown" }
        return totals
    }

    /// Every fault kind counted (failed chunks, then recordings with each other fault), then
    /// dead-lettered events (Event Grid gave up delivering them: a fault of the endpoint), then problems.
    /// `compact`: in the fewest words (`1 failed · 1 gap`), when the line is narrow.
    static func warningPieces(_ state: AppState, compact: Bool = false) -> [Piece] {
        var faults: [String] = []
        if state.totals.failedChunks > 0 { faults.append(Anomaly.failedChunk.summary(count: state.totals.failedChunks, compact: compact)) }
        for fault in Anomaly.allCases where fault.isFault && fault != .failedChunk {
            if let count = state.totals.recordingsWith[fault], count > 0 { faults.append(fault.summary(count: count, compact: compact)) }
        }
        var pieces: [Piece] = []
        if !faults.isEmpty { pieces.append(Piece(text: "⚠ " + faults.joined(separator: " · "), role: .headerWarning)) }
        let deadLettered = state.totals.deadLetteredRecordingEvents + state.totals.deadLetteredOtherEvents
        if deadLettered > 0 { pieces.append(Piece(text: CountText.of(deadLettered, "dead-lettered event"), role: .headerWarning)) }
        if !state.problems.isEmpty { pieces.append(Piece(text: CountText.of(state.problems.count, "problem"), role: .headerWarning)) }
        return pieces
    }

    /// `receiving on :8080 · 12 deliveries · last 3s ago`.
    static func receivingText(_ receiving: ReceivingSummary, now: Timestamp) -> String {
        let count = receiving.deliveries
        var text = "receiving on \(receiving.address) · \(CountText.of(count, "delivery", "deliveries"))"
        if let last = receiving.lastDelivery {
            let age = DurationText.age(of: last, at: now)
            text += age == "now" ? " · last just now" : " · last \(age) ago"
        }
        return text
    }

    static func clockText(_ state: AppState) -> String {
        let c = state.now.components(offsetSeconds: state.displayOffsetSeconds)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(c.hour)):\(two(c.minute)):\(two(c.second))\(state.utc ? "Z" : "")"
    }
}
