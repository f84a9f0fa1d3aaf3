import Foundation
import RecDeckCore

/// Keys and pastes while a prompt has the keyboard: the filter (applied as it is typed while it
/// parses; otherwise the filter in force before stays, the reason shows and Enter does not close
/// the prompt; Esc restores the filter in force before), the event pane's search, the export path.
enum PromptKeys {
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch state.mode {
        case .filterPrompt(var prompt, let error, let applied):
            switch key {
            case .enter:
                // An invalid query is never applied half-way: the prompt stays open with its reason.
                if error == nil { state.mode = .browse }
                return []
            case .escape, .control("c"):
                state.mode = .browse
                return show(&state, applied)
            default:
                guard edit(&prompt, key) else { return [] }
                return filterChanged(&state, prompt, applied: applied)
            }
        case .searchPrompt(var prompt):
            switch key {
            case .enter:
                state.mode = .browse
            case .escape, .control("c"):
                state.mode = .browse
                state.eventState.setSearch("", in: state.eventDocument ?? JSONDocument())
            default:
                guard edit(&prompt, key) else { return [] }
                searchChanged(&state, prompt)
            }
            return []
        case .exportPrompt(var prompt):
            switch key {
            case .enter:
                state.mode = .browse
                let path = prompt.text.trimmingCharacters(in: .whitespaces)
                guard !path.isEmpty else { return [] }
                defer { state.exportReplaces = nil }
                return [.export(path: path, ids: state.visible, replace: state.exportReplaces == path)]
            case .escape, .control("c"):
                state.mode = .browse
                state.exportReplaces = nil
            default:
                if edit(&prompt, key) { state.mode = .exportPrompt(prompt) }
            }
            return []
        case .browse, .overlay:
            return []
        }
    }

    /// A bracketed paste: the whole text goes into the open prompt as one edit (line breaks and
    /// other controls become spaces), so a long id is one filter evaluation, not one per character.
    /// Outside a prompt a paste does nothing.
    static func paste(_ state: inout AppState, _ text: String) -> [Effect] {
        let flat = String(text.map { $0.isNewline || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } ? " " : $0 })
        switch state.mode {
        case .filterPrompt(var prompt, _, let applied):
            prompt.text += flat
            return filterChanged(&state, prompt, applied: applied)
        case .searchPrompt(var prompt):
            prompt.text += flat
            searchChanged(&state, prompt)
        case .exportPrompt(var prompt):
            prompt.text += flat
            state.mode = .exportPrompt(prompt)
        case .browse, .overlay:
            break
        }
        return []
    }

    /// Edits `prompt` with `key`; returns true when the key was consumed as editing.
    private static func edit(_ prompt: inout PromptState, _ key: Key) -> Bool {
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

    /// The filter's text changed: apply it when it parses; otherwise show the filter in force
    /// before the prompt opened (`applied`) and say why under the prompt.
    private static func filterChanged(_ state: inout AppState, _ prompt: PromptState, applied: RecordingQuery) -> [Effect] {
        do {
            let query = try RecordingQuery(parsing: prompt.text, utcOffsetSeconds: state.displayOffsetSeconds)
            state.mode = .filterPrompt(prompt, error: nil, applied: applied)
            return show(&state, query)
        } catch {
            state.mode = .filterPrompt(prompt, error: error.message, applied: applied)
            return show(&state, applied)
        }
    }

    /// Filters the list with `query` (nothing to do when it is the one shown).
    private static func show(_ state: inout AppState, _ query: RecordingQuery) -> [Effect] {
        guard query != state.query else { return [] }
        state.query = query
        // The calls view lists on a worker; the recordings are filtered when they are shown again.
        if state.calls.shown { return CallsUpdate.filterChanged(&state) }
        let before = state.selectedId
        state.refreshView()
        keepSelectionVisible(&state)
        return before == state.selectedId ? [] : selectionChanged(&state, resetChunk: true)
    }

    private static func searchChanged(_ state: inout AppState, _ prompt: PromptState) {
        state.mode = .searchPrompt(prompt)
        let document = state.eventDocument ?? JSONDocument()
        state.eventState.setSearch(prompt.text, in: document)
        state.eventState.nextMatch(in: document, height: eventHeight(state), fromCursor: true)
    }
}
