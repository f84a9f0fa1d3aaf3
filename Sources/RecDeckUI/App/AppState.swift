import Dispatch
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
    /// The downloads running, each with its progress.
    case downloads
    /// Choices of what to copy, each with the key that picks it.
    case copyMenu([CopyChoice])
    /// The sort fields, each with the letter that sorts by it (`s`).
    case sortChooser
    /// The calls view's sort fields, each with its letter (`s` there).
    case callSortChooser
}

/// Where the user is in a list overlay: the first row shown and the row selected.
public struct ListCursor: Sendable, Hashable {
    public var scroll = 0
    public var selection = 0
    public init(scroll: Int = 0, selection: Int = 0) {
        self.scroll = scroll
        self.selection = selection
    }
}

/// What the keyboard is talking to: the panes, one of the prompts, or an overlay. One value, so
/// two prompts can never be open at once, and a prompt's text lives only while it is open.
public enum Mode: Sendable, Hashable {
    /// The panes: keys are keymap actions.
    case browse
    /// The filter prompt (`/` on the recordings), with why its text does not parse, if it does
    /// not, and the filter in force when it opened (shown again while the text does not parse,
    /// and restored by Esc).
    case filterPrompt(PromptState, error: String?, applied: RecordingQuery)
    /// The event pane's search prompt (`/` in the event pane).
    case searchPrompt(PromptState)
    /// The export path prompt (`w`).
    case exportPrompt(PromptState)
    /// The `:` command line, with why the line last submitted could not run, if it could not.
    case commandPrompt(PromptState, error: String?)
    /// A window over the panes, and where the user is in it.
    case overlay(Overlay, ListCursor)

    /// The overlay shown, if any.
    public var overlay: Overlay? {
        if case .overlay(let overlay, _) = self { return overlay }
        return nil
    }

    /// Whether the one-line prompt under the panes is open (filter, search or command).
    public var promptOpen: Bool {
        switch self {
        case .filterPrompt, .searchPrompt, .commandPrompt: true
        default: false
        }
    }
}

/// One thing `y` can copy: its key, its label and the text.
public struct CopyChoice: Sendable, Hashable {
    public var key: Character
    public var label: String
    public var value: String
    /// Whether line breaks and tabs are the value's layout (the event JSON) and are kept when the
    /// other control characters are stripped.
    public var keepsLayout: Bool

    public init(key: Character, label: String, value: String, keepsLayout: Bool = false) {
        self.key = key
        self.label = label
        self.value = value
        self.keepsLayout = keepsLayout
    }
}

/// Totals over all recordings, for the header.
public struct Totals: Sendable, Hashable {
    public var calls = 0
    public var recordedMilliseconds: Int64 { recordedSum.value }
    var recordedSum = ExactSum()
    public var failedChunks = 0
    /// How many recordings have each fault (`failedChunk` included; `mediaExpired`, no fault, never).
    public var recordingsWith: [Anomaly: Int] = [:]
    /// Dead-lettered events: of recordings (counted as recordings come and go) and of the other events.
    public var deadLetteredRecordingEvents = 0
    public var deadLetteredOtherEvents = 0
    /// The newest event time of any recording, for the header's "last event 12s ago".
    public var newestEvent: Timestamp?
    /// Set when the recording holding `newestEvent` went away: `AppState` counts it again.
    var newestEventNeedsRecount = false

    public init() {}

    /// The totals of `recordings`.
    public init<S: Sequence>(_ recordings: S) where S.Element == Recording {
        var calls = Set<String>()
        for recording in recordings {
            if let call = recording.callId { calls.insert(call) }
            recordedSum.add(max(0, recording.durationMs ?? 0))
            failedChunks += recording.chunks.reduce(0) { $0 + ($1.endedInFailure ? 1 : 0) }
            for fault in recording.fixedAnomalies { recordingsWith[fault, default: 0] += 1 }
            deadLetteredRecordingEvents += recording.deadLetteredEventCount
            if let time = recording.lastEventTime { newestEvent = max(newestEvent ?? time, time) }
        }
        self.calls = calls.count
    }
}

