import RecDeckCore

/// Lays sections of event text out as the lines of a `JSONDocument`: parsed strictly, then
/// pretty-printed with 2-space indentation, one member per line, keys in the order written,
/// numbers as their raw text, strings re-quoted (control characters shown as `\u001b` escapes).
///
/// Text longer than `JSONDocument.maxCharacters` characters (a string, a key, a number, a raw
/// line of an invalid section) is cut there and marked `…(N more characters)`, so a 1 MB value
/// stays a short line that lays out and draws at once.
struct JSONViewLayout {
    private(set) var lines: [JSONDocument.Line] = []
    private let cutAt: Int
    /// Indentation by depth, made once per depth.
    private var indents: [String] = [""]

    init(cutAt: Int = JSONDocument.maxCharacters) {
        self.cutAt = max(1, cutAt)
    }

    /// Adds one section: its title line (when `title` is given), then its JSON or raw text.
    mutating func add(section: Int, title: String?, text: String) {
        if let title {
            lines.append(JSONDocument.Line(spans: [.init(SafeText.escaped(cut(title)), .dim)], parent: nil, section: section))
        }
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        switch Self.parse(text) {
        case .success(let value):
            emit(value, key: nil, depth: 0, comma: false, parent: nil, section: section)
        case .failure(let reason):
            lines.append(JSONDocument.Line(spans: [.init("not valid JSON: " + reason.description, .error)], parent: nil, section: section))
            addRaw(text, section: section)
        }
    }

    /// The value of `text` (one JSON value, whitespace around it), or why it is not valid JSON.
    static func parse(_ text: String) -> Result<JSONValue, ParseFailure> {
        var text = text
        return text.withUTF8 { bytes in
            var parser = JSONParser(bytes: bytes)
            do throws(JSONSyntaxError) {
                let value = try parser.parseValue()
                parser.skipWhitespace()
                if !parser.isAtEnd { throw parser.failure("unexpected text after the JSON value") }
                return .success(value)
            } catch {
                let position = TextPosition(of: error.offset, in: bytes)
                return .failure(ParseFailure("\(error.message) (line \(position.line), column \(position.column))"))
            }
        }
    }

    struct ParseFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    // MARK: - Pretty-printing

    /// An object's or array's lines: the opening line (`spans` then the bracket), one or more lines
    /// per child, the closing line; an empty one on a single line.
    private mutating func emitContainer(_ children: [(key: String?, value: JSONValue)], container: JSONDocument.Container,
                                        brackets: (open: String, close: String), spans: [JSONDocument.Span], tail: String,
                                        depth: Int, parent: Int?, section: Int) {
        var spans = spans
        if children.isEmpty {
            spans.append(.init(brackets.open + brackets.close + tail, .jsonPunct))
            append(spans, parent: parent, section: section)
            return
        }
        spans.append(.init(brackets.open, .jsonPunct))
        let open = append(spans, parent: parent, section: section)
        for (index, child) in children.enumerated() {
            emit(child.value, key: child.key, depth: depth + 1, comma: index < children.count - 1, parent: open, section: section)
        }
        close(brackets.close + tail, opener: open, container: container, children: children.count, depth: depth, section: section)
    }

