/// One field of a recording and everything recdeck does with it, in one place (as k9s describes
/// a resource's columns): how it shows as a column of the recordings table (dashboard and
/// `list --format table`), the key `--sort` orders by, the matcher of the filter language, and what
/// the JSON contract of `list --format json` and the CSV/TSV rows write for it.
///
/// `RecordingField.all` (RecordingFieldTable.swift) lists every field; a facet left `nil` (or
/// empty) is something the field does not do. `RecordingColumn`, `SortField` and `QueryField` are
/// the names users type (in the config file, after `--sort`, in a query), each resolved to the
/// field whose facet carries that name.
public struct RecordingField: Sendable {
    /// The field as the model or the JSON contract names it (`durationMs`).
    public let name: String
    /// The column of the recordings table.
    public let column: Column?
    /// The order `--sort` and the dashboard's `s` give.
    public let sort: Sort?
    /// The filter language's `name:value` or `name>value`.
    public let query: Query?
    /// The key and value of the JSON object of DESIGN.md's `list --format json` contract.
    public let json: JSON?
    /// The cells of a CSV/TSV row, in order (a field may write several, or none).
    public let cells: [Cell]

    init(_ name: String, column: Column? = nil, sort: Sort? = nil, query: Query? = nil, json: JSON? = nil, cells: [Cell] = []) {
        self.name = name
        self.column = column
        self.sort = sort
        self.query = query
        self.json = json
        self.cells = cells
    }

    /// What a column's cell is drawn for: `offsetSeconds` shifts times from UTC for display;
    /// `compact` is the dashboard's shorter form (a start time without its year).
    public struct CellContext: Sendable {
        public var now: Timestamp
        public var offsetSeconds: Int
        public var compact: Bool
    }

    /// A column of the recordings table.
    public struct Column: Sendable {
        public let name: RecordingColumn
        public let title: String
        /// Narrowest useful width in `list --format table`, in cells.
        public let minimumWidth: Int
        /// Whether `list` narrows it (long text) before giving any column up.
        public let shrinks: Bool
        /// When `list` gives it up as the width runs short: smaller first; `nil` never (the start;
        /// the call id, which is cut instead once nothing else is left to give: `lastResort`).
        public let listDropRank: Int?
        /// Whether `list` cuts it only after every droppable column is gone.
        public let lastResort: Bool
        /// The dashboard's width in cells (the start's is the dashboard's: 14, or 16 with a year).
        public let width: Int
        /// How wide it grows into spare room on the dashboard, `nil` not at all; the last growing
        /// column of a row takes all the room left.
        public let growsTo: Int?
        /// When the dashboard gives it up as the pane narrows: smaller first.
        public let dashboardDropRank: Int
        /// Whether a long cell loses its middle rather than its end (ids that differ at both ends).
        public let cutsInTheMiddle: Bool
        /// Whether the dashboard dims it on a recording whose media has expired.
        public let dimmedWhenExpired: Bool
        /// The cell's text, before it is bounded and made safe for a terminal.
        public let text: @Sendable (Recording, CellContext) -> String

        init(_ name: RecordingColumn, _ title: String, minimumWidth: Int, shrinks: Bool = false, listDropRank: Int?,
             lastResort: Bool = false, width: Int, growsTo: Int? = nil, dashboardDropRank: Int, cutsInTheMiddle: Bool = false,
             dimmedWhenExpired: Bool = false, text: @escaping @Sendable (Recording, CellContext) -> String) {
            self.name = name
            self.title = title
            self.minimumWidth = minimumWidth
            self.shrinks = shrinks
            self.listDropRank = listDropRank
            self.lastResort = lastResort
            self.width = width
            self.growsTo = growsTo
            self.dashboardDropRank = dashboardDropRank
            self.cutsInTheMiddle = cutsInTheMiddle
            self.dimmedWhenExpired = dimmedWhenExpired
            self.text = text
        }
    }

    /// A sort key.
    public struct Sort: Sendable {
        public let name: SortField
        /// The direction used when none is given.
        public let defaultAscending: Bool
        public let key: Key
        /// Whether the order changes with the clock (`age`), so a list sorted earlier may be out of order now.
        public let dependsOnClock: Bool

        init(name: SortField, defaultAscending: Bool, dependsOnClock: Bool = false, key: Key) {
            self.name = name
            self.defaultAscending = defaultAscending
            self.dependsOnClock = dependsOnClock
            self.key = key
        }

        /// What is compared: text (ignoring case) or a number; `nil` when the recording has none.
        public enum Key: Sendable {
            case text(@Sendable (Recording) -> String?)
            case number(@Sendable (Recording, Timestamp) -> Int64?)
        }
    }

    /// A field of the filter language.
    public struct Query: Sendable {
        public let name: QueryField
        let matcher: Matcher
        /// Whether a bare word (no field named) is looked for in this field too.
        let searchedByBareWords: Bool
        /// Whether the answer changes with the clock (`age<1h`).
        let dependsOnClock: Bool

        init(_ name: QueryField, _ matcher: Matcher, searchedByBareWords: Bool = false, dependsOnClock: Bool = false) {
            self.name = name
            self.matcher = matcher
            self.searchedByBareWords = searchedByBareWords
            self.dependsOnClock = dependsOnClock
        }

        /// How `name:value` or `name>value` is read and decided.
        enum Matcher: Sendable {
            /// `name:text`: found, ignoring case, in the field.
            case text(@Sendable (Recording, TextNeedle) -> Bool)
            /// `name:true` / `name:false`.
            case flag(@Sendable (Recording) -> Bool)
            /// `anomaly:part`: any anomaly code holding the text (recordings' and calls').
            case anomaly
            /// `name>value`: the field's number compared with a value of `unit`; `example` shows how.
            case comparison(Unit, example: String, @Sendable (Recording, Timestamp) -> Int64?)
        }

        /// What a comparison's value is written as; the number compared is in its unit.
        enum Unit: Sendable {
            /// `5m`, `1h30m` (nanoseconds).
            case duration
            /// A whole number.
            case count
            /// A date or time (nanoseconds since the epoch).
            case instant
        }

        /// Whether the field takes a comparison (`dur>5m`) rather than `field:value`.
        var isComparison: Bool {
            if case .comparison = matcher { return true }
            return false
        }
    }

    /// A key of the JSON contract and the writer of its value.
    public struct JSON: Sendable {
        public let key: String
        let write: @Sendable (Recording, Timestamp, inout JSONWriter) -> Void
    }

    /// A cell of the CSV/TSV rows: its column name and the writer of its value.
    public struct Cell: Sendable {
        public let name: String
        let write: @Sendable (Recording, Timestamp, inout RowWriter) -> Void
    }
}