/// Everything the dashboard shows and remembers; views render it, `update` changes it.
public struct AppState: Sendable {
    // MARK: Data
    /// Every recording, in sort order, and the rows the filter lets through.
    public internal(set) var list: RecordingList
    /// Where the selection was last seen in `visible` (checked before use: `selectedId` is public).
    private var rowHint: Int?
    /// How many recordings have each call id (kept packed: no text made), for the header's call count.
    private var callCounts: [PackedID: Int] = [:]
    /// Every event that is not a recording event.
    public var otherEvents: [EventRef] = [] {
        didSet { eventList?.replaceOtherEvents(otherEvents) }
    }
    /// The all-events overlay's rows: laid out during the first load (or when the overlay first
    /// opens, `prepareEventList()`), kept up to date by `apply(_:)` from then on.
    public private(set) var eventList: EventList?
    public var problems: [Problem] = []
    public var summary = StoreSummary(files: 0, events: 0, recordings: 0, otherEvents: 0, duplicateDeliveries: 0, problems: 0)
    /// The directory as the user named it.
    public var directory: String
    /// What `recdeck serve` has received, while it does (shown in the header).
    public var receiving: ReceivingSummary?
    /// What the event source is doing (`live`, `polling every 2s`, `directory missing`, …).
    public var feedStatus: WatchStatus = .scanning
    /// What the source says about how it follows the feed, as long as it holds (such as a fall-back
    /// from kernel notifications to polling); shown in the status line when nothing else is.
    public var feedNotice: String?
    /// Files read so far and in all, while the first scan runs.
    public var loading: (done: Int, total: Int)?
    /// When each recording that arrived live came in (for the brief highlight).
    public var arrivedAt: [PackedID: Timestamp] = [:]
    /// Recordings that arrived while not following and not looked at yet (a recording that goes
    /// away is no longer one of them).
    public var unseenIds: Set<PackedID> = []
    /// How many recordings the "N new" badge counts.
    public var unseenArrivals: Int { unseenIds.count }
    /// The recording whose event arrived last (the newest event time of the first load): what
    /// follow selects, whatever the sort, and what the jump key goes to.
    public var newestArrival: PackedID?
    /// Event times of the last hour, for the arrivals sparkline.
    public var arrivalTimes: [Timestamp] = []
    /// The header's totals over every recording, recomputed when recordings change (not per frame).
    public internal(set) var totals = Totals()

