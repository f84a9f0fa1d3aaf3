import Foundation
import RecDeckCore

/// Runs what was typed at the `:` command line (`PromptCommand`), and says what Tab completes
/// there: command names, sort fields, theme names, filter fields, call ids and export paths.
enum CommandRun {
    /// Runs `line`: the effects, or why it cannot run (an unknown command, a bad argument), which
    /// the prompt shows while it stays open.
    static func run(_ state: inout AppState, _ line: String) -> Result<[Effect], CommandError> {
        let words = line.split(separator: " ").map(String.init)
        guard let name = words.first else { return .success([]) }
        guard let command = PromptCommand(named: name) else {
            return .failure(CommandError("unknown command :\(name); commands are \(PromptCommand.knownList) (Tab completes)"))
        }
        let arguments = Array(words.dropFirst())
        // Everything after the name, as typed (a filter or a path keeps its spaces).
        let rest = line.drop { $0 == " " }.dropFirst(name.count).drop { $0 == " " }
        switch command {
        case .quit:
            guard arguments.isEmpty else { return .failure(CommandError(":\(name) takes nothing")) }
            return .success(quitUnlessDownloading(&state))
        case .sort:
            return sort(&state, arguments)
        case .filter:
            do {
                let query = try RecordingQuery(parsing: String(rest), utcOffsetSeconds: state.displayOffsetSeconds)
                return .success(PromptKeys.show(&state, query))
            } catch {
                return .failure(CommandError(error.message))
            }
        case .export:
            let path = rest.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else { return .failure(CommandError(":export needs a PATH (.json for JSON, otherwise CSV)")) }
            return .success([.export(path: path, ids: Array(state.visible), replace: false)])
        case .theme:
            guard arguments.count == 1 else { return .failure(CommandError(":theme takes one NAME: \(themeNames(state))")) }
            guard let index = state.themes.firstIndex(where: { $0.name.lowercased() == arguments[0].lowercased() }) else {
                return .failure(CommandError("no theme \(arguments[0]); themes: \(themeNames(state))"))
            }
            state.themeIndex = index
            notify(&state, "theme: \(state.theme.name)", isError: false)
            return .success([])
        case .call:
            guard arguments.count == 1 else { return .failure(CommandError(":call takes one call ID (or its start)")) }
            return call(&state, arguments[0])
        }
    }

    /// What Tab offers for `word` at the command line.
    /// Whether `word` is the path of `:export`, completed from the file system on a worker
    /// (`PathListing`) instead of by `candidates`.
    static func completesPath(_ word: PromptWord) -> Bool {
        word.before.count == 1 && word.before.first.flatMap(PromptCommand.init(named:)) == .export
    }

    static func candidates(_ state: AppState, _ word: PromptWord) -> [String] {
        let prefix = word.prefix.lowercased()
        guard let name = word.before.first else {
            let names = PromptCommand.allCases.flatMap { [$0.rawValue] + $0.aliases }.filter { $0.hasPrefix(prefix) }
            return names.map { PromptCommand(named: $0)!.argument.isEmpty ? $0 : $0 + " " }
        }
        switch (PromptCommand(named: name), word.before.count) {
        case (.sort, 1):
            let fields = state.calls.shown ? CallSort.Field.allCases.map(\.rawValue) : SortField.allCases.map(\.rawValue)
            return fields.filter { $0.hasPrefix(prefix) }.map { $0 + " " }
        case (.sort, 2):
            return ["asc", "desc"].filter { $0.hasPrefix(prefix) }
        case (.theme, 1):
            return state.themes.map(\.name).filter { $0.lowercased().hasPrefix(prefix) }
        case (.filter, _):
            return FilterSyntax.fields(completing: word.prefix)
        case (.call, 1):
            return Array(callIds(state).filter { $0.lowercased().hasPrefix(prefix) }.sorted().prefix(100))
        default:
            return []
        }
    }

    private static func themeNames(_ state: AppState) -> String {
        state.themes.map(\.name).joined(separator: ", ")
    }

    /// `:sort FIELD [asc|desc]` (or `FIELD:asc`): the recordings' order, or the calls' in the calls view.
    private static func sort(_ state: inout AppState, _ arguments: [String]) -> Result<[Effect], CommandError> {
        guard (1...2).contains(arguments.count) else {
            let fields = (state.calls.shown ? CallSort.Field.allCases.map(\.rawValue) : SortField.allCases.map(\.rawValue))
            return .failure(CommandError(":sort takes a FIELD and maybe asc or desc: \(fields.joined(separator: ", "))"))
        }
        let text = arguments.joined(separator: ":")
        do {
            if state.calls.shown {
                state.calls.sort = try CallSort(parsing: text)
                notify(&state, "calls sorted by \(state.calls.sort)", isError: false)
                return .success(CallsUpdate.request(&state))
            }
            let sort = try RecordingSort(parsing: text)
            let effects = state.requestSort(sort)
            keepSelectionVisible(&state)
            notify(&state, state.list.pendingSort == nil ? "sorted by \(state.sort)" : "sorting by \(sort)…", isError: false)
            return .success(effects)
        } catch {
            return .failure(CommandError(error.message))
        }
    }

    /// `:call ID`: the recordings of the call whose id is `id` or, when only one does, starts with
    /// it (in the calls view: that call selected).
    private static func call(_ state: inout AppState, _ id: String) -> Result<[Effect], CommandError> {
        let known = state.calls.shown ? Set(state.calls.rows.map(\.id)) : callIds(state)
        let lower = id.lowercased()
        let matches = known.contains(id) ? [id] : known.filter { $0.lowercased().hasPrefix(lower) }.sorted()
        guard let match = matches.first else {
            return .failure(CommandError(state.calls.shown ? "no call \(id) in the calls shown" : "no recording of call \(id)"))
        }
        guard matches.count == 1 else {
            return .failure(CommandError("\(CountText.of(matches.count, "call")) start with \(id): \(matches.prefix(3).joined(separator: ", "))…"))
        }
        if state.calls.shown {
            state.calls.select(row: state.calls.rows.firstIndex { $0.id == match } ?? 0)
            CallsUpdate.keepVisible(&state)
            return .success(CallsUpdate.eventPaneChanged(&state))
        }
        guard let query = try? RecordingQuery(parsing: "call:\"\(match)\"", utcOffsetSeconds: state.displayOffsetSeconds) else {
            return .failure(CommandError("this call id cannot be written as a filter"))
        }
        state.focus = .recordings
        var effects = PromptKeys.show(&state, query)
        if state.selectedRow != 0 {
            state.select(row: 0)
            effects = selectionChanged(&state, resetChunk: true)
        }
        state.recordingsScroll = 0
        keepSelectionVisible(&state)
        notify(&state, "\(CountText.of(state.visible.count, "recording")) of call \(match) · \(state.keymap.label(of: .back)) clears the filter", isError: false)
        return .success(effects)
    }

    /// Every call id of the recordings.
    private static func callIds(_ state: AppState) -> Set<String> {
        Set(state.list.all.lazy.compactMap(\.callId))
    }
}

/// Why a command line cannot run, in words for under the prompt.
struct CommandError: Error, Sendable, Hashable {
    var message: String
    init(_ message: String) { self.message = message }
}
