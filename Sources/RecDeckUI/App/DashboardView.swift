import RecDeckCore

/// Renders the whole screen from the state: a pure function, so every screen can be tested without a terminal.
public func render(_ state: AppState) -> Buffer {
    var buffer = Buffer(width: state.size.width, height: state.size.height)
    let theme = state.theme
    let layout = state.layout
    guard layout.mode != .tooSmall else {
        let size = "\(Layout.minimumWidth)x\(Layout.minimumHeight)"
        let text = ["terminal too small (needs \(size))", "too small (\(size))", size]
            .first { DisplayWidth.of($0) <= state.size.width } ?? ""
        buffer.write(text, column: 0, row: 0, style: theme[.error])
        return buffer
    }
    HeaderView.draw(state, into: &buffer, rect: layout.header)
    if let rect = layout.panes[.recordings] {
        if state.calls.shown { CallsTableView.draw(state, into: &buffer, rect: rect) } else { RecordingsView.draw(state, into: &buffer, rect: rect) }
    }
    if let rect = layout.panes[.chunks] {
        if state.calls.shown { CallsTableView.drawTimeline(state, into: &buffer, rect: rect) } else { ChunksView.draw(state, into: &buffer, rect: rect) }
    }
    if let rect = layout.panes[.event] { EventPaneView.draw(state, into: &buffer, rect: rect) }
    if let rect = layout.prompt { drawPrompt(state, into: &buffer, rect: rect) }
    StatusBar.draw(state, into: &buffer, rect: layout.status)
    OverlayView.draw(state, into: &buffer)
    return buffer
}

/// The filter, search or command line: what is typed (the cursor where it is), and at the right
/// why it does not parse or run, or the completions Tab cycles through.
private func drawPrompt(_ state: AppState, into buffer: inout Buffer, rect: Rect) {
    let theme = state.theme
    let label: String, prompt: PromptState
    switch state.mode {
    case .filterPrompt(let typed, _, _): (label, prompt) = ("filter: ", typed)
    case .searchPrompt(let typed): (label, prompt) = ("search: ", typed)
    case .commandPrompt(let typed, _): (label, prompt) = (":", typed)
    default: return
    }
    var column = rect.x + buffer.write(" " + label, column: rect.x, row: rect.y, style: theme[.prompt])
    column += PromptLineView.draw(prompt.editor, into: &buffer, column: column, row: rect.y, width: rect.maxX - column - 1, style: theme[.text])
    // What is wrong with the text is said under it, on the status line (`StatusBar`), where a
    // long query cannot push it off.
    if let completion = prompt.completion {
        PromptLineView.drawCompletions(completion, into: &buffer, from: column + 2, row: rect.y, to: rect.maxX - 1, theme: theme)
    }
}
