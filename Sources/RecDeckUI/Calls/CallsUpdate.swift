import RecDeckCore

/// The calls view's part of `update`: showing and leaving it, moving in it, opening a call's
/// recordings and coming back, its order, and asking workers for listings as the data, the
/// filter or the order change (one at a time: a change while one is made asks again when it answers).
enum CallsUpdate {
    // MARK: Keys

    /// `c`: the calls instead of the recordings, or back.
    static func toggle(_ state: inout AppState) -> [Effect] {
        state.calls.openedFrom = nil
        state.calls.shown.toggle()
        guard state.calls.shown else {
            state.refreshView()
            keepSelectionVisible(&state)
            notify(&state, "recordings", isError: false)
            return selectionChanged(&state, resetChunk: false)
        }
        notify(&state, "calls", isError: false)
        return request(&state) + eventPaneChanged(&state)
    }

    /// Moves the call selection by `delta` rows (huge values mean first / last).
    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        guard !state.calls.rows.isEmpty else { return [] }
        let current = state.calls.selectedRow ?? 0
        let target = min(max(0, current.addingReportingOverflow(delta).partialValue), state.calls.rows.count - 1)
        guard target != current || state.calls.selectedId == nil else { return [] }
        state.calls.select(row: target)
        keepVisible(&state)
        return eventPaneChanged(&state)
    }

    /// `Enter` on a call: the recordings view, filtered to the call's recordings (`call:"ID"`, or
    /// `server:"ID"` for a call known only by its serverCallId); `Esc` comes back.
    static func open(_ state: inout AppState) -> [Effect] {
        guard let call = state.calls.selectedCall else { return [] }
        let text = call.callId != nil ? "call:\"\(call.id)\"" : "server:\"\(call.id)\""
        guard let query = try? RecordingQuery(parsing: text, utcOffsetSeconds: state.displayOffsetSeconds) else {
            notify(&state, "this call id cannot be written as a filter", isError: true)
            return []
        }
        state.calls.openedFrom = state.query
        state.calls.shown = false
        state.focus = .recordings
        state.setQuery(query)
        state.select(row: 0)
        state.recordingsScroll = 0
        keepSelectionVisible(&state)
        notify(&state, "\(CountText.of(state.visible.count, "recording")) of call \(call.id) · \(state.keymap.label(of: .back)) back to the calls", isError: false)
        return selectionChanged(&state, resetChunk: true)
    }

    /// `Esc` in the recordings opened from a call: the filter before, and the calls view again.
    /// Nil when the recordings were not opened from a call.
    static func backToCalls(_ state: inout AppState) -> [Effect]? {
        guard !state.calls.shown, state.focus == .recordings, let previous = state.calls.openedFrom else { return nil }
        state.calls.openedFrom = nil
        state.calls.shown = true
        state.setQuery(previous)
        return request(&state) + eventPaneChanged(&state)
    }

    /// `Esc` on the calls list: clears the filter, if there is one.
    static func back(_ state: inout AppState) -> [Effect] {
        guard !state.query.isEmpty else { return [] }
        state.setQuery(RecordingQuery())
        return request(&state)
    }

    /// `S`: reverse the calls' order.
    static func reverseSort(_ state: inout AppState) -> [Effect] {
        state.calls.sort.ascending.toggle()
        notify(&state, "calls sorted by \(state.calls.sort)", isError: false)
        return request(&state)
    }

    // MARK: Data and listings

    /// The call events changed: the listing is out of date (the store change that comes with
    /// them asks for a new one).
    static func callEventsChanged(_ state: inout AppState, _ events: [(event: CallEvent, deliveries: [EventLocation])]) {
        state.calls.callEvents = events
        state.calls.dataVersion += 1
    }

    /// The store changed: when recordings did, the listing is out of date; asks for a new one
    /// while the calls view is shown.
    static func storeChanged(_ state: inout AppState, _ delta: StoreDelta) -> [Effect] {
        if !delta.added.isEmpty || !delta.updated.isEmpty || !delta.removed.isEmpty { state.calls.dataVersion += 1 }
        return request(&state)
    }

    /// The filter changed: a new listing, while the calls view is shown.
    static func filterChanged(_ state: inout AppState) -> [Effect] {
        request(&state)
    }

    /// Asks a worker for the listing the view needs, unless it is shown already or being made
    /// (or another one is: its answer asks again).
    static func request(_ state: inout AppState) -> [Effect] {
        guard state.calls.shown else { return [] }
        let key = CallsRequest.Key(dataVersion: state.calls.dataVersion, query: state.query, sort: state.calls.sort)
        guard state.calls.rowsKey != key, state.calls.pending == nil else { return [] }
        state.calls.pending = key
        let table = state.calls.tableVersion == key.dataVersion ? state.calls.table : nil
        return [.listCalls(CallsRequest(key: key, table: table, recordings: state.list.all,
                                        callEvents: state.calls.callEvents, now: state.now))]
    }

    /// A listing arrived: show it, and ask for the next one when the data, filter or order moved on meanwhile.
    static func listed(_ state: inout AppState, _ answer: CallsAnswer) -> [Effect] {
        state.calls.pending = nil
        if answer.key.dataVersion >= state.calls.tableVersion {
            state.calls.table = answer.listing.table
            state.calls.tableVersion = answer.key.dataVersion
        }
        let before = state.calls.selectedId
        state.calls.take(answer.listing.calls, key: answer.key)
        keepVisible(&state)
        var effects = request(&state)
        if state.calls.shown, before != state.calls.selectedId || state.eventSubject != state.calls.selectedId.map(EventSubject.call) {
            effects += eventPaneChanged(&state)
        }
        return effects
    }

    /// Points the event pane at the selected call's call events.
    static func eventPaneChanged(_ state: inout AppState) -> [Effect] {
        guard let call = state.calls.selectedCall else {
            state.eventDocument = nil
            state.eventSubject = nil
            state.eventLoading = false
            return []
        }
        let subject = EventSubject.call(call.id)
        guard state.eventSubject != subject || state.eventDocument == nil else { return [] }
        return loadEvents(&state, subject, call.callEvents)
    }

    /// Scrolls the calls list so the selection is on screen.
    static func keepVisible(_ state: inout AppState) {
        let rows = pageSize(state)
        if let row = state.calls.selectedRow {
            if row < state.calls.scroll { state.calls.scroll = row }
            if row >= state.calls.scroll + rows { state.calls.scroll = row - rows + 1 }
        }
        state.calls.scroll = max(0, min(state.calls.scroll, max(0, state.calls.rows.count - rows)))
    }
}
