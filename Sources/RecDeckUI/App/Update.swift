import Foundation
import RecDeckCore

/// How long a recording that arrived live stays highlighted.
let arrivalHighlightNanoseconds: Int64 = 5_000_000_000

/// Applies `msg` to `state` and returns the work the run loop must do. Pure: no files, no terminal.
public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .input(.resize(let width, let height)):
        state.size = (width, height)
        keepSelectionVisible(&state)
        return []
    case .input(.key(let key)):
        return handleKey(&state, key)
    case .input(.mouse(let mouse)):
        return handleMouse(&state, mouse)
    case .tick(let now):
        state.now = now
        if let message = state.message, message.until < now { state.message = nil }
        state.arrivedAt = state.arrivedAt.filter { now.nanoseconds - $0.value.nanoseconds < arrivalHighlightNanoseconds }
        return []
    case .storeChanged(let delta, let summary, let problems, let otherEvents, let initialLoad):
        return applyStoreChange(&state, delta, summary: summary, problems: problems, otherEvents: otherEvents, initialLoad: initialLoad)
    case .feedStatus(let text, let isLive):
        state.feedStatus = text
        state.feedIsLive = isLive
        return []
    case .loadProgress(let done, let total):
        state.loading = (done, total)
        return []
    case .loadFinished:
        state.loading = nil
        return []
    case .eventLoaded(let subject, let sections):
        guard subject == state.eventSubject else { return [] }
        state.eventDocument = JSONDocument(sections: sections)
        state.eventState = JSONViewState()
        if let search = state.searchPrompt?.text, !search.isEmpty { state.eventState.setSearch(search, in: state.eventDocument!) }
        return []
    case .notice(let text, let isError):
        notify(&state, text, isError: isError)
        return []
    }
}

// MARK: - Store

private func applyStoreChange(_ state: inout AppState, _ delta: StoreDelta, summary: StoreSummary,
                              problems: [Problem]?, otherEvents: [EventRef]?, initialLoad: Bool) -> [Effect] {
    let previousSelection = state.selectedId
    let previous = state.selectedRecording
    for (id, recording) in delta.added {
        if !initialLoad {
            state.arrivedAt[id] = state.now
            if !state.follow { state.unseenArrivals += 1 }
        }
        if let time = recording.lastEventTime, state.now.nanoseconds - time.nanoseconds < 3_600_000_000_000 {
            state.arrivalTimes.append(time)
        }
    }
    state.arrivalTimes.removeAll { state.now.nanoseconds - $0.nanoseconds >= 3_600_000_000_000 }
    state.summary = summary
    if let problems { state.problems = problems }
    if let otherEvents { state.otherEvents = otherEvents }
    // Recordings, header totals, sorted order and filter, changed only where the delta says.
    state.apply(delta)
    keepSelectionVisible(&state)
    // Reload the event pane when the selection moved or its recording changed.
    if state.selectedId != previousSelection || state.selectedRecording != previous {
        return selectionChanged(&state, resetChunk: state.selectedId != previousSelection)
    }
    return []
}

// MARK: - Keys

private func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if state.overlay != nil { return handleOverlayKey(&state, key) }
    if state.filterPrompt != nil { return handleFilterKey(&state, key) }
    if state.searchPrompt != nil { return handleSearchKey(&state, key) }
    guard let action = state.keymap.action(for: key) else { return [] }
    return perform(&state, action)
}

