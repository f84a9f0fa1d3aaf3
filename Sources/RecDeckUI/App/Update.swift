import RecDeckCore

/// How long a recording that arrived live stays highlighted.
let arrivalHighlightNanoseconds: Int64 = 5_000_000_000

/// Applies `msg` to `state` and returns the work the run loop must do. Pure: no files, no terminal.
///
/// Keys go to the handler of the current `Mode` (`BrowseKeys`, `PromptKeys`, `OverlayKeys`).
public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    // Whatever changed the layout, the event pane's lines wrap at its width.
    defer { state.eventState.width = eventWidth(state) }
    switch msg {
    case .input(.resize(let width, let height)):
        state.size = (width, height)
        keepSelectionVisible(&state)
        if state.eventState.wrap, let document = state.eventDocument {
            state.eventState.width = eventWidth(state)
            state.eventState.keepCursorVisible(in: document, height: eventHeight(state))
        }
        return []
    case .input(.key(.alt(let character))) where altMeansNothing(state, character):
        // Alt-x is Escape then x to the terminal: where Alt-x means nothing, it is those two keys.
        return update(&state, .input(.key(.escape))) + update(&state, .input(.key(.character(character))))
    case .input(.key(let key)):
        switch state.mode {
        case .browse:
            guard let action = state.keymap.action(for: key) else {
                // Said briefly, so a mistyped key is not mistaken for one that did nothing.
                notify(&state, "\(KeyName.label(key)): not a key here · \(state.keymap.label(of: .help)) for help", isError: false)
                return []
            }
            if action != .quit { state.quitWhileDownloadingAsked = false }
            return perform(&state, action)
        case .filterPrompt, .searchPrompt, .exportPrompt, .commandPrompt:
            return PromptKeys.handle(&state, key)
        case .overlay:
            return OverlayKeys.handle(&state, key)
        }
    case .input(.paste(let text)):
        return PromptKeys.paste(&state, text)
    case .input(.mouse(let mouse)):
        return MouseInput.handle(&state, mouse)
    case .tick(let now):
        state.now = now
        if let message = state.message, message.until < now { state.message = nil }
        state.arrivedAt = state.arrivedAt.filter { now.nanoseconds(since: $0.value) < arrivalHighlightNanoseconds }
        return []
    case .storeChanged(let delta, let summary, let problems, let otherEvents, let initialLoad):
        return applyStoreChange(&state, delta, summary: summary, problems: problems, otherEvents: otherEvents, initialLoad: initialLoad)
    case .feedStatus(let status, let notice):
        state.feedStatus = status
        state.feedNotice = notice
        return []
    case .loadProgress(let done, let total):
        state.loading = (done, total)
        return []
    case .loadFinished:
        state.loading = nil
        return []
    case .eventLoaded(let subject, let sections, let deliveryNote):
        guard subject == state.eventSubject else { return [] } // superseded by a later selection
        let document = JSONDocument(sections)
        state.eventDeliveries.note = deliveryNote
        // The same subject laid out again (another of its events arrived, another delivery):
        // the pane stays where it was; `loadEvents` let go of another subject's document.
        let previous = state.eventDocument
        state.eventDocument = document
        state.eventLoading = false
        state.eventState = previous.map { state.eventState.carried(from: $0, to: document, height: eventHeight(state)) }
            ?? JSONViewState(wrap: state.eventState.wrap, width: state.eventState.width)
        if let key = state.eventOpensAt, let section = sections.firstIndex(where: { $0.key == key }) {
            state.eventState.open(section: section, in: document, height: eventHeight(state))
        }
        state.eventOpensAt = nil
        if case .searchPrompt(let prompt) = state.mode, !prompt.text.isEmpty { state.eventState.setSearch(prompt.text, in: document) }
        return []
    case .copied(let what, let written):
        notify(&state, written ? "copied the \(what)" : "the terminal does not accept clipboard writes", isError: !written)
        return []
    case .exported(let result):
        if case .exists(let path) = result {
            // Asked, not replaced: the prompt comes back with the path, and Enter confirms.
            state.mode = .exportPrompt(PromptState(text: path))
            state.exportReplaces = path
        }
        notify(&state, result.description, isError: result.failed)
        return []
    case .notice(let text, let isError):
        notify(&state, text, isError: isError)
        return []
    case .callEventsChanged(let events):
        CallsUpdate.callEventsChanged(&state, events)
        return []
    case .callsListed(let answer):
        return CallsUpdate.listed(&state, answer)
    case .pathsListed(let listing, let candidates):
        PromptKeys.pathsListed(&state, listing, candidates)
        return []
    case .recordingsFiltered(let answer):
        let before = state.selectedId
        let again = state.adoptFilter(answer)
        keepSelectionVisible(&state)
        return again + (before == state.selectedId ? [] : selectionChanged(&state, resetChunk: true))
    case .recordingsSorted(let answer):
        let before = state.selectedId
        let pending = state.list.pendingSort
        let again = state.adoptSort(answer)
        if pending != nil, state.list.pendingSort == nil { notify(&state, "sorted by \(state.sort)", isError: false) }
        keepSelectionVisible(&state)
        return again + (before == state.selectedId ? [] : selectionChanged(&state, resetChunk: true))
    case .receiving(let summary):
        if let url = summary.validationUrl, url != state.receiving?.validationUrl {
            notify(&state, "subscription validation answered; its validation URL: \(url)", isError: false)
        }
        state.receiving = summary
        return []
    case .download(let id, let bytes, let total, let outcome):
        downloadChanged(&state, id: id, bytes: bytes, total: total, outcome: outcome)
        return []
    case .historyLoaded(.success(let loaded)):
        // What was submitted before the file was read comes after what it holds.
        var history = loaded
        for kind in PromptKind.allCases {
            for entry in state.history[kind] { history.add(entry, to: kind) }
        }
        let submittedMeanwhile = state.history != PromptHistory()
        state.history = history
        // A save made before the file was read held only this run's entries: write them all.
        return submittedMeanwhile ? [.saveHistory(history)] : []
    case .historyLoaded(.failure(let error)), .historySaved(let error?):
        guard !state.historyFailureReported else { return [] }
        state.historyFailureReported = true
        notify(&state, error.description, isError: true)
        return []
    case .historySaved(nil):
        return []
    }
}

