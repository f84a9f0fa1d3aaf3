import RecDeckCore

/// Carries out a keymap action on the panes (`Mode.browse`).
public func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .quit:
        return quitUnlessDownloading(&state)
    case .help:
        openOverlay(&state, .help)
    case .nextPane:
        state.focus = nextPane(after: state.focus, step: 1)
    case .previousPane:
        state.focus = nextPane(after: state.focus, step: -1)
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
        return move(&state, by: max(1, focusedPageSize(state) - 1))
    case .pageUp:
        return move(&state, by: -max(1, focusedPageSize(state) - 1))
    case .first:
        return move(&state, by: Int.min / 2)
    case .last:
        return move(&state, by: Int.max / 2)
    case .drillIn:
        switch state.focus {
        case .recordings where state.calls.shown: return CallsUpdate.open(&state)
        case .recordings: state.focus = .chunks
        case .chunks:
            if state.chunkDetail {
                state.focus = .event
            } else {
                state.chunkDetail = true
                state.chunkDetailScroll = 0
                return fetchMetadataIfMissing(&state)
            }
        case .event: toggleFold(&state)
        }
    case .back:
        if let effects = CallsUpdate.backToCalls(&state) { return effects }
        switch state.focus {
        case .recordings where state.calls.shown:
            return CallsUpdate.back(&state)
        case .recordings:
            if !state.query.isEmpty {
                state.setQuery(RecordingQuery())
                return selectionChanged(&state, resetChunk: false)
            }
        case .chunks:
            if state.chunkDetail { state.chunkDetail = false } else { state.focus = .recordings }
        case .event:
            state.focus = .chunks
        }
    case .filter:
        if state.focus == .event {
            state.mode = .searchPrompt(PromptState(text: state.eventState.search))
        } else {
            state.mode = .filterPrompt(PromptState(text: state.query.text), error: nil, applied: state.query)
        }
    case .command:
        state.mode = .commandPrompt(PromptState(), error: nil)
    case .nextMatch:
        state.eventState.nextMatch(in: state.eventDocument ?? JSONDocument(), height: eventHeight(state))
    case .previousMatch:
        state.eventState.previousMatch(in: state.eventDocument ?? JSONDocument(), height: eventHeight(state))
    case .sortKey where state.calls.shown:
        openOverlay(&state, .callSortChooser)
    case .sortDirection where state.calls.shown:
        return CallsUpdate.reverseSort(&state)
    case .sortKey:
        openOverlay(&state, .sortChooser)
    case .sortDirection:
        return SortChooser.sort(&state, by: state.wantedSort.field)
    case .follow:
        state.follow.toggle()
        if state.follow {
            state.unseenIds.removeAll()
            let before = state.selectedId
            state.refreshView()
            keepSelectionVisible(&state)
            if before != state.selectedId { return selectionChanged(&state, resetChunk: true) }
        }
    case .newestArrival:
        guard let newest = state.newestArrival, let row = state.list.row(of: newest) else {
            notify(&state, state.newestArrival == nil ? "nothing has arrived yet" : "the newest arrival is hidden by the filter", isError: false)
            return []
        }
        state.unseenIds.removeAll()
        guard row != state.selectedRow else { return [] }
        state.select(row: row)
        keepSelectionVisible(&state)
        return selectionChanged(&state, resetChunk: true)
    case .calls:
        return CallsUpdate.toggle(&state)
    case .nextDelivery:
        return RedeliveryKeys.nextDelivery(&state)
    case .problems:
        openOverlay(&state, .problems)
    case .allEvents:
        state.prepareEventList()
        openOverlay(&state, .allEvents)
    case .copy:
        let choices = copyChoices(state)
        if choices.isEmpty {
            notify(&state, "nothing to copy", isError: true)
        } else {
            openOverlay(&state, .copyMenu(choices))
        }
    case .export:
        state.mode = .exportPrompt(PromptState(text: "recordings.csv"))
    case .download:
        return startDownload(&state)
    case .downloads:
        openOverlay(&state, .downloads)
    case .toggleUTC:
        state.utc.toggle()
        // Dates without a zone in the filter are read in the display zone: read them again.
        if let query = try? RecordingQuery(parsing: state.query.text, utcOffsetSeconds: state.displayOffsetSeconds) {
            state.setQuery(query)
        }
        notify(&state, state.utc ? "times in UTC" : "times in local time", isError: false)
        return CallsUpdate.filterChanged(&state)
    case .nextTheme:
        state.themeIndex = (state.themeIndex + 1) % state.themes.count
        notify(&state, "theme: \(state.theme.name)", isError: false)
    case .fold:
        if state.focus == .event { toggleFold(&state) }
    case .wrap:
        EventPaneKeys.toggleWrap(&state)
    case .scrollLeft:
        EventPaneKeys.scrollSideways(&state, direction: -1)
    case .scrollRight:
        EventPaneKeys.scrollSideways(&state, direction: 1)
    case .scrollHome:
        EventPaneKeys.scrollHome(&state)
    case .previousEvent:
        EventPaneKeys.step(&state, by: -1)
    case .nextEvent:
        EventPaneKeys.step(&state, by: 1)
    case .redraw:
        return [.redraw]
    case .suspend:
        return [.suspend]
    }
    return []
}