/// Carries out a keymap action on the main screen.
public func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .quit:
        return [.quit]
    case .help:
        openOverlay(&state, .help)
    case .nextPane:
        state.focus = nextPane(after: state.focus, step: 1, state: state)
    case .previousPane:
        state.focus = nextPane(after: state.focus, step: -1, state: state)
    case .focusRecordings:
        state.focus = .recordings
    case .focusChunks:
        state.focus = .chunks
    case .focusEvent:
        state.focus = .event
    case .moveDown:
        return move(&state, by: 1)
    case .moveUp:
        return move(&state, by: -1)
    case .pageDown:
        return move(&state, by: max(1, pageSize(state) - 1))
    case .pageUp:
        return move(&state, by: -max(1, pageSize(state) - 1))
    case .first:
        return move(&state, by: Int.min / 2)
    case .last:
        return move(&state, by: Int.max / 2)
    case .drillIn:
        switch state.focus {
        case .recordings: state.focus = .chunks
        case .chunks:
            if state.chunkDetail { state.focus = .event } else { state.chunkDetail = true }
        case .event: toggleFold(&state)
        }
    case .back:
        switch state.focus {
        case .recordings:
            if !state.query.isEmpty {
                state.query = RecordingQuery()
                state.refreshView()
                return selectionChanged(&state, resetChunk: false)
            }
        case .chunks:
            if state.chunkDetail { state.chunkDetail = false } else { state.focus = .recordings }
        case .event:
            state.focus = .chunks
        }
    case .filter:
        if state.focus == .event {
            state.searchPrompt = PromptState(text: state.eventState.search)
        } else {
            state.filterPrompt = PromptState(text: state.query.text)
            state.filterError = nil
        }
    case .nextMatch:
        state.eventState.nextMatch(in: state.eventDocument ?? JSONDocument(), height: eventHeight(state))
    case .previousMatch:
        state.eventState.previousMatch(in: state.eventDocument ?? JSONDocument(), height: eventHeight(state))
    case .sortKey:
        let order = SortField.allCases
        let next = order[(order.firstIndex(of: state.sort.field)! + 1) % order.count]
        state.sort = RecordingSort(field: next)
        state.refreshView()
        keepSelectionVisible(&state)
        notify(&state, "sorted by \(state.sort)", isError: false)
    case .sortDirection:
        state.sort.ascending.toggle()
        state.refreshView()
        keepSelectionVisible(&state)
        notify(&state, "sorted by \(state.sort)", isError: false)
    case .follow:
        state.follow.toggle()
        if state.follow {
            state.unseenArrivals = 0
            let before = state.selectedId
            state.refreshView()
            keepSelectionVisible(&state)
            if before != state.selectedId { return selectionChanged(&state, resetChunk: true) }
        }
    case .groupByCall:
        state.groupByCall.toggle()
        state.refreshView()
        keepSelectionVisible(&state)
        notify(&state, state.groupByCall ? "grouped by call" : "not grouped", isError: false)
    case .problems:
        openOverlay(&state, .problems)
    case .allEvents:
        openOverlay(&state, .allEvents)
    case .copy:
        let choices = copyChoices(state)
        if choices.isEmpty {
            notify(&state, "nothing to copy", isError: true)
        } else {
            openOverlay(&state, .copyMenu(choices))
        }
    case .export:
        state.exportPrompt = PromptState(text: "recordings.csv")
        openOverlay(&state, .exportPrompt)
    case .toggleUTC:
        state.utc.toggle()
        // Dates without a zone in the filter are read in the display zone: read them again.
        if let query = try? RecordingQuery(parsing: state.query.text, utcOffsetSeconds: state.displayOffsetSeconds) {
            state.query = query
            state.refreshView()
        }
        notify(&state, state.utc ? "times in UTC" : "times in local time", isError: false)
    case .nextTheme:
        state.themeIndex = (state.themeIndex + 1) % state.themes.count
        notify(&state, "theme: \(state.theme.name)", isError: false)
    case .fold:
        if state.focus == .event { toggleFold(&state) }
    case .redraw:
        return [.redraw]
    case .suspend:
        return [.suspend]
    }
    return []
}

private func nextPane(after pane: Pane, step: Int, state: AppState) -> Pane {
    let all = Pane.allCases
    return all[(all.firstIndex(of: pane)! + step + all.count) % all.count]
}

private func openOverlay(_ state: inout AppState, _ overlay: Overlay) {
    state.overlay = overlay
    state.overlayScroll = 0
    state.overlaySelection = 0
}

