/// Everything a key can ask the dashboard to do.
public enum Action: String, Sendable, Hashable, CaseIterable {
    case quit, help
    case nextPane, previousPane, focusRecordings, focusChunks, focusEvent
    case moveDown, moveUp, pageDown, pageUp, first, last
    case drillIn, back
    case filter, nextMatch, previousMatch
    case sortKey, sortDirection, follow, groupByCall
    case problems, allEvents, copy, export
    case toggleUTC, nextTheme, fold, redraw, suspend
}

/// One line of the keymap: the keys, what they do, and how help and README describe them.
public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    public var action: Action
    /// The keys as help shows them (`j/k/↑/↓`).
    public var label: String
    public var summary: String

    public init(_ keys: [Key], _ action: Action, _ label: String, _ summary: String) {
        self.keys = keys
        self.action = action
        self.label = label
        self.summary = summary
    }
}

/// The dashboard's keys, as data: `update` looks actions up here, the help overlay and README's
/// keys table are generated from it.
public struct Keymap: Sendable {
    public var bindings: [KeyBinding]
    private var actionByKey: [Key: Action]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
        var table: [Key: Action] = [:]
        for binding in bindings {
            for key in binding.keys where table[key] == nil { table[key] = binding.action }
        }
        actionByKey = table
    }

    /// The action bound to `key`, if any.
    public func action(for key: Key) -> Action? { actionByKey[key] }

    /// The label of the first binding of `action` (for the status line's hints).
    public func label(of action: Action) -> String {
        bindings.first { $0.action == action }?.label ?? ""
    }

    /// The keys as a Markdown table, for README (a test keeps README's copy equal to it).
    public var markdownTable: String {
        var lines = ["| keys | action |", "|---|---|"]
        for binding in bindings {
            let keys = binding.label.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
            lines.append("| \(keys) | \(binding.summary) |")
        }
        return lines.joined(separator: "\n")
    }

    /// The keys of DESIGN.md.
    public static let standard = Keymap(bindings: [
        KeyBinding([.character("q"), .control("c")], .quit, "q Ctrl-C", "quit"),
        KeyBinding([.character("?")], .help, "?", "this help"),
        KeyBinding([.tab], .nextPane, "Tab", "next pane"),
        KeyBinding([.backTab], .previousPane, "Shift-Tab", "previous pane"),
        KeyBinding([.character("1")], .focusRecordings, "1", "recordings pane"),
        KeyBinding([.character("2")], .focusChunks, "2", "chunks pane"),
        KeyBinding([.character("3")], .focusEvent, "3", "event pane"),
        KeyBinding([.character("j"), .down], .moveDown, "j ↓", "move down"),
        KeyBinding([.character("k"), .up], .moveUp, "k ↑", "move up"),
        KeyBinding([.pageDown, .control("d")], .pageDown, "PgDn Ctrl-d", "page down"),
        KeyBinding([.pageUp, .control("u")], .pageUp, "PgUp Ctrl-u", "page up"),
        KeyBinding([.character("g"), .home], .first, "g Home", "first"),
        KeyBinding([.character("G"), .end], .last, "G End", "last"),
        KeyBinding([.enter, .character("l"), .right], .drillIn, "⏎ l →", "open: drill into the selection"),
        KeyBinding([.escape, .character("h"), .left], .back, "Esc h ←", "back"),
        KeyBinding([.character("/")], .filter, "/", "filter recordings (search in the event pane)"),
        KeyBinding([.character("n")], .nextMatch, "n", "next match in the event pane"),
        KeyBinding([.character("N")], .previousMatch, "N", "previous match in the event pane"),
        KeyBinding([.character("s")], .sortKey, "s", "sort by the next column"),
        KeyBinding([.character("S")], .sortDirection, "S", "reverse the sort"),
        KeyBinding([.character("f")], .follow, "f", "follow the newest recording"),
        KeyBinding([.character("c")], .groupByCall, "c", "group by call"),
        KeyBinding([.character("p")], .problems, "p", "problems: files that could not be read"),
        KeyBinding([.character("e")], .allEvents, "e", "all events, recordings or not"),
        KeyBinding([.character("y")], .copy, "y", "copy the id, a URL or the event JSON"),
        KeyBinding([.character("w")], .export, "w", "export the filtered list (CSV or JSON)"),
        KeyBinding([.character("t")], .toggleUTC, "t", "UTC / local time"),
        KeyBinding([.character("T")], .nextTheme, "T", "next theme"),
        KeyBinding([.character(" "), .character("z")], .fold, "Space z", "fold or unfold in the event pane"),
        KeyBinding([.control("l")], .redraw, "Ctrl-L", "redraw the screen"),
        KeyBinding([.control("z")], .suspend, "Ctrl-Z", "suspend (resume with fg)"),
    ])
}
