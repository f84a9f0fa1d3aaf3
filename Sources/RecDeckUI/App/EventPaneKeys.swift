import RecDeckCore

/// The event pane's keys for long lines and for its events, whichever pane has the focus: `W`
/// wraps long lines (or cuts them again), `H`/`L` scroll cut lines sideways by half the pane's
/// width and `0` back to the first column, `[`/`]` go to the previous/next event shown; and what
/// `y` offers from the pane's cursor: the value there and its JSON path.
enum EventPaneKeys {
    static func toggleWrap(_ state: inout AppState) {
        state.eventState.width = eventWidth(state)
        state.eventState.toggleWrap(in: state.eventDocument ?? JSONDocument(), height: eventHeight(state))
        notify(&state, state.eventState.wrap ? "long lines wrap" : "long lines are cut (\(keys(.scrollLeft, .scrollRight, state)) scroll sideways)",
               isError: false)
    }

    /// Half the pane's width left (`direction` -1) or right (1).
    static func scrollSideways(_ state: inout AppState, direction: Int) {
        guard !state.eventState.wrap else {
            notify(&state, "long lines wrap: \(state.keymap.label(of: .wrap)) cuts them to scroll sideways", isError: false)
            return
        }
        let step = max(1, eventWidth(state) / 2)
        state.eventState.width = eventWidth(state)
        let moved = state.eventState.scrollSideways(by: direction * step, in: state.eventDocument ?? JSONDocument(),
                                                    height: eventHeight(state))
        if !moved, direction > 0 { notify(&state, "the lines shown end here", isError: false) }
    }

    static func scrollHome(_ state: inout AppState) {
        state.eventState.column = 0
    }

    /// The cursor to the first line of the event `delta` events on from the cursor's.
    static func step(_ state: inout AppState, by delta: Int) {
        guard let document = state.eventDocument, !document.isEmpty, !state.eventLoading else { return }
        let count = document.sectionCount
        guard count > 1 else {
            notify(&state, "the event pane shows one event", isError: false)
            return
        }
        let current = state.eventState.cursorSection(in: document)
        let target = min(max(0, current + delta), count - 1)
        guard target != current else {
            notify(&state, delta > 0 ? "the last event is shown" : "the first event is shown", isError: false)
            return
        }
        state.eventState.open(section: target, in: document, height: eventHeight(state))
        notify(&state, "event \(CountText.grouped(target + 1)) of \(CountText.grouped(count))", isError: false)
    }

    /// The value at the event pane's cursor and its JSON path, when the cursor's line has them.
    static func copyChoices(_ state: AppState) -> [CopyChoice] {
        guard let document = state.eventDocument, !state.eventLoading,
              let value = document.copiedValue(ofLine: state.eventState.cursor) else { return [] }
        let path = document.path(ofLine: state.eventState.cursor)
        var choices = [CopyChoice(key: "v", label: "value of \(path ?? "the event")", value: value.text, keepsLayout: value.isLayout)]
        if let path { choices.append(CopyChoice(key: "p", label: "JSON path \(path)", value: path)) }
        return choices
    }

    private static func keys(_ first: Action, _ second: Action, _ state: AppState) -> String {
        state.keymap.label(of: first) + "/" + state.keymap.label(of: second)
    }
}
