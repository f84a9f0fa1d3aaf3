import RecDeckCore

/// The calls view's one-key column chooser (`s` there), as `SortChooser` is the recordings':
/// each call sort field with the letter that sorts by it; the letter of the field already sorted
/// by reverses the direction.
enum CallSortChooser {
    /// The letters, in the order the chooser lists them.
    static let choices: [(key: Character, field: CallSort.Field)] = [
        ("s", .start), ("e", .end), ("d", .duration), ("t", .recorded), ("o", .coverage), ("p", .participants),
        ("r", .recordings), ("v", .events), ("a", .age), ("c", .call), ("n", .anomalies),
    ]

    /// What the chooser says of each field.
    static func label(_ field: CallSort.Field) -> String {
        switch field {
        case .start: "start time"
        case .end: "end time"
        case .duration: "duration"
        case .recorded: "time recorded"
        case .coverage: "coverage (recorded / duration)"
        case .participants: "participants"
        case .recordings: "recordings"
        case .events: "events"
        case .age: "age (since the newest event)"
        case .call: "call id"
        case .anomalies: "faults"
        }
    }

    /// The chooser's lines: the letter, the field, and the arrow on the one sorted by.
    static func rows(_ sort: CallSort) -> [String] {
        choices.map { key, field in
            SortChooser.row(key, label(field), width: 32, arrow: field == sort.field ? sort.ascending : nil)
        }
    }

    /// A key while the chooser is open: a letter sorts the calls and closes it, Esc (or `q`) closes it.
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        if case .character(let character) = key, let choice = choices.first(where: { $0.key == character }) {
            state.mode = .browse
            let current = state.calls.sort
            state.calls.sort = choice.field == current.field
                ? CallSort(field: choice.field, ascending: !current.ascending) : CallSort(field: choice.field)
            notify(&state, "calls sorted by \(state.calls.sort)", isError: false)
            return CallsUpdate.request(&state)
        }
        if key == .escape || key == .character("q") || key == .control("c") { state.mode = .browse }
        return []
    }
}
