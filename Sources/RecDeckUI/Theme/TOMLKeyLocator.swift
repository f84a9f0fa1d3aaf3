/// Finds the line of a key in TOML text, for error messages: the parser reports positions only
/// for syntax errors, so semantic errors (an unknown role, a bad colour) look their key up here.
///
/// It reads table headers (`[a.b]`, `[[a]]`) and the keys before `=` (bare, "quoted" and
/// 'literal' keys, dotted), skipping comments, blank lines and the inside of multi-line strings
/// and arrays. A key path is found on the line whose full path (header plus key) matches it for
/// the most leading components; so `["styles", "selection", "fg"]` finds `fg = …` under
/// `[styles.selection]`, or `selection = { fg = … }` under `[styles]`.
struct TOMLKeyLocator {
    private var entries: [(path: [String], line: Int)] = []

    init(text: String) {
        var header: [String] = []
        var insideMultilineString: String?
        var openBrackets = 0
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Substring(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine)
            if let delimiter = insideMultilineString {
                if line.contains(delimiter) { insideMultilineString = nil }
                continue
            }
            if openBrackets > 0 {
                openBrackets = max(0, openBrackets + Self.bracketBalance(line))
                continue
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard let first = trimmed.first, first != "#" else { continue }
            if first == "[" {
                let isArray = trimmed.hasPrefix("[[")
                var rest = trimmed.dropFirst(isArray ? 2 : 1)
                if let keys = Self.parseKey(&rest) {
                    header = keys
                    entries.append((keys, offset + 1))
                }
                continue
            }
            var rest = trimmed
            guard let keys = Self.parseKey(&rest) else { continue }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard rest.first == "=" else { continue }
            entries.append((header + keys, offset + 1))
            let value = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            for delimiter in ["\"\"\"", "'''"] where value.hasPrefix(delimiter) {
                if !value.dropFirst(3).contains(delimiter) { insideMultilineString = delimiter }
            }
            if value.first == "[" { openBrackets = max(0, Self.bracketBalance(value)) }
        }
    }

    /// The 1-based line that best matches `path`, or nil when no line shares its first component.
    func line(of path: [String]) -> Int? {
        var best: (length: Int, line: Int)?
        for entry in entries {
            var length = 0
            while length < min(entry.path.count, path.count), entry.path[length] == path[length] { length += 1 }
            // A line deeper than the path (`[styles.selection]` when asked for `styles`) still
            // counts for the part they share.
            guard length > 0 else { continue }
            if best == nil || length > best!.length { best = (length, entry.line) }
        }
        return best?.line
    }

    /// Reads a dotted key (`a."b.c".'d'`) from the start of `text`, leaving what follows it.
    private static func parseKey(_ text: inout Substring) -> [String]? {
        var keys: [String] = []
        while true {
            text = text.drop { $0 == " " || $0 == "\t" }
            guard let first = text.first else { return nil }
            if first == "\"" || first == "'" {
                var key = ""
                var index = text.index(after: text.startIndex)
                var closed = false
                while index < text.endIndex {
                    let character = text[index]
                    if character == first {
                        closed = true
                        break
                    }
                    if character == "\\", first == "\"" {
                        index = text.index(after: index)
                        guard index < text.endIndex else { break }
                        key.append(text[index])
                    } else {
                        key.append(character)
                    }
                    index = text.index(after: index)
                }
                guard closed else { return nil }
                keys.append(key)
                text = text[text.index(after: index)...]
            } else {
                let bare = text.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                guard !bare.isEmpty else { return nil }
                keys.append(String(bare))
                text = text.dropFirst(bare.count)
            }
            text = text.drop { $0 == " " || $0 == "\t" }
            guard text.first == "." else { return keys }
            text = text.dropFirst()
        }
    }

    /// Opening minus closing square brackets on a line, outside strings and comments.
    private static func bracketBalance(_ text: Substring) -> Int {
        var balance = 0
        var quote: Character?
        var escaped = false
        for character in text {
            if let open = quote {
                if escaped { escaped = false } else if character == "\\", open == "\"" { escaped = true } else if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "#": return balance
            case "[": balance += 1
            case "]": balance -= 1
            default: break
            }
        }
        return balance
    }
}