    // MARK: Interaction
    public var keymap: Keymap
    public var size: (width: Int, height: Int)
    public var now: Timestamp
    /// Seconds east of UTC of the local zone (used when `utc` is off).
    public var localOffsetSeconds: Int
    public var utc: Bool
    public var focus: Pane = .recordings
    public var selectedId: PackedID?
    public var recordingsScroll = 0
    public var chunkIndex = 0
    public var chunksScroll = 0
    /// The chunk pane shows every field of the selected chunk.
    public var chunkDetail = false
    /// The first line of the chunk detail shown (it scrolls when longer than the pane).
    public var chunkDetailScroll = 0
    public var follow: Bool
    /// The calls view (`c`): its listing, order and selection.
    public var calls = CallsViewState()
    /// The recordings table's columns, in order (the config file may choose others).
    public var columns: [RecordingColumn] = RecordingColumn.dashboardDefault
    /// The order of the recordings shown (`setSort`).
    public var sort: RecordingSort { list.sort }
    /// The order asked for: the one shown, or the one being sorted on a worker (`requestSort`).
    public var wantedSort: RecordingSort { list.pendingSort ?? list.sort }
    /// The filter in force (`setQuery`).
    public var query: RecordingQuery { queryForRecordings ?? list.pendingQuery ?? list.query }
    /// A filter set while the calls view is shown: the calls are listed with it on a worker, and
    /// the recordings are filtered with it when they are shown again (`refreshView`).
    private var queryForRecordings: RecordingQuery?
    /// Which prompt or overlay has the keyboard, if any.
    public var mode: Mode = .browse
    /// What was submitted at the prompts (kept across runs by the `Program`), and whether a
    /// failure to read or write it has been reported (it is, once).
    public var history = PromptHistory()
    public var historyFailureReported = false
    /// The event pane's content and where the user is in it.
    public var eventDocument: JSONDocument?
    public var eventState = JSONViewState()
    /// What the event pane shows (or will, once `eventDocument` for it is read).
    public var eventSubject: EventSubject?
    /// The event (`JSONDocument.Section.key`) the pane opens at once its text is read (Enter on a
    /// row of the all-events overlay), instead of the first.
    public var eventOpensAt: String?
    /// The text of `eventSubject` is being read: the pane says "loading…" until it arrives.
    public var eventLoading = false
    /// Which delivery of each redelivered event the pane shows (`r`), and what the pane title says of it.
    public var eventDeliveries = EventDeliveryView()
    public var themes: [Theme]
    public var themeIndex = 0
    /// A transient line for the status bar, and whether it reports an error.
    public var message: (text: String, isError: Bool, until: Timestamp)?
    /// The export path the user was told exists: Enter on it again replaces the file.
    public var exportReplaces: String?
    /// Downloads running (`d`), oldest first, and the id of the last one started.
    public var downloads: [DownloadStatus] = []
    public var lastDownloadId = 0
    /// The first `q` while downloads ran asked; the next key says whether to quit.
    public var quitWhileDownloadingAsked = false
    /// Chunk metadata documents `d` downloaded, by chunk document id: the chunk detail shows them
    /// for chunks whose document is not in the folder.
    public var fetchedMetadata: [String: ChunkMetadata] = [:]
    /// Whether downloads can run here (the program has a runner, with credentials): the chunk
    /// detail then downloads a metadata document it does not have.
    public var canDownload = false

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
        list = RecordingList(now: now)
    }

    public var theme: Theme { themes[themeIndex % themes.count] }

    /// Whether the feed is followed live.
    public var feedIsLive: Bool { feedStatus == .live }

    /// The recording the selection is on.
    public var selectedRecording: Recording? { selectedId.flatMap { list[id: $0] } }

    /// The ids of the recordings shown, filtered and in display order.
    public var visible: RecordingList.IDs { list.ids }

    /// The row of the selection in `visible`.
    public var selectedRow: Int? {
        guard let selectedId else { return nil }
        if let hint = rowHint, hint < list.count, list[row: hint].id == selectedId { return hint }
        return list.row(of: selectedId)
    }

    /// Where everything goes at the current size, focus and prompt.
    public var layout: Layout {
        Layout(width: size.width, height: size.height, focus: focus, promptOpen: mode.promptOpen, callsView: calls.shown)
    }

    /// Seconds to add to UTC for display.
    public var displayOffsetSeconds: Int { utc ? 0 : localOffsetSeconds }

    /// Changes the list with `change`, then keeps the selection on its recording (or the nearest
    /// row when it left the list); answers what `change` answers.
    private mutating func keepingSelection<Answer>(_ change: (inout RecordingList, Timestamp) -> Answer) -> Answer {
        let previousRow = selectedRow
        let answer = change(&list, now)
        settleSelection(previousRow: previousRow)
        return answer
    }

    /// Orders the recordings by `sort`, keeping the selection on its recording.
    public mutating func setSort(_ sort: RecordingSort) {
        keepingSelection { list, now in list.setSort(sort, now: now) }
    }

    /// `setSort` for a sort chosen at a key: one too large to work out between two keys is the
    /// effect returned, and the rows keep their order until its answer (`adoptSort`).
    public mutating func requestSort(_ sort: RecordingSort) -> [Effect] {
        keepingSelection { list, now in list.requestSort(sort, now: now) }.map { [.sortRecordings($0)] } ?? []
    }

    /// Shows the order a worker sorted (`Msg.recordingsSorted`), or asks for a sort chosen meanwhile.
    public mutating func adoptSort(_ answer: RecordingSortAnswer) -> [Effect] {
        keepingSelection { list, _ in list.adopt(answer) }.map { [.sortRecordings($0)] } ?? []
    }

    /// Filters the recordings by `query`, keeping the selection on its recording (or the nearest
    /// row when it left the list).
    public mutating func setQuery(_ query: RecordingQuery) {
        if calls.shown {
            queryForRecordings = query
            return
        }
        queryForRecordings = nil
        keepingSelection { list, now in list.setQuery(query, now: now) }
    }

    /// `setQuery` for a filter being typed: one too large to apply between two keys is the
    /// effect returned, and the rows stay those of the filter before until its answer
    /// (`adoptFilter`), so that typing never waits for it.
    public mutating func requestQuery(_ query: RecordingQuery) -> [Effect] {
        guard !calls.shown else {
            setQuery(query)
            return []
        }
        queryForRecordings = nil
        return keepingSelection { list, now in list.requestQuery(query, now: now) }.map { [.filterRecordings($0)] } ?? []
    }

    /// Shows the rows a worker filtered (`Msg.recordingsFiltered`), or asks again for a query
    /// typed meanwhile.
    public mutating func adoptFilter(_ answer: RecordingFilterAnswer) -> [Effect] {
        keepingSelection { list, _ in list.adopt(answer) }.map { [.filterRecordings($0)] } ?? []
    }

    /// Applies a filter set while the calls were shown and the clock to an order or filter on
    /// age, and settles the selection (on the newest arrival when following).
    public mutating func refreshView() {
        let previousRow = selectedRow
        if !calls.shown, let query = queryForRecordings {
            queryForRecordings = nil
            list.setQuery(query, now: now)
        }
        list.refresh(now: now)
        settleSelection(previousRow: previousRow)
    }

    /// Builds the all-events overlay's rows if they are not there yet.
    public mutating func prepareEventList() {
        if eventList == nil { eventList = EventList(recordings: list.all, otherEvents: otherEvents) }
    }

    /// Applies a store delta to the recording list and the totals: a few recordings cost a few
    /// binary searches instead of a sort of them all. During the first load the totals (and the
    /// all-events overlay's rows, so that `e` is instant) are counted on the other core while the
    /// recordings are sorted.
    public mutating func apply(_ delta: StoreDelta) {
        let changed = delta.added.count + delta.updated.count + delta.removed.count
        guard changed > 0 else {
            // Nothing new, but a filter or sort on age still moves with the clock.
            if query.dependsOnClock || sort.dependsOnClock { refreshView() }
            return
        }
        let previousRow = selectedRow
        let firstLoad = list.all.isEmpty && delta.removed.isEmpty && delta.updated.isEmpty
        // Only the first load counts beside the sort (from no counts at all): a copy of the call
        // counts taken here would be copied again by any change made to them in place.
        let startTotals = totals
        let buildEvents = firstLoad && eventList == nil, others = otherEvents
        let applied = list.apply(delta, now: now) { _, arriving -> (counts: [PackedID: Int], totals: Totals, events: EventList?)? in
            guard firstLoad else { return nil }
            var counts: [PackedID: Int] = [:], sums = startTotals
            counts.reserveCapacity(arriving.count)
            for new in arriving { Self.count(new, by: 1, into: &counts, &sums) }
            return (counts: counts, totals: sums, events: buildEvents ? EventList(recordings: arriving, otherEvents: others) : nil)
        }
        if let counted = applied.beside ?? nil {
            callCounts = counted.counts
            totals = counted.totals
            if let events = counted.events { eventList = events }
        } else {
            for old in applied.leaving { Self.count(old, by: -1, into: &callCounts, &totals) }
            for new in applied.arriving { Self.count(new, by: 1, into: &callCounts, &totals) }
        }
        if !buildEvents { eventList?.replace(leaving: applied.leaving, arriving: applied.arriving) }
        totals.calls = callCounts.count
        recountNewestEventIfNeeded()
        settleSelection(previousRow: previousRow)
    }

    /// Finds the newest event again after the recording that held it went away (the only case
    /// that needs every recording looked at).
    private mutating func recountNewestEventIfNeeded() {
        guard totals.newestEventNeedsRecount else { return }
        totals.newestEvent = list.all.lazy.compactMap(\.lastEventTime).max()
        totals.newestEventNeedsRecount = false
    }

    /// Adds (`by` 1) or takes away (-1) one recording's share of the totals.
    private static func count(_ recording: Recording, by sign: Int, into callCounts: inout [PackedID: Int], _ totals: inout Totals) {
        if let call = recording.packedCallId {
            let left = (callCounts[call] ?? 0) + sign
            callCounts[call] = left > 0 ? left : nil
        }
        let duration = max(0, recording.durationMs ?? 0)
        if sign > 0 { totals.recordedSum.add(duration) } else { totals.recordedSum.subtract(duration) }
        totals.failedChunks += sign * recording.failedChunkCount
        totals.deadLetteredRecordingEvents += sign * recording.deadLetteredEventCount
        if let time = recording.lastEventTime {
            if sign < 0, time == totals.newestEvent { totals.newestEventNeedsRecount = true }
            if sign > 0, time >= totals.newestEvent ?? time {
                totals.newestEvent = time
                totals.newestEventNeedsRecount = false
            }
        }
        for fault in recording.fixedAnomalies {
            let left = totals.recordingsWith[fault, default: 0] + sign
            totals.recordingsWith[fault] = left > 0 ? left : nil
        }
    }

    /// Keeps the selection on its recording, or the nearest row when it left the list.
    private mutating func settleSelection(previousRow: Int?) {
        if follow, let newest = newestArrival, list.row(of: newest) != nil {
            selectedId = newest
            rowHint = nil
            return
        }
        if let row = selectedRow {
            rowHint = row
            return
        }
        guard list.count > 0 else {
            selectedId = nil
            rowHint = nil
            return
        }
        let row = min(previousRow ?? 0, list.count - 1)
        selectedId = list[row: row].id
        rowHint = row
    }

    /// Selects the row at `row` (clamped).
    public mutating func select(row: Int) {
        guard list.count > 0 else {
            selectedId = nil
            return
        }
        let clamped = min(max(0, row), list.count - 1)
        selectedId = list[row: clamped].id
        rowHint = clamped
    }
}