/// Whether Alt-`character` does nothing where the keyboard is: not an edit in a prompt, not a
/// key of the keymap (a config file may bind `alt-x`) on the panes.
private func altMeansNothing(_ state: AppState, _ character: Character) -> Bool {
    switch state.mode {
    case .browse: state.keymap.action(for: .alt(character)) == nil
    case .overlay: true
    case .filterPrompt, .searchPrompt, .commandPrompt, .exportPrompt: !LineEditor.altKeys.contains(character)
    }
}

// MARK: - Store

private func applyStoreChange(_ state: inout AppState, _ delta: StoreDelta, summary: StoreSummary,
                              problems: [Problem]?, otherEvents: [EventRef]?, initialLoad: Bool) -> [Effect] {
    let previousSelection = state.selectedId
    let previous = state.selectedRecording
    // The recording whose event came last: of this batch's, the one with the newest event.
    // (An id is in one of the two.)
    let arrived = [delta.added, delta.updated].joined()
    if let newest = arrived.max(by: {
        ($0.value.lastEventTime?.nanoseconds ?? .min, $0.key) < ($1.value.lastEventTime?.nanoseconds ?? .min, $1.key)
    }) {
        state.newestArrival = newest.key
    }
    state.unseenIds.subtract(delta.removed)
    if let gone = state.newestArrival, delta.removed.contains(gone) { state.newestArrival = nil }
    for (id, recording) in delta.added {
        if !initialLoad {
            state.arrivedAt[id] = state.now
            if !state.follow { state.unseenIds.insert(id) }
        }
        if let time = recording.lastEventTime, state.now.nanoseconds(since: time) < 3_600_000_000_000 {
            state.arrivalTimes.append(time)
        }
    }
    state.arrivalTimes.removeAll { state.now.nanoseconds(since: $0) >= 3_600_000_000_000 }
    state.summary = summary
    if let problems { state.problems = problems }
    if let otherEvents {
        state.otherEvents = otherEvents
        state.totals.deadLetteredOtherEvents = otherEvents.reduce(0) { $0 + ($1.deadLetter != nil ? 1 : 0) }
    }
    // Recordings, header totals, sorted order and filter, changed only where the delta says.
    state.apply(delta)
    keepSelectionVisible(&state)
    let callEffects = CallsUpdate.storeChanged(&state, delta)
    // Reload the event pane when the selection moved or its recording changed.
    if state.selectedId != previousSelection || state.selectedRecording != previous {
        return callEffects + selectionChanged(&state, resetChunk: state.selectedId != previousSelection)
    }
    return callEffects
}

/// Shows `text` in the status line for four seconds.
func notify(_ state: inout AppState, _ text: String, isError: Bool) {
    state.message = (text, isError, state.now.advanced(by: 4_000_000_000))
}
