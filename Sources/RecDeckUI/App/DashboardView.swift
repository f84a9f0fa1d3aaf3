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
    let label: String, prompt: PromptState, error: String?
    switch state.mode {
    case .filterPrompt(let typed, let reason, _): (label, prompt, error) = ("filter: ", typed, reason)
    case .searchPrompt(let typed): (label, prompt, error) = ("search: ", typed, nil)
    case .commandPrompt(let typed, let reason): (label, prompt, error) = (":", typed, reason)
    default: return
    }
    var column = rect.x + buffer.write(" " + label, column: rect.x, row: rect.y, style: theme[.prompt])
    column += PromptLineView.draw(prompt.editor, into: &buffer, column: column, row: rect.y, width: rect.maxX - column - 1, style: theme[.text])
    if let completion = prompt.completion {
        // The candidates, the one in the line marked, as far as they fit at the right.
        let widths = completion.candidates.map { DisplayWidth.of($0.trimmingSpaces) + 2 }
        var start = max(column + 2, rect.maxX - widths.reduce(0, +) + 1)
        for (index, candidate) in completion.candidates.enumerated() where start < rect.maxX - 1 {
            let role: ThemeRole = index == completion.chosen ? .selection : .dim
            start += buffer.write(candidate.trimmingSpaces, column: start, row: rect.y, limit: rect.maxX - start - 1, style: theme[role]) + 2
        }
    } else if let error {
        let start = max(column + 2, rect.maxX - DisplayWidth.of(error) - 1)
        buffer.write(error, column: start, row: rect.y, limit: rect.maxX - start, style: theme[.error])
    }
}

private extension String {
    /// The candidate without the space completion adds after a command name or sort field.
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