/// Moves within the focused pane by `delta` rows (huge values mean first / last).
private func move(_ state: inout AppState, by delta: Int) -> [Effect] {
    switch state.focus {
    case .recordings:
        guard !state.visible.isEmpty else { return [] }
        let current = state.selectedRow ?? 0
        let target = min(max(0, current.addingReportingOverflow(delta).partialValue), state.visible.count - 1)
        guard target != current || state.selectedId == nil else { return [] }
        state.select(row: target)
        if target == 0 { state.unseenArrivals = 0 }
        keepSelectionVisible(&state)
        return selectionChanged(&state, resetChunk: true)
    case .chunks:
        let count = state.selectedRecording?.chunks.count ?? 0
        guard count > 0 else { return [] }
        state.chunkIndex = min(max(0, state.chunkIndex.addingReportingOverflow(delta).partialValue), count - 1)
        keepSelectionVisible(&state)
    case .event:
        state.eventState.moveCursor(by: delta, in: state.eventDocument ?? JSONDocument(), height: eventHeight(state))
    }
    return []
}

/// After the selection moved: reset the chunk cursor and ask for the new recording's events.
private func selectionChanged(_ state: inout AppState, resetChunk: Bool) -> [Effect] {
    if resetChunk {
        state.chunkIndex = 0
        state.chunksScroll = 0
        state.chunkDetail = false
    }
    guard let recording = state.selectedRecording else {
        state.eventDocument = nil
        state.eventSubject = nil
        return []
    }
    if state.eventSubject == recording.id, !resetChunk, state.eventDocument != nil,
       let loaded = state.eventDocument?.sectionCount, loaded == recording.events.count {
        return []
    }
    state.eventSubject = recording.id
    return [.loadEvents(subject: recording.id, events: recording.events)]
}

/// Folds or unfolds the container at the event pane's cursor.
private func toggleFold(_ state: inout AppState) {
    guard let document = state.eventDocument else { return }
    state.eventState.toggleFold(in: document, height: eventHeight(state))
}

/// Scrolls the recordings and chunks panes so their cursors are on screen.
func keepSelectionVisible(_ state: inout AppState) {
    let rows = pageSize(state)
    if let row = state.selectedRow {
        if row < state.recordingsScroll { state.recordingsScroll = row }
        if row >= state.recordingsScroll + rows { state.recordingsScroll = row - rows + 1 }
    }
    state.recordingsScroll = max(0, min(state.recordingsScroll, max(0, state.visible.count - rows)))
    let chunkRows = chunkPageSize(state)
    if state.chunkIndex < state.chunksScroll { state.chunksScroll = state.chunkIndex }
    if state.chunkIndex >= state.chunksScroll + chunkRows { state.chunksScroll = state.chunkIndex - chunkRows + 1 }
}

/// Rows of recordings visible in the recordings pane (inside the border, below the column header).
func pageSize(_ state: AppState) -> Int {
    let layout = state.layout
    let rect = layout.panes[.recordings] ?? layout.panes.values.first ?? Rect(x: 0, y: 0, width: 0, height: 3)
    return max(1, rect.height - 3)
}

private func chunkPageSize(_ state: AppState) -> Int {
    let layout = state.layout
    return max(1, (layout.panes[.chunks]?.height ?? 4) - 3)
}

/// Lines of text visible in the event pane.
func eventHeight(_ state: AppState) -> Int {
    let layout = state.layout
    return max(1, (layout.panes[.event]?.height ?? 3) - 2)
}

private func notify(_ state: inout AppState, _ text: String, isError: Bool) {
    state.message = (text, isError, Timestamp(nanoseconds: state.now.nanoseconds + 4_000_000_000))
}

// MARK: - Prompts

/// Edits `prompt` with `key`; returns true when the key was consumed as editing.
private func edit(_ prompt: inout PromptState, _ key: Key) -> Bool {
    switch key {
    case .character(let character):
        prompt.text.append(character)
    case .backspace, .delete, .control("h"):
        if !prompt.text.isEmpty { prompt.text.removeLast() }
    case .control("u"):
        prompt.text = ""
    case .control("w"):
        while prompt.text.last == " " { prompt.text.removeLast() }
        while let last = prompt.text.last, last != " " { prompt.text.removeLast() }
    default:
        return false
    }
    return true
}

