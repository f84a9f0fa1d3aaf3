import RecDeckCore

/// What `y` copies from the event pane's cursor line: the value the line belongs to, whole (a
/// string unquoted, a number as written, an object or array as 2-space indented JSON), and the
/// path to it from the event's top, `data.recordingStorageInfo.recordingChunks[0].contentLocation`.
///
/// A closing line belongs to the container it closes; a section's title or a raw line of an
/// invalid section has neither.
extension JSONDocument {
    /// The line whose value line `index` belongs to: itself, or for a closing line its opening line.
    private func valueLine(of index: Int) -> Int? {
        guard lines.indices.contains(index) else { return nil }
        if lines[index].value != nil { return index }
        if let opener = lines[index].parent, lines[opener].closingLine == index { return opener }
        return nil
    }

    /// The path to the value of line `index` (`data.recordingChunks[0].index`); keys that are not
    /// plain names are quoted (`["a b"]`). `nil` for the event's top value and for lines without one.
    public func path(ofLine index: Int) -> String? {
        guard var line = valueLine(of: index) else { return nil }
        var members: [Member] = []
        while true {
            guard let member = lines[line].member else { break }
            members.append(member)
            guard let parent = lines[line].parent else { break }
            line = parent
        }
        guard !members.isEmpty else { return nil }
        var path = ""
        for member in members.reversed() {
            switch member {
            case .index(let position):
                path += "[\(position)]"
            case .key(let key) where Self.isPlainName(key):
                path += path.isEmpty ? key : "." + key
            case .key(let key):
                path += "["
                JSONWriter.appendQuoted(key, to: &path)
                path += "]"
            }
        }
        return path
    }

    /// The value of line `index` as it is copied: a string's text, a number's or literal's, or
    /// an object's or array's JSON (2-space indented, keys in the order written), with whether its
    /// line breaks are JSON's layout (kept on the clipboard) rather than the value's own text.
    /// `nil` for lines without one.
    public func copiedValue(ofLine index: Int) -> (text: String, isLayout: Bool)? {
        guard let line = valueLine(of: index), let value = lines[line].value else { return nil }
        switch value {
        case .string(let text): return (text, false)
        case .literal(let text): return (text, false)
        case .container(let empty?): return (empty, false)
        case .container(empty: nil):
            var text = ""
            appendJSON(ofLine: line, depth: 0, to: &text)
            return (text, true)
        }
    }

    /// Appends the JSON of the value line `index` starts (no key), its children one level deeper.
    private func appendJSON(ofLine index: Int, depth: Int, to text: inout String) {
        guard let value = lines[index].value else { return }
        switch value {
        case .string(let string): JSONWriter.appendQuoted(string, to: &text)
        case .literal(let literal): text += literal
        case .container(let empty?): text += empty
        case .container(empty: nil):
            guard let closing = lines[index].closingLine else { return }
            let isObject = lines[index].container == .object
            text += isObject ? "{\n" : "[\n"
            let indent = String(repeating: "  ", count: depth + 1)
            var child = index + 1
            var first = true
            while child < closing {
                if !first { text += ",\n" }
                first = false
                text += indent
                if case .key(let key)? = lines[child].member {
                    JSONWriter.appendQuoted(key, to: &text)
                    text += ": "
                }
                appendJSON(ofLine: child, depth: depth + 1, to: &text)
                child = (lines[child].closingLine ?? child) + 1
            }
            text += "\n" + String(repeating: "  ", count: depth) + (isObject ? "}" : "]")
        }
    }

    /// Whether `key` reads unquoted in a path: a letter or `_`, then letters, digits, `_` (ASCII).
    private static func isPlainName(_ key: String) -> Bool {
        guard let first = key.utf8.first, first == UInt8(ascii: "_") || (first | 0x20) &- 0x61 < 26 else { return false }
        return key.utf8.allSatisfy { $0 == UInt8(ascii: "_") || ($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10 }
    }
}
