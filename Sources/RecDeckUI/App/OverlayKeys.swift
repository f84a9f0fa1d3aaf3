import RecDeckCore

/// Keys while an overlay is open: the help, problems and all-events lists, and the copy menu.
enum OverlayKeys {
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard case .overlay(let overlay, var cursor) = state.mode else { return [] }
        switch overlay {
        case .sortChooser:
            return SortChooser.handle(&state, key)
        case .callSortChooser:
            return CallSortChooser.handle(&state, key)
        case .copyMenu(let choices):
            if case .character(let character) = key, let choice = choices.first(where: { $0.key == character }) {
                state.mode = .browse
                return [.copy(choice.value, what: choice.label, keepsLayout: choice.keepsLayout)]
            }
            if key == .escape || key == .character("q") || key == .control("c") { state.mode = .browse }
            return []
        case .help, .problems, .allEvents, .downloads:
            let count = overlayLineCount(state)
            let page = OverlayView.pageRows(state.size)
            // Help and downloads have no selection: their keys scroll (the selection is the top row).
            let selectable = overlay == .problems || overlay == .allEvents
            switch state.keymap.action(for: key) {
            case .moveDown?: cursor.selection += 1
            case .moveUp?: cursor.selection -= 1
            case .pageDown?: cursor.selection += page
            case .pageUp?: cursor.selection -= page
            case .first?: cursor.selection = 0
            case .last?: cursor.selection = count - 1
            case .drillIn? where overlay == .allEvents:
                return openEventFromList(&state, row: cursor.selection)
            case .quit?, .back?, .help?, .problems?, .allEvents?, .downloads?:
                state.mode = .browse
                return []
            default:
                return []
            }
            if !selectable {
                cursor.selection = min(max(0, cursor.selection), max(0, count - page))
                cursor.scroll = cursor.selection
                state.mode = .overlay(overlay, cursor)
                return []
            }
            cursor.selection = min(max(0, cursor.selection), max(0, count - 1))
            if cursor.selection < cursor.scroll { cursor.scroll = cursor.selection }
            if cursor.selection >= cursor.scroll + page { cursor.scroll = cursor.selection - page + 1 }
            state.mode = .overlay(overlay, cursor)
            return []
        }
    }

    /// Enter in the all-events list: a recording event selects its recording and the event pane
    /// opens at that very event; another event opens in the event pane.
    private static func openEventFromList(_ state: inout AppState, row index: Int) -> [Effect] {
        guard let rows = state.eventList, index < rows.count else { return [] }
        let row = rows[index]
        state.mode = .browse
        if let id = row.recordingId {
            if state.list.row(of: id) == nil { state.setQuery(RecordingQuery()) }
            state.selectedId = id
            state.focus = .event
            keepSelectionVisible(&state)
            let effects = selectionChanged(&state, resetChunk: true)
            state.eventOpensAt = EventSections.key(of: row.event)
            return effects
        }
        state.focus = .event
        return loadEvents(&state, .event(row.event.location), [row.event])
    }
}

/// Number of lines in a list overlay.
func overlayLineCount(_ state: AppState) -> Int {
    switch state.mode.overlay {
    case .help?: OverlayView.helpRows(state).count
    case .problems?: state.problems.count
    case .allEvents?: state.eventList?.count ?? 0
    case .downloads?: state.downloads.count
    default: 0
    }
}

/// What `y` offers for the current selection.
func copyChoices(_ state: AppState) -> [CopyChoice] {
    guard let recording = state.selectedRecording else { return EventPaneKeys.copyChoices(state) }
    var choices: [CopyChoice] = []
    choices.append(CopyChoice(key: "i", label: "recording id", value: recording.shownId))
    if let call = recording.callId { choices.append(CopyChoice(key: "c", label: "call id", value: call)) }
    if let server = recording.serverCallId { choices.append(CopyChoice(key: "s", label: "server call id", value: server)) }
    let chunk = recording.chunks.indices.contains(state.chunkIndex) ? recording.chunks[state.chunkIndex] : nil
    let which = chunk.flatMap { $0.index.map { " of chunk \($0)" } } ?? ""
    if let url = chunk?.contentLocation { choices.append(CopyChoice(key: "u", label: "content URL\(which)", value: url)) }
    if let url = chunk?.metadataLocation { choices.append(CopyChoice(key: "m", label: "metadata URL\(which)", value: url)) }
    if let url = chunk?.deleteLocation { choices.append(CopyChoice(key: "d", label: "delete URL\(which)", value: url)) }
    if let document = chunk?.documentId { choices.append(CopyChoice(key: "o", label: "document id\(which)", value: document)) }
    if let text = state.eventDocument?.sourceText, state.eventSubject == .recording(recording.id), !state.eventLoading {
        choices.append(CopyChoice(key: "j", label: "event JSON", value: text, keepsLayout: true))
    }
    return choices + EventPaneKeys.copyChoices(state)
}
