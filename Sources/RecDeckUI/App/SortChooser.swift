import RecDeckCore

/// The one-key column chooser `s` opens (as k9s sorts by a column): each sort field with the
/// letter that sorts by it; the letter of the field already sorted by reverses the direction.
/// A click on a column's header does the same for that column.
public enum SortChooser {
    /// The letters, in the order the chooser lists them.
    public static let choices: [(key: Character, field: SortField)] = [
        ("s", .start), ("e", .end), ("d", .duration), ("a", .age), ("k", .chunks), ("v", .events),
        ("c", .call), ("r", .rec), ("o", .reason), ("f", .format), ("t", .type), ("h", .channel), ("n", .anomalies),
    ]

    /// What the chooser says of each field.
    static func label(_ field: SortField) -> String {
        switch field {
        case .start: "start time"
        case .end: "end time (start + duration)"
        case .duration: "duration"
        case .age: "age (since the newest event)"
        case .chunks: "chunks"
        case .events: "events"
        case .call: "call id"
        case .rec: "recording id"
        case .reason: "end reason"
        case .format: "format"
        case .type: "content type"
        case .channel: "channel type"
        case .anomalies: "faults"
        }
    }

    /// The chooser's lines: the letter, the field, and the arrow on the one sorted by.
    static func rows(_ sort: RecordingSort) -> [String] {
        choices.map { key, field in row(key, label(field), width: 30, arrow: field == sort.field ? sort.ascending : nil) }
    }

    /// One chooser line: the letter, the label padded to `width`, and the arrow of the direction
    /// (`ascending`) on the field sorted by. The calls' chooser (`CallSortChooser`) draws its lines with it too.
    static func row(_ key: Character, _ label: String, width: Int, arrow ascending: Bool?) -> String {
        "\(key)  \(DisplayWidth.padded(label, to: width))" + (ascending.map { $0 ? "↑" : "↓" } ?? "")
    }

    /// Sorts by `field`, in its own direction; by the field already sorted by (or being sorted
    /// by on a worker), the other way. A sort worked out on a worker is the effect returned.
    static func sort(_ state: inout AppState, by field: SortField) -> [Effect] {
        let wanted = state.wantedSort
        let sort = field == wanted.field ? RecordingSort(field: field, ascending: !wanted.ascending) : RecordingSort(field: field)
        let effects = state.requestSort(sort)
        keepSelectionVisible(&state)
        notify(&state, state.list.pendingSort == nil ? "sorted by \(state.sort)" : "sorting by \(sort)…", isError: false)
        return effects
    }

    /// A key while the chooser is open: a letter sorts and closes it, Esc (or `q`) closes it.
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        if case .character(let character) = key, let choice = choices.first(where: { $0.key == character }) {
            state.mode = .browse
            return sort(&state, by: choice.field)
        } else if key == .escape || key == .character("q") || key == .control("c") {
            state.mode = .browse
        }
        return []
    }
}
