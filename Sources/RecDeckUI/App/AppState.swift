import RecDeckCore

/// The dashboard's panes, in Tab order.
public enum Pane: Int, Sendable, Hashable, CaseIterable {
    case recordings, chunks, event
}

/// A window drawn over the panes.
public enum Overlay: Sendable, Hashable {
    case help
    case problems
    case allEvents
    /// Choices of what to copy, each with the key that picks it.
    case copyMenu([CopyChoice])
    /// A one-line question (the export path).
    case exportPrompt
}

/// One thing `y` can copy: its key, its label and the text.
public struct CopyChoice: Sendable, Hashable {
    public var key: Character
    public var label: String
    public var value: String

    public init(key: Character, label: String, value: String) {
        self.key = key
        self.label = label
        self.value = value
    }
}

/// The line-editor state of a prompt (filter, event search, export path).
public struct PromptState: Sendable, Hashable {
    public var text: String
    public init(text: String = "") { self.text = text }
}

/// Totals over all recordings, for the header.
public struct Totals: Sendable, Hashable {
    public var calls = 0
    public var recordedMilliseconds: Int64 = 0
    public var failedChunks = 0

    public init() {}

    /// The totals of `recordings`.
    public init<S: Sequence>(_ recordings: S) where S.Element == Recording {
        var calls = Set<String>()
        for recording in recordings {
            if let call = recording.callId { calls.insert(call) }
            recordedMilliseconds &+= max(0, recording.durationMs ?? 0)
            failedChunks += recording.chunks.reduce(0) { $0 + ($1.endedInFailure ? 1 : 0) }
        }
        self.calls = calls.count
    }
}

/// Everything the dashboard shows and remembers; views render it, `update` changes it.
public struct AppState: Sendable {
    // MARK: Data
    /// Every recording, by id, as the watcher last reported it.
    public var recordings: [String: Recording] = [:]
    /// Ids of the recordings shown, filtered and in display order.
    public private(set) var visible: [String] = []
    private var rowOfId: [String: Int] = [:]
    /// Every event that is not a recording event.
    public var otherEvents: [EventRef] = []
    public var problems: [Problem] = []
    public var summary = StoreSummary(files: 0, events: 0, recordings: 0, otherEvents: 0, duplicateDeliveries: 0, problems: 0)
    /// The directory as the user named it.
    public var directory: String
    /// The feed's state in words (`live`, `polling every 2 s`, `root missing`, …) and whether it is live.
    public var feedStatus: String = "starting"
    public var feedIsLive = false
    /// Files read so far and in all, while the first scan runs.
    public var loading: (done: Int, total: Int)?
    /// When each recording that arrived live came in (for the brief highlight).
    public var arrivedAt: [String: Timestamp] = [:]
    /// Recordings that arrived while not following and not looked at yet.
    public var unseenArrivals = 0
    /// Event times of the last hour, for the arrivals sparkline.
    public var arrivalTimes: [Timestamp] = []
    /// The header's totals over every recording, recomputed when recordings change (not per frame).
    public private(set) var totals = Totals()

    // MARK: Interaction
    public var keymap: Keymap
    public var size: (width: Int, height: Int)
    public var now: Timestamp
    /// Seconds east of UTC of the local zone (used when `utc` is off).
    public var localOffsetSeconds: Int
    public var utc: Bool
    public var focus: Pane = .recordings
    public var selectedId: String?
    public var recordingsScroll = 0
    public var chunkIndex = 0
    public var chunksScroll = 0
    /// The chunk pane shows every field of the selected chunk.
    public var chunkDetail = false
    public var follow: Bool
    public var groupByCall = false
    /// The recordings table's columns, in order (the config file may choose others).
    public var columns: [RecordingColumn] = RecordingColumn.dashboardDefault
    public var sort = RecordingSort()
    public var query = RecordingQuery()
    /// The filter being typed, when the prompt is open.
    public var filterPrompt: PromptState?
    /// Why the text in the filter prompt does not parse.
    public var filterError: String?
    /// The event-pane search being typed, when its prompt is open.
    public var searchPrompt: PromptState?
    public var overlay: Overlay?
    public var overlayScroll = 0
    public var overlaySelection = 0
    public var exportPrompt = PromptState()
    /// The event pane's content and where the user is in it.
    public var eventDocument: JSONDocument?
    public var eventState = JSONViewState()
    /// Which recording (or other event id) the event pane shows.
    public var eventSubject: String?
    public var themes: [Theme]
    public var themeIndex = 0
    /// A transient line for the status bar, and whether it reports an error.
    public var message: (text: String, isError: Bool, until: Timestamp)?

    public init(directory: String, size: (width: Int, height: Int), now: Timestamp, localOffsetSeconds: Int = 0,
                utc: Bool = false, follow: Bool = false, themes: [Theme] = Theme.builtIn,
                keymap: Keymap = .standard) {
        self.directory = directory
        self.size = size
        self.now = now
        self.localOffsetSeconds = localOffsetSeconds
        self.utc = utc
        self.follow = follow
        self.themes = themes.isEmpty ? [Theme.builtInDefault] : themes
        self.keymap = keymap
    }

    public var theme: Theme { themes[themeIndex % themes.count] }

    /// The recording the selection is on.
    public var selectedRecording: Recording? { selectedId.flatMap { recordings[$0] } }

    /// The row of the selection in `visible`.
    public var selectedRow: Int? { selectedId.flatMap { rowOfId[$0] } }

    /// Seconds to add to UTC for display.
    public var displayOffsetSeconds: Int { utc ? 0 : localOffsetSeconds }

    /// Recomputes `visible` from the recordings, the filter, the sort and grouping, keeping the
    /// selection on the same recording (or the nearest row when it left the list).
    public mutating func refreshVisible() {
        totals = Totals(recordings.values)
        let previousRow = selectedRow
        var list = recordings.values.filter { query.isEmpty || query.matches($0, now: now) }
        list = sort.sorted(list, now: now)
        if groupByCall {
            var order: [String: Int] = [:]
            for recording in list where order[recording.callId ?? ""] == nil {
                order[recording.callId ?? ""] = order.count
            }
            list = list.enumerated().sorted { lhs, rhs in
                let left = order[lhs.element.callId ?? ""]!, right = order[rhs.element.callId ?? ""]!
                return left != right ? left < right : lhs.offset < rhs.offset
            }.map(\.element)
        }
        visible = list.map(\.id)
        rowOfId = Dictionary(uniqueKeysWithValues: visible.enumerated().map { ($1, $0) })
        if follow, let first = visible.first {
            selectedId = first
        } else if selectedId == nil || rowOfId[selectedId!] == nil {
            selectedId = visible.isEmpty ? nil : visible[min(previousRow ?? 0, visible.count - 1)]
        }
    }

    /// Selects the row at `row` (clamped).
    public mutating func select(row: Int) {
        guard !visible.isEmpty else {
            selectedId = nil
            return
        }
        selectedId = visible[min(max(0, row), visible.count - 1)]
    }
}
