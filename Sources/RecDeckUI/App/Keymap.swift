/// Everything a key can ask the dashboard to do.
public enum Action: String, Sendable, Hashable, CaseIterable {
    case quit, help
    case nextPane, previousPane, focusRecordings, focusChunks, focusEvent
    case moveDown, moveUp, pageDown, pageUp, first, last
    case drillIn, back
    case filter, nextMatch, previousMatch
    case command
    case sortKey, sortDirection, follow, newestArrival, calls
    case problems, allEvents, copy, export, nextDelivery, download, downloads
    case toggleUTC, nextTheme, fold, wrap, scrollLeft, scrollRight, scrollHome, previousEvent, nextEvent
    case redraw, suspend

    /// The action a config file names, by its name or by the name it had before: `groupByCall`
    /// (grouping the recordings by call) became the calls view, `calls`, on the same key.
    public init?(configName name: String) {
        self.init(rawValue: name == "groupByCall" ? "calls" : name)
    }
}

/// One line of the keymap: the keys, what they do, and how help and README describe them.
public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    public var action: Action
    public var summary: String

    public init(_ keys: [Key], _ action: Action, _ summary: String) {
        self.keys = keys
        self.action = action
        self.summary = summary
    }

    /// The keys as help shows them (`j ↓`, `q Ctrl-C`).
    public var label: String { keys.map(KeyName.label).joined(separator: " ") }
}

/// Why a remapping of keys cannot be used: a key would do two things.
public struct KeymapError: Error, Sendable, Hashable, CustomStringConvertible {
    public var key: Key
    public var actions: [Action]
    public var description: String {
        "\(KeyName.configName(key)) is bound to both \(actions.map(\.rawValue).joined(separator: " and ")); give each key one action"
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

    /// This keymap with the keys of some actions replaced (from the config file). Fails when a key
    /// would end up bound to two actions.
    /// Ctrl-C always quits, whatever quit is remapped to: a config cannot leave no way out.
    public func remapped(_ keys: [Action: [Key]]) throws(KeymapError) -> Keymap {
        let changed = bindings.map { binding in
            var binding = binding
            if let replacement = keys[binding.action] { binding.keys = replacement }
            if binding.action == .quit, !binding.keys.contains(.control("c")) { binding.keys.append(.control("c")) }
            return binding
        }
        var owner: [Key: Action] = [:]
        for binding in changed {
            for key in binding.keys {
                if let other = owner[key], other != binding.action { throw KeymapError(key: key, actions: [other, binding.action]) }
                owner[key] = binding.action
            }
        }
        return Keymap(bindings: changed)
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

    /// The keys as an mdoc list, for the manual page's KEYS section (a test keeps
    /// `docs/recdeck.1`'s copy equal to it); keys in ASCII words (`Down`, `Enter`).
    public var manualList: String {
        var lines = [".Bl -tag -width Ds"]
        for binding in bindings {
            let keys = binding.keys.map { key -> String in
                switch key {
                case .up: "Up"
                case .down: "Down"
                case .left: "Left"
                case .right: "Right"
                case .enter: "Enter"
                default: KeyName.label(key)
                }
            }
            // `\&` keeps a key such as `?` from being read as punctuation.
            lines.append(".It " + keys.map { "Cm \\&\($0)" }.joined(separator: " , "))
            lines.append(binding.summary)
        }
        lines.append(".El")
        return lines.joined(separator: "\n")
    }

    /// The keys of DESIGN.md.
    public static let standard = Keymap(bindings: [
        KeyBinding([.character("q"), .control("c")], .quit, "quit"),
        KeyBinding([.character("?")], .help, "this help"),
        KeyBinding([.tab], .nextPane, "next pane"),
        KeyBinding([.backTab], .previousPane, "previous pane"),
        KeyBinding([.character("1")], .focusRecordings, "recordings pane"),
        KeyBinding([.character("2")], .focusChunks, "chunks pane"),
        KeyBinding([.character("3")], .focusEvent, "event pane"),
        KeyBinding([.character("j"), .down], .moveDown, "move down"),
        KeyBinding([.character("k"), .up], .moveUp, "move up"),
        KeyBinding([.pageDown, .control("d")], .pageDown, "page down"),
        KeyBinding([.pageUp, .control("u")], .pageUp, "page up"),
        KeyBinding([.character("g"), .home], .first, "first"),
        KeyBinding([.character("G"), .end], .last, "last"),
        KeyBinding([.enter, .character("l"), .right], .drillIn, "open: drill into the selection"),
        KeyBinding([.escape, .character("h"), .left], .back, "back"),
        KeyBinding([.character("/")], .filter, "filter recordings (search in the event pane)"),
        KeyBinding([.character("n")], .nextMatch, "next match in the event pane"),
        KeyBinding([.character("N")], .previousMatch, "previous match in the event pane"),
        KeyBinding([.character(":")], .command, "commands: :sort :filter :export :theme :call :q"),
        KeyBinding([.character("s")], .sortKey, "sort: choose a column by its letter"),
        KeyBinding([.character("S")], .sortDirection, "reverse the sort"),
        KeyBinding([.character("f")], .follow, "follow arrivals: select each recording as its event arrives"),
        KeyBinding([.character("a")], .newestArrival, "jump to the newest arrival (follow stays off)"),
        KeyBinding([.character("c")], .calls, "calls or recordings: list the calls (Enter on a call: its recordings)"),
        KeyBinding([.character("p")], .problems, "problems: files that could not be read"),
        KeyBinding([.character("e")], .allEvents, "all events, recordings or not"),
        KeyBinding([.character("r")], .nextDelivery, "next delivery of a redelivered event in the event pane"),
        KeyBinding([.character("y")], .copy, "copy the id, a URL, the event JSON, or the value or JSON path at the event pane's cursor"),
        KeyBinding([.character("w")], .export, "export the filtered list (CSV or JSON)"),
        KeyBinding([.character("d")], .download, "download the selected recording, or chunk in the chunks pane"),
        KeyBinding([.character("D")], .downloads, "downloads running, each with its progress"),
        KeyBinding([.character("t")], .toggleUTC, "UTC / local time"),
        KeyBinding([.character("T")], .nextTheme, "next theme"),
        KeyBinding([.character(" "), .character("z")], .fold, "fold or unfold in the event pane"),
        KeyBinding([.character("W")], .wrap, "wrap long lines in the event pane, or cut them again"),
        KeyBinding([.character("H")], .scrollLeft, "scroll the event pane left (lines cut, not wrapped)"),
        KeyBinding([.character("L")], .scrollRight, "scroll the event pane right (lines cut, not wrapped)"),
        KeyBinding([.character("0")], .scrollHome, "scroll the event pane back to its first column"),
        KeyBinding([.character("[")], .previousEvent, "previous event of the recording in the event pane"),
        KeyBinding([.character("]")], .nextEvent, "next event of the recording in the event pane"),
        KeyBinding([.control("l")], .redraw, "redraw the screen"),
        KeyBinding([.control("z")], .suspend, "suspend (resume with fg)"),
    ])
}
