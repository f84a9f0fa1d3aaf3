import Foundation
import RecDeckCore

/// Keys and pastes while a prompt has the keyboard: the filter (applied as it is typed while it
/// parses; otherwise the filter in force before stays, the reason shows and Enter does not close
/// the prompt; Esc restores the filter in force before), the event pane's search, the `:` command
/// line (an unknown command or a bad argument keeps it open with the reason), the export path
/// (Tab completes it from the file system, `PathCompletion`).
///
/// Every prompt edits like readline (`LineEditor`); the filter, search and command prompts walk
/// their history with Up and Down (`PromptHistory`) and complete with Tab.
enum PromptKeys {
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch state.mode {
        case .filterPrompt(var prompt, let error, let applied):
            switch key {
            case .enter:
                // An invalid query is never applied half-way: the prompt stays open with its reason.
                guard error == nil else { return [] }
                state.mode = .browse
                return remember(&state, prompt.text, as: .filter)
            case .escape, .control("c"):
                state.mode = .browse
                return show(&state, applied)
            case .up, .down:
                guard walk(&prompt, key, state.history[.filter]) else { return [] }
            case .tab, .backTab:
                guard prompt.complete(forward: key == .tab, candidates: { FilterSyntax.fields(completing: $0.prefix) }) else { return [] }
            default:
                guard prompt.edit(key) else { return [] }
            }
            return filterChanged(&state, prompt, applied: applied)
        case .searchPrompt(var prompt):
            switch key {
            case .enter:
                state.mode = .browse
                return remember(&state, prompt.text, as: .search)
            case .escape, .control("c"):
                state.mode = .browse
                state.eventState.setSearch("", in: state.eventDocument ?? JSONDocument())
                return []
            case .up, .down:
                guard walk(&prompt, key, state.history[.search]) else { return [] }
            default:
                guard prompt.edit(key) else { return [] }
            }
            searchChanged(&state, prompt)
            return []
        case .commandPrompt(var prompt, _):
            switch key {
            case .enter:
                let line = prompt.text
                var effects = remember(&state, line, as: .command)
                state.mode = .browse
                switch CommandRun.run(&state, line) {
                case .success(let done): effects += done
                case .failure(let error): state.mode = .commandPrompt(prompt, error: error.message)
                }
                return effects
            case .escape, .control("c"):
                state.mode = .browse
                return []
            case .up, .down:
                guard walk(&prompt, key, state.history[.command]) else { return [] }
            case .tab, .backTab:
                if !prompt.cycleCompletion(forward: key == .tab) {
                    let word = prompt.word
                    if CommandRun.completesPath(word) {
                        return [.listPaths(PathListing(typed: word.prefix, forward: key == .tab))]
                    }
                    let current = state
                    guard prompt.complete(forward: key == .tab, candidates: { CommandRun.candidates(current, $0) }) else { return [] }
                }
            default:
                guard prompt.edit(key) else { return [] }
            }
            state.mode = .commandPrompt(prompt, error: nil)
            return []
        case .exportPrompt(var prompt):
            switch key {
            case .enter:
                state.mode = .browse
                let path = prompt.text.trimmingCharacters(in: .whitespaces)
                guard !path.isEmpty else { return [] }
                defer { state.exportReplaces = nil }
                return [.export(path: path, ids: Array(state.visible), replace: state.exportReplaces == path)]
            case .escape, .control("c"):
                state.mode = .browse
                state.exportReplaces = nil
            case .tab, .backTab:
                guard prompt.cycleCompletion(forward: key == .tab) else {
                    return [.listPaths(PathListing(typed: prompt.word.prefix, forward: key == .tab))]
                }
                state.mode = .exportPrompt(prompt)
            default:
                if prompt.edit(key) { state.mode = .exportPrompt(prompt) }
            }
            return []
        case .browse, .overlay:
            return []
        }
    }

    /// A worker listed the folder of a path typed: the word is completed if the prompt that asked
    /// is still open with that word before the cursor (typing on made the answer stale).
    static func pathsListed(_ state: inout AppState, _ listing: PathListing, _ candidates: [String]) {
        switch state.mode {
        case .exportPrompt(var prompt) where prompt.completion == nil && prompt.word.prefix == listing.typed:
            if prompt.complete(forward: listing.forward, candidates: { _ in candidates }) { state.mode = .exportPrompt(prompt) }
        case .commandPrompt(var prompt, let error) where prompt.completion == nil && prompt.word.prefix == listing.typed
            && CommandRun.completesPath(prompt.word):
            if prompt.complete(forward: listing.forward, candidates: { _ in candidates }) { state.mode = .commandPrompt(prompt, error: error) }
        default:
            break
        }
    }

    /// A bracketed paste: the whole text goes into the open prompt at the cursor as one edit (line
    /// breaks and other controls become spaces), so a long id is one filter evaluation, not one per
    /// character. Outside a prompt a paste does nothing.
    static func paste(_ state: inout AppState, _ text: String) -> [Effect] {
        let flat = String(text.map { $0.isNewline || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } ? " " : $0 })
        switch state.mode {
        case .filterPrompt(var prompt, _, let applied):
            prompt.paste(flat)
            return filterChanged(&state, prompt, applied: applied)
        case .searchPrompt(var prompt):
            prompt.paste(flat)
            searchChanged(&state, prompt)
        case .commandPrompt(var prompt, _):
            prompt.paste(flat)
            state.mode = .commandPrompt(prompt, error: nil)
        case .exportPrompt(var prompt):
            prompt.paste(flat)
            state.mode = .exportPrompt(prompt)
        case .browse, .overlay:
            break
        }
        return []
    }

    /// Up (older) or Down (newer) in `entries`; false when there is nowhere to go.
    private static func walk(_ prompt: inout PromptState, _ key: Key, _ entries: [String]) -> Bool {
        key == .up ? prompt.older(in: entries) : prompt.newer(in: entries)
    }

    /// Adds a submitted line to its prompt's history; when it changed, the `Program` saves it.
    private static func remember(_ state: inout AppState, _ text: String, as kind: PromptKind) -> [Effect] {
        state.history.add(text, to: kind) ? [.saveHistory(state.history)] : []
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
    static func show(_ state: inout AppState, _ query: RecordingQuery) -> [Effect] {
        guard query != state.query else { return [] }
        let before = state.selectedId
        let filtering = state.requestQuery(query)
        // The calls view lists on a worker.
        if state.calls.shown { return CallsUpdate.filterChanged(&state) }
        keepSelectionVisible(&state)
        return filtering + (before == state.selectedId ? [] : selectionChanged(&state, resetChunk: true))
    }

    private static func searchChanged(_ state: inout AppState, _ prompt: PromptState) {
        state.mode = .searchPrompt(prompt)
        let document = state.eventDocument ?? JSONDocument()
        state.eventState.setSearch(prompt.text, in: document)
        state.eventState.nextMatch(in: document, height: eventHeight(state), fromCursor: true)
    }
}