    private mutating func emit(_ value: JSONValue, key: String?, depth: Int, comma: Bool, parent: Int?, section: Int) {
        var spans: [JSONDocument.Span] = []
        spans.reserveCapacity(7)
        if depth > 0 { spans.append(.init(indent(depth), .text)) }
        if let key {
            spans += quoted(key, .jsonKey)
            spans.append(.init(": ", .jsonPunct))
        }
        let tail = comma ? "," : ""
        switch value {
        case .object(let members):
            emitContainer(members.map { ($0.key, $0.value) }, container: .object, brackets: ("{", "}"), spans: spans,
                          tail: tail, depth: depth, parent: parent, section: section)
        case .array(let elements):
            emitContainer(elements.map { (nil, $0) }, container: .array, brackets: ("[", "]"), spans: spans,
                          tail: tail, depth: depth, parent: parent, section: section)
        case .string(let text):
            spans += quoted(text, .jsonString)
            appendTail(tail, to: &spans)
            append(spans, parent: parent, section: section)
        case .number(let raw):
            spans.append(.init(cut(raw), .jsonNumber))
            if let marker = marker(raw) { spans.append(.init(marker, .dim)) }
            appendTail(tail, to: &spans)
            append(spans, parent: parent, section: section)
        case .bool(let flag):
            spans.append(.init(flag ? "true" : "false", .jsonBool))
            appendTail(tail, to: &spans)
            append(spans, parent: parent, section: section)
        case .null:
            spans.append(.init("null", .jsonNull))
            appendTail(tail, to: &spans)
            append(spans, parent: parent, section: section)
        }
    }

    @discardableResult
    private mutating func append(_ spans: [JSONDocument.Span], parent: Int?, section: Int) -> Int {
        lines.append(JSONDocument.Line(spans: spans, parent: parent, section: section))
        return lines.count - 1
    }

    private mutating func close(_ bracket: String, opener: Int, container: JSONDocument.Container, children: Int, depth: Int, section: Int) {
        var spans: [JSONDocument.Span] = []
        if depth > 0 { spans.append(.init(indent(depth), .text)) }
        spans.append(.init(bracket, .jsonPunct))
        let closing = append(spans, parent: opener, section: section)
        lines[opener] = lines[opener].opening(closedAt: closing, container: container, children: children)
    }

    private mutating func indent(_ depth: Int) -> String {
        while indents.count <= depth { indents.append(indents[indents.count - 1] + "  ") }
        return indents[depth]
    }

    private func appendTail(_ tail: String, to spans: inout [JSONDocument.Span]) {
        if !tail.isEmpty { spans.append(.init(tail, .jsonPunct)) }
    }

    /// `text` as a JSON string literal in `role`, cut when long: `"abc`, `…(N more characters)`, `"`.
    private func quoted(_ text: String, _ role: ThemeRole) -> [JSONDocument.Span] {
        var literal = ""
        guard let marker = marker(text) else {
            JSONWriter.appendQuoted(text, to: &literal)
            return [.init(literal, role)]
        }
        JSONWriter.appendQuoted(String(text.prefix(cutAt)), to: &literal)
        literal.removeLast()
        return [.init(literal, role), .init(marker, .dim), .init("\"", role)]
    }

    // MARK: - Raw text of an invalid section

    private mutating func addRaw(_ text: String, section: Int) {
        var start = text.startIndex
        let utf8 = text.utf8
        var index = utf8.startIndex
        while true {
            if index == utf8.endIndex || utf8[index] == 0x0A {
                var line = Substring(text[start..<index])
                if line.utf8.last == 0x0D { line = line.dropLast() }
                if !(index == utf8.endIndex && line.isEmpty && start != text.startIndex) {
                    let shown = String(line)
                    var spans = [JSONDocument.Span(SafeText.escaped(cut(shown)), .text)]
                    if let marker = marker(shown) { spans.append(.init(marker, .dim)) }
                    append(spans, parent: nil, section: section)
                }
                if index == utf8.endIndex { break }
                index = utf8.index(after: index)
                start = index
            } else {
                index = utf8.index(after: index)
            }
        }
    }

    // MARK: - Cutting long text

    /// `text`, cut to `cutAt` characters.
    private func cut(_ text: String) -> String {
        text.utf8.count <= cutAt ? text : String(text.prefix(cutAt))
    }

    /// `…(N more characters)` when `text` is longer than `cutAt` characters, else `nil`.
    private func marker(_ text: String) -> String? {
        guard text.utf8.count > cutAt else { return nil }
        let kept = text.prefix(cutAt)
        guard kept.endIndex < text.endIndex else { return nil }
        let more = text.unicodeScalars[kept.endIndex...].count
        return "…(\(more) more characters)"
    }
}
