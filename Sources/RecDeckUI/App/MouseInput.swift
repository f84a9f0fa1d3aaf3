/// Mouse actions on the panes: the wheel scrolls the pane under it, a press focuses the pane and
/// selects the row under it; a press on a recordings column's title sorts by that column (again:
/// the other way). Ignored while a prompt or overlay has the keyboard.
enum MouseInput {
    static func handle(_ state: inout AppState, _ mouse: MouseEvent) -> [Effect] {
        if state.mode.overlay != nil { return [] }
        if case .exportPrompt = state.mode { return [] }
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
            case .recordings where state.calls.shown:
                guard row >= 0 else { return [] }
                return CallsUpdate.move(&state, by: state.calls.scroll + row - (state.calls.selectedRow ?? 0))
            case .recordings where row == -1:
                let inner = rect.inset(by: 1)
                guard let span = RecordingsView.columnSpans(state, inner: inner).first(where: {
                    (($0.x)..<($0.x + $0.width)).contains(mouse.column)
                }), let field = span.column.sortField else { return [] }
                return SortChooser.sort(&state, by: field)
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
                state.eventState.moveCursor(toVisibleRow: mouse.row - rect.y - 1, in: state.eventDocument ?? JSONDocument(),
                                            height: eventHeight(state))
            }
            return []
        }
    }
}