private func handleFilterKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    switch key {
    case .enter:
        state.filterPrompt = nil
        state.filterError = nil
        return []
    case .escape, .control("c"):
        state.filterPrompt = nil
        state.filterError = nil
        state.query = RecordingQuery()
        state.refreshView()
        keepSelectionVisible(&state)
        return selectionChanged(&state, resetChunk: false)
    default:
        guard var prompt = state.filterPrompt, edit(&prompt, key) else { return [] }
        state.filterPrompt = prompt
        do {
            state.query = try RecordingQuery(parsing: prompt.text, utcOffsetSeconds: state.displayOffsetSeconds)
            state.filterError = nil
            let before = state.selectedId
            state.refreshView()
            keepSelectionVisible(&state)
            return before == state.selectedId ? [] : selectionChanged(&state, resetChunk: true)
        } catch {
            state.filterError = error.message
            return []
        }
    }
}

private func handleSearchKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    switch key {
    case .enter:
        state.searchPrompt = nil
    case .escape, .control("c"):
        state.searchPrompt = nil
        state.eventState.setSearch("", in: state.eventDocument ?? JSONDocument())
    default:
        guard var prompt = state.searchPrompt, edit(&prompt, key) else { return [] }
        state.searchPrompt = prompt
        state.eventState.setSearch(prompt.text, in: state.eventDocument ?? JSONDocument())
        state.eventState.nextMatch(in: state.eventDocument ?? JSONDocument(), height: eventHeight(state), fromCursor: true)
    }
    return []
}

// MARK: - Overlays

private func handleOverlayKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard let overlay = state.overlay else { return [] }
    switch overlay {
    case .copyMenu(let choices):
        if case .character(let character) = key, let choice = choices.first(where: { $0.key == character }) {
            state.overlay = nil
            return [.copy(choice.value, what: choice.label)]
        }
        if key == .escape || key == .character("q") || key == .control("c") { state.overlay = nil }
        return []
    case .exportPrompt:
        switch key {
        case .enter:
            state.overlay = nil
            let path = state.exportPrompt.text.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else { return [] }
            return [.export(path: path, ids: state.visible)]
        case .escape, .control("c"):
            state.overlay = nil
        default:
            _ = edit(&state.exportPrompt, key)
        }
        return []
    case .help, .problems, .allEvents:
        let count = overlayLineCount(state)
        let page = max(1, state.size.height - 6)
        switch state.keymap.action(for: key) {
        case .moveDown?: state.overlaySelection += 1
        case .moveUp?: state.overlaySelection -= 1
        case .pageDown?: state.overlaySelection += page
        case .pageUp?: state.overlaySelection -= page
        case .first?: state.overlaySelection = 0
        case .last?: state.overlaySelection = count - 1
        case .drillIn? where overlay == .allEvents:
            return openEventFromList(&state)
        case .quit?, .back?, .help?, .problems?, .allEvents?:
            state.overlay = nil
            return []
        default:
            return []
        }
        state.overlaySelection = min(max(0, state.overlaySelection), max(0, count - 1))
        if state.overlaySelection < state.overlayScroll { state.overlayScroll = state.overlaySelection }
        if state.overlaySelection >= state.overlayScroll + page { state.overlayScroll = state.overlaySelection - page + 1 }
        return []
    }
}

/// Number of selectable lines in a list overlay.
func overlayLineCount(_ state: AppState) -> Int {
    switch state.overlay {
    case .help?: state.keymap.bindings.count
    case .problems?: state.problems.count
    case .allEvents?: allEventRows(state).count
    default: 0
    }
}

