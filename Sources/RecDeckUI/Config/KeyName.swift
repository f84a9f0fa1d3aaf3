/// Keys written as people write them in a config file or help: `q`, `G`, `ctrl-c`, `down`,
/// `pgdn`, `enter`, `esc`, `shift-tab`, `space`, `f5`, `alt-b`.
public enum KeyName {
    /// The key `name` stands for (any case for named keys and the `ctrl-` prefix), or nil.
    public static func parse(_ name: String) -> Key? {
        if name.count == 1, let character = name.first { return character == " " ? .character(" ") : .character(character) }
        let lower = name.lowercased()
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let letter = rest.first, letter.isLetter, letter.isASCII else { return nil }
            return .control(letter)
        }
        for prefix in ["alt-", "alt+", "m-", "meta-"] where lower.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard rest.count == 1, let character = rest.first, !character.isWhitespace else { return nil }
            return .alt(character)
        }
        switch lower {
        case "up": return .up
        case "down": return .down
        case "left": return .left
        case "right": return .right
        case "pgup", "pageup": return .pageUp
        case "pgdn", "pagedown": return .pageDown
        case "home": return .home
        case "end": return .end
        case "enter", "return": return .enter
        case "esc", "escape": return .escape
        case "tab": return .tab
        case "shift-tab", "backtab", "btab": return .backTab
        case "backspace": return .backspace
        case "delete", "del": return .delete
        case "space": return .character(" ")
        default:
            if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...24).contains(number) { return .function(number) }
            return nil
        }
    }

    /// How help and README show `key`: `q`, `Ctrl-C`, `↓`, `PgDn`, `⏎`, `Esc`, `Space`.
    public static func label(_ key: Key) -> String {
        switch key {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-" + (letter == "c" || letter == "l" || letter == "z" ? letter.uppercased() : String(letter))
        case .alt(let character): "Alt-" + String(character)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "⏎"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .function(let number): "F\(number)"
        }
    }

    /// How the config file writes `key`: `q`, `ctrl-c`, `down`, `pgdn`, `enter`, `space`.
    public static func configName(_ key: Key) -> String {
        switch key {
        case .character(" "): "space"
        case .character(let character): String(character)
        case .control(let letter): "ctrl-\(letter)"
        case .alt(let character): "alt-\(character)"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .home: "home"
        case .end: "end"
        case .enter: "enter"
        case .escape: "esc"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .backspace: "backspace"
        case .delete: "delete"
        case .function(let number): "f\(number)"
        }
    }
}
