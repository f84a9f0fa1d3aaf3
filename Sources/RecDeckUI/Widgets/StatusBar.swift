import RecDeckCore

/// The bottom line: what is wrong with the text of an open prompt, a transient message, or the
/// main key hints.
public enum StatusBar {
    static let hints: [(Action, String)] = [
        (.help, "help"), (.filter, "filter"), (.sortKey, "sort"), (.follow, "follow"), (.nextPane, "pane"),
        (.drillIn, "open"), (.copy, "copy"), (.nextTheme, "theme"), (.problems, "problems"), (.quit, "quit"),
    ]

    public static func draw(_ state: AppState, into buffer: inout Buffer, rect: Rect) {
        let theme = state.theme
        buffer.fill(rect, with: Cell(" ", style: theme[.status]))
        if let error = promptError(state) {
            buffer.write(" " + error, column: rect.x, row: rect.y, style: theme[.error])
            return
        }
        if let message = state.message {
            buffer.write(" " + message.text, column: rect.x, row: rect.y, style: theme[message.isError ? .error : .status])
            return
        }
        if let line = downloadsLine(state) {
            buffer.write(" " + line, column: rect.x, row: rect.y, style: theme[.status])
            return
        }
        if let notice = state.feedNotice {
            buffer.write(" " + notice, column: rect.x, row: rect.y, style: theme[.error])
            return
        }
        var column = rect.x + 1
        for (action, label) in hints {
            let key = state.keymap.label(of: action).split(separator: " ").first.map(String.init) ?? ""
            let width = DisplayWidth.of(key) + DisplayWidth.of(label) + 3
            guard column + width <= rect.maxX else { break }
            column += buffer.write(key, column: column, row: rect.y, style: theme[.statusKey])
            column += buffer.write(" " + label + "  ", column: column, row: rect.y, style: theme[.status])
        }
    }

    /// Why the text of the open filter or command prompt cannot be applied, while it cannot.
    static func promptError(_ state: AppState) -> String? {
        switch state.mode {
        case .filterPrompt(_, let reason, _), .commandPrompt(_, let reason): reason
        default: nil
        }
    }
}