/// Every event, recording or not, newest first: (event, the recording it belongs to).
func allEventRows(_ state: AppState) -> [(event: EventRef, recordingId: String?)] {
    var rows = state.otherEvents.map { (event: $0, recordingId: String?.none) }
    for recording in state.recordings.values {
        for event in recording.events { rows.append((event, recording.id)) }
    }
    return rows.sorted { lhs, rhs in
        let left = lhs.event.time?.nanoseconds ?? .min, right = rhs.event.time?.nanoseconds ?? .min
        return left != right ? left > right : lhs.event.location < rhs.event.location
    }
}

/// Enter in the all-events list: a recording event selects its recording; another event opens in the event pane.
private func openEventFromList(_ state: inout AppState) -> [Effect] {
    let rows = allEventRows(state)
    guard state.overlaySelection < rows.count else { return [] }
    let row = rows[state.overlaySelection]
    state.overlay = nil
    if let id = row.recordingId {
        if !state.visible.contains(id) {
            state.query = RecordingQuery()
            state.refreshView()
        }
        state.selectedId = id
        state.focus = .event
        keepSelectionVisible(&state)
        return selectionChanged(&state, resetChunk: true)
    }
    state.focus = .event
    state.eventSubject = "event:" + row.event.id
    return [.loadEvents(subject: state.eventSubject!, events: [row.event])]
}

/// What `y` offers for the current selection.
func copyChoices(_ state: AppState) -> [CopyChoice] {
    guard let recording = state.selectedRecording else { return [] }
    var choices: [CopyChoice] = []
    choices.append(CopyChoice(key: "i", label: "recording id", value: recording.recordingId ?? recording.id))
    if let call = recording.callId { choices.append(CopyChoice(key: "c", label: "call id", value: call)) }
    if let server = recording.serverCallId { choices.append(CopyChoice(key: "s", label: "server call id", value: server)) }
    let chunk = recording.chunks.indices.contains(state.chunkIndex) ? recording.chunks[state.chunkIndex] : nil
    let which = chunk.flatMap { $0.index.map { " of chunk \($0)" } } ?? ""
    if let url = chunk?.contentLocation { choices.append(CopyChoice(key: "u", label: "content URL\(which)", value: url)) }
    if let url = chunk?.metadataLocation { choices.append(CopyChoice(key: "m", label: "metadata URL\(which)", value: url)) }
    if let url = chunk?.deleteLocation { choices.append(CopyChoice(key: "d", label: "delete URL\(which)", value: url)) }
    if let document = chunk?.documentId { choices.append(CopyChoice(key: "o", label: "document id\(which)", value: document)) }
    if let text = state.eventDocument?.sourceText, state.eventSubject == recording.id {
        choices.append(CopyChoice(key: "j", label: "event JSON", value: text))
    }
    return choices
}

// MARK: - Mouse

private func handleMouse(_ state: inout AppState, _ mouse: MouseEvent) -> [Effect] {
    guard state.overlay == nil else { return [] }
    let layout = state.layout
    guard let pane = layout.pane(atColumn: mouse.column, row: mouse.row), let rect = layout.panes[pane] else { return [] }
    switch mouse.action {
    case .wheelUp, .wheelDown:
        let focus = state.focus
        state.focus = pane
        let effects = move(&state, by: mouse.action == .wheelUp ? -3 : 3)
        state.focus = focus
        return effects
    case .press:
        state.focus = pane
        let row = mouse.row - rect.y - 2
        switch pane {
        case .recordings:
            guard row >= 0 else { return [] }
            let target = state.recordingsScroll + row
            guard target < state.visible.count, target != state.selectedRow else { return [] }
            state.select(row: target)
            return selectionChanged(&state, resetChunk: true)
        case .chunks:
            guard row >= 0, !state.chunkDetail else { return [] }
            let target = state.chunksScroll + row
            if target < state.selectedRecording?.chunks.count ?? 0 { state.chunkIndex = target }
        case .event:
            state.eventState.moveCursor(toVisibleRow: mouse.row - rect.y - 1, in: state.eventDocument ?? JSONDocument(), height: eventHeight(state))
        }
        return []
    }
}