private func nextPane(after pane: Pane, step: Int) -> Pane {
    let all = Pane.allCases
    return all[(all.firstIndex(of: pane)! + step + all.count) % all.count]
}

private func openOverlay(_ state: inout AppState, _ overlay: Overlay) {
    state.mode = .overlay(overlay, ListCursor())
}

/// Moves within the focused pane by `delta` rows (huge values mean first / last).
func move(_ state: inout AppState, by delta: Int) -> [Effect] {
    switch state.focus {
    case .recordings where state.calls.shown:
        return CallsUpdate.move(&state, by: delta)
    case .recordings:
        guard !state.visible.isEmpty else { return [] }
        let current = state.selectedRow ?? 0
        let target = min(max(0, current.addingReportingOverflow(delta).partialValue), state.visible.count - 1)
        guard target != current || state.selectedId == nil else { return [] }
        state.select(row: target)
        if target == 0 { state.unseenIds.removeAll() }
        if let id = state.selectedId { state.unseenIds.remove(id) }
        keepSelectionVisible(&state)
        return selectionChanged(&state, resetChunk: true)
    case .chunks where state.chunkDetail:
        // The detail scrolls, whole lines at a time, no further than its last line at the bottom.
        let width = (state.layout.panes[.chunks]?.width ?? 2) - 2
        let lines = ChunksView.detailLines(state, width: width)?.count ?? 0
        let rows = max(1, (state.layout.panes[.chunks]?.height ?? 3) - 2)
        state.chunkDetailScroll = min(max(0, state.chunkDetailScroll.addingReportingOverflow(delta).partialValue),
                                      max(0, lines - rows))
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
func selectionChanged(_ state: inout AppState, resetChunk: Bool) -> [Effect] {
    // The calls view's event pane follows the selected call, not the recording.
    guard !state.calls.shown else { return [] }
    if resetChunk {
        state.chunkIndex = 0
        state.chunksScroll = 0
        state.chunkDetail = false
    }
    guard let recording = state.selectedRecording else {
        state.eventDocument = nil
        state.eventSubject = nil
        state.eventLoading = false
        return []
    }
    let subject = EventSubject.recording(recording.id)
    if state.eventSubject == subject, !resetChunk, state.eventDocument != nil, !state.eventLoading,
       let loaded = state.eventDocument?.sectionCount, loaded == recording.eventCount {
        return []
    }
    return loadEvents(&state, subject, recording.events)
}

/// Points the event pane at `subject`, "loading…" until the text of `events` arrives.
func loadEvents(_ state: inout AppState, _ subject: EventSubject, _ events: [EventRef]) -> [Effect] {
    if state.eventSubject != subject {
        state.eventDocument = nil
        // Wrapping is the user's choice for every event; the sideways scroll was this one's.
        state.eventState = JSONViewState(wrap: state.eventState.wrap, width: state.eventState.width)
    }
    state.eventOpensAt = nil
    state.eventDeliveries = EventDeliveryView()
    state.eventSubject = subject
    state.eventLoading = true
    return [.loadEvents(subject: subject, events: events)]
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

/// Rows a page moves in the focused pane: recordings, chunks (or the chunk detail's lines), event lines.
private func focusedPageSize(_ state: AppState) -> Int {
    switch state.focus {
    case .recordings: pageSize(state)
    case .chunks where state.chunkDetail: max(1, (state.layout.panes[.chunks]?.height ?? 3) - 2) + 1
    case .chunks: chunkPageSize(state)
    case .event: eventHeight(state)
    }
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

/// Cells of text across the event pane (inside its border).
func eventWidth(_ state: AppState) -> Int {
    let layout = state.layout
    return max(1, (layout.panes[.event]?.width ?? 3) - 2)
}
