/// A column of the calls table, shared by `recdeck calls` and the dashboard's calls view: its
/// title, narrowest width and the text of a cell (already made safe for a terminal).
public enum CallColumn: String, Sendable, CaseIterable {
    case start, duration, participants, recordings, recorded, coverage, reason, call, anomalies

    public var title: String {
        switch self {
        case .start: "START"
        case .duration: "DURATION"
        case .participants: "PEOPLE"
        case .recordings: "RECS"
        case .recorded: "RECORDED"
        case .coverage: "COVER"
        case .reason: "END"
        case .call: "CALL"
        case .anomalies: "ANOMALIES"
        }
    }

    /// Narrowest useful width in cells.
    public var minimumWidth: Int {
        switch self {
        case .start: 19
        case .duration, .recorded: 8
        case .participants: 6
        case .recordings, .coverage: 5
        case .reason: 8
        case .call: 8
        case .anomalies: 9
        }
    }

    /// The order columns are given up in when the width is short.
    public static let dropOrder: [CallColumn] = [.participants, .reason, .anomalies, .recorded, .recordings, .coverage, .duration]

    /// The columns that shrink before any is dropped.
    public static let shrinkable: [CallColumn] = [.call, .reason, .anomalies]

    /// The cell text for `call`; `offsetSeconds` shifts times from UTC, `compact` drops the year.
    public func text(for call: Call, now: Timestamp, offsetSeconds: Int, compact: Bool = false) -> String {
        let raw: String
        switch self {
        case .start:
            let full = call.startTime?.display(offsetSeconds: offsetSeconds) ?? "—"
            raw = compact && full.count == 19 ? String(full.dropFirst(5)) : full
        case .duration: raw = call.durationMs.map { DurationText.length(milliseconds: $0) } ?? "—"
        case .participants: raw = String(call.participants.count)
        case .recordings: raw = String(call.recordings.count)
        case .recorded: raw = call.recordedMs.map { DurationText.length(milliseconds: $0) } ?? "—"
        case .coverage: raw = call.coverage.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
        case .reason: raw = call.endReason ?? "—"
        case .call: raw = call.id
        case .anomalies:
            var codes = call.anomalies(now: now).map(\.rawValue)
            if call.deadLettered { codes.append("deadLettered") }
            raw = codes.joined(separator: ",")
        }
        return SafeText.escaped(raw)
    }

    /// Writes the plain-text table of `calls --format table`, fitted to `width` cells (`nil`: no
    /// limit), to `output`.
    public static func writeTable(_ calls: [Call], now: Timestamp, width: Int?, offsetSeconds: (Call) -> Int,
                                  output: (OutputBytes) -> Void) {
        func cells(_ call: Call) -> [String] { allCases.map { $0.text(for: call, now: now, offsetSeconds: offsetSeconds(call)) } }
        var measure = FittedTable.Measure(columns: allCases.count)
        for call in calls { measure.add(cells(call)) }
        let table = FittedTable(titles: allCases.map(\.title), minimumWidths: allCases.map(\.minimumWidth),
                                shrinkable: Set(shrinkable.map { allCases.firstIndex(of: $0)! }),
                                dropOrder: dropOrder.map { allCases.firstIndex(of: $0)! }, cellWidths: measure.cellWidths, width: width)
        var bytes = OutputBytes()
        table.appendHeader(to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
        for call in calls {
            table.appendLine(cells(call), to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        output(bytes)
    }
}
