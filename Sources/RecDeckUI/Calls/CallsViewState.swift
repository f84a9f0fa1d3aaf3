import RecDeckCore

/// The dashboard's calls view (`c` toggles it with the recordings): the calls of the store,
/// filtered by the same query as the recordings and sorted by `sort`, listed by a worker
/// (`CallsRequest`) so that joining 100,000 recordings into calls never holds up a frame.
public struct CallsViewState: Sendable {
    /// Whether the calls view is shown instead of the recordings.
    public var shown = false
    public var sort = CallSort()
    /// Every call event of the store and its deliveries, as the source last reported them.
    public internal(set) var callEvents: [(event: CallEvent, deliveries: [EventLocation])] = []
    /// Counts changes to the recordings and call events: a listing is current when it was made at this version.
    public internal(set) var dataVersion = 0
    /// The table of the latest listing, and the version it was built at (reused while current).
    var table: CallTable?
    var tableVersion = -1
    /// The calls shown, in order, and what they were listed for.
    public internal(set) var rows: [Call] = []
    var rowsKey: CallsRequest.Key?
    /// The listing a worker is making, if one is.
    var pending: CallsRequest.Key?
    /// The selected call, and its row in `rows`.
    public internal(set) var selectedId: String?
    public internal(set) var selectedRow: Int?
    /// The first row on screen.
    public var scroll = 0
    /// The filter in force before `Enter` showed a call's recordings; `Esc` in the recordings
    /// brings it back, and the calls view.
    public internal(set) var openedFrom: RecordingQuery?

    public init() {}

    /// Whether a listing has been asked for and not answered yet.
    public var listing: Bool { pending != nil }

    /// Whether any listing has arrived since the calls view was first shown.
    public var listed: Bool { rowsKey != nil }

    /// Every call known to the last listing (shown or filtered out).
    public var totalCalls: Int { table?.calls.count ?? 0 }

    /// The call the selection is on.
    public var selectedCall: Call? {
        guard let row = selectedRow, row < rows.count else { return nil }
        return rows[row]
    }

    /// Selects the call at `row` (clamped); nothing when there are no rows.
    mutating func select(row: Int) {
        guard !rows.isEmpty else {
            selectedId = nil
            selectedRow = nil
            return
        }
        let clamped = min(max(0, row), rows.count - 1)
        selectedRow = clamped
        selectedId = rows[clamped].id
    }

    /// Takes a new listing's rows, keeping the selection on the same call (else the nearest row).
    mutating func take(_ rows: [Call], key: CallsRequest.Key) {
        let previousRow = selectedRow
        let previous = self.rows
        self.rows = rows
        BackgroundRelease.release(previous)
        rowsKey = key
        if let id = selectedId, let row = rows.firstIndex(where: { $0.id == id }) {
            selectedRow = row
        } else {
            select(row: previousRow ?? 0)
        }
    }
}
