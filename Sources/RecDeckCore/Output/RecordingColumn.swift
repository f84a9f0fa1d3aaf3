/// A column of the recordings table, shared by `recdeck list` and the dashboard, by the name the
/// config file's `columns` gives it. What it shows (title, widths, drop order, cell) is its
/// field's `RecordingField.Column`; the case order is `list --format table`'s column order.
public enum RecordingColumn: String, Sendable, CaseIterable {
    case start, age, duration, chunks, format, reason, call, recording, anomalies, media, arrived, end, storage

    /// The field the column shows, and how.
    public var facet: RecordingField.Column { Self.facets[self]! }

    private static let facets: [RecordingColumn: RecordingField.Column] = Dictionary(
        uniqueKeysWithValues: RecordingField.all.compactMap(\.column).map { ($0.name, $0) })

    public var title: String { facet.title }

    /// What sorting by this column sorts by, if it sorts (its field's `RecordingField.Sort`).
    public var sortField: SortField? { Self.sortFields[self] }

    private static let sortFields: [RecordingColumn: SortField] = Dictionary(uniqueKeysWithValues: RecordingField.all.compactMap { field in
        guard let column = field.column, let sort = field.sort else { return nil }
        return (column.name, sort.name)
    })

    /// Narrowest useful width in cells (`list --format table`).
    public var minimumWidth: Int { facet.minimumWidth }

    /// The dashboard's columns unless the config file names others.
    public static let dashboardDefault: [RecordingColumn] = [.start, .age, .duration, .chunks, .format, .reason, .call, .recording]

    /// The most characters a cell holds (more could never show on a terminal).
    public static let maximumCellCharacters = 4096

    /// The order `list` gives columns up in when the width is short: first in this list goes first.
    /// The start and the call id are never given up (the call id is cut when nothing else is left).
    public static let dropOrder: [RecordingColumn] = allCases.compactMap { column in
        column.facet.listDropRank.map { (column, $0) }
    }.sorted { $0.1 < $1.1 }.map(\.0)

    /// The order the dashboard gives columns up in when its pane is narrow: first goes first.
    public static let dashboardDropOrder: [RecordingColumn] = allCases.sorted { $0.facet.dashboardDropRank < $1.facet.dashboardDropRank }

    /// The cell text for `recording`: `offsetSeconds` shifts times from UTC for display; `compact`
    /// drops the year from a start time in the current year (`10-01 08:00:12`), as the dashboard
    /// shows it, and the seconds instead for any other year (`2025-10-01 08:00`).
    public func text(for recording: Recording, now: Timestamp, offsetSeconds: Int, compact: Bool = false) -> String {
        let raw = facet.text(recording, RecordingField.CellContext(now: now, offsetSeconds: offsetSeconds, compact: compact))
        // No cell is wider than a terminal: what could never show is left out before escaping.
        let shown = DisplayWidth.displayPrefix(raw, characters: Self.maximumCellCharacters)
        return SafeText.escaped(shown.cut ? shown.text + "…" : raw)
    }

    /// `Mp4 A/V`, `Mp3 A`: the format with the content type abbreviated.
    public static func formatSummary(format: String?, content: String?) -> String {
        let contentShort: String?
        switch content?.lowercased() {
        case "audiovideo": contentShort = "A/V"
        case "audio": contentShort = "A"
        case "video": contentShort = "V"
        default: contentShort = content
        }
        let parts = [format, contentShort].compactMap { $0 }
        return parts.isEmpty ? "—" : parts.joined(separator: " ")
    }
}
