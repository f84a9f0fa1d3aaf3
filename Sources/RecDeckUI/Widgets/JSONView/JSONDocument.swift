import RecDeckCore

/// The event pane's content: one or more events' raw text, laid out once for display.
///
/// Each section is parsed strictly and pretty-printed (2-space indentation, one member per line,
/// keys in the order written, numbers as their raw text, strings re-quoted so control characters
/// show as `\u001b` escapes, empty `{}`/`[]` on one line). A section that is not valid JSON shows a
/// `not valid JSON: …` line (role `.error`) and then its raw text line by line. With more than one
/// section, each starts with its title line (role `.dim`).
///
/// Build it once per selected event (not per frame); `JSONView.render` touches only the lines on
/// screen. Strings, keys, numbers and raw lines longer than `maxCharacters` characters are cut
/// there at layout, followed by a dimmed `…(N more characters)` marker (N counts Unicode scalars),
/// so even a 1 MB value lays out and draws at once.
public struct JSONDocument: Sendable, Hashable {
    /// One event's text and the separator line shown above it when there are several, such as
    /// `── event 2 of 3 · 2026/10/01/x.json · 2 deliveries ──`.
    public struct Section: Sendable, Hashable {
        public var title: String
        public var text: String
        /// Which event the section shows (its type and id; empty when it stands for none): what
        /// keeps the pane's place on an event when the document is laid out again with more.
        public var key: String

        public init(title: String, text: String, key: String = "") {
            self.title = title
            self.text = text
            self.key = key
        }
    }

    /// Longest text (in characters) laid out for one string, key, number or raw line.
    public static let maxCharacters = 4096

    /// The laid-out lines, in order.
    public let lines: [Line]
    /// The sections the document was built from, text as given (for copying the event JSON).
    public let sections: [Section]

    /// How many sections the document was built from.
    public var sectionCount: Int { sections.count }

    /// The first line of each section, in order (its title line when titled; every section lays
    /// out at least one line). Walks the lines: for a new document, not for drawing.
    public var sectionStarts: [Int] {
        var starts: [Int] = []
        for (index, line) in lines.enumerated() where starts.count == line.section { starts.append(index) }
        return starts
    }

    /// The sections' text exactly as given, joined with line breaks (what `y` copies).
    public var sourceText: String {
        sections.map(\.text).joined(separator: "\n")
    }

    /// A document of `sections`; titles are shown only when there are two or more.
    public init(_ sections: [Section]) {
        var layout = JSONViewLayout()
        let titled = sections.count > 1
        for (index, section) in sections.enumerated() {
            layout.add(section: index, title: titled ? section.title : nil, text: section.text)
        }
        lines = layout.lines
        self.sections = sections
    }

    /// A document of `(title, text)` sections; titles are shown only when there are two or more.
    public init(sections: [(title: String, text: String)]) {
        self.init(sections.map { Section(title: $0.title, text: $0.text) })
    }

    /// A document of one untitled section.
    public init(text: String) {
        self.init([Section(title: "", text: text)])
    }

    /// An empty document (nothing selected).
    public init() {
        self.init([Section]())
    }

    public var lineCount: Int { lines.count }
    public var isEmpty: Bool { lines.isEmpty }

    /// The spans of line `index` as shown: a folded opening line ends with its closing bracket and
    /// a summary, `"data": { … },  // 4 keys`.
    public func displaySpans(ofLine index: Int, folded: Bool) -> [Span] {
        let line = lines[index]
        guard folded, let closing = line.closingLine else { return line.spans }
        var spans = line.spans
        spans.append(Span(" … ", .dim))
        for span in lines[closing].spans where span.role != .text { spans.append(span) }
        if let summary = line.foldSummary { spans.append(Span("  // " + summary, .dim)) }
        return spans
    }

    /// All lines, unfolded, joined with line breaks (what search sees; for tests and copying).
    public var text: String {
        lines.map(\.text).joined(separator: "\n")
    }
}

extension JSONDocument {
    /// The kind of container a line opens.
    public enum Container: Sendable, Hashable {
        case object
        case array
    }

    /// One laid-out line of a `JSONDocument`.
    public struct Line: Sendable, Hashable {
        /// The line's text as styled runs, indentation included (as a `.text` span).
        public let spans: [Span]
        /// The spans joined: what search matches against (offsets are in Unicode scalars of this).
        public let text: String
        /// For a line that opens a non-empty object or array: the index of its closing line.
        /// `nil` for every other line (an empty `{}` or `[]` cannot fold).
        public let closingLine: Int?
        /// The kind of container this line opens, when `closingLine` is set.
        public let container: Container?
        /// Members (object) or elements (array) of the container this line opens.
        public let childCount: Int
        /// The opening line of the nearest container holding this line: for a closing line its own
        /// opening line, for a member its object's. `nil` at the top of a section, for section
        /// titles and for the lines of an invalid section.
        public let parent: Int?
        /// The index of the section this line belongs to.
        public let section: Int
        /// Whether `text` is all ASCII (search takes a byte-wise fast path).
        let isASCII: Bool
        /// The key (in an object) or index (in an array) of the value this line starts; `nil` for a
        /// section's top value, closing lines, titles and raw lines.
        public let member: Member?
        /// The value this line starts, whole (never cut); `nil` for closing lines, titles and raw lines.
        public let value: Value?
        /// How many spans come before the value (indentation, key, `": "`): where a wrapped
        /// line's continuation rows are indented to.
        public let valueSpan: Int

        init(spans: [Span], closingLine: Int? = nil, container: Container? = nil, childCount: Int = 0,
             parent: Int?, section: Int, member: Member? = nil, value: Value? = nil, valueSpan: Int = 0) {
            self.spans = spans
            self.member = member
            self.value = value
            self.valueSpan = valueSpan
            var joined = ""
            var isASCII = true
            for span in spans {
                joined += span.text
                if isASCII, !span.text.isAllASCII { isASCII = false }
            }
            text = joined
            self.closingLine = closingLine
            self.container = container
            self.childCount = childCount
            self.parent = parent
            self.section = section
            self.isASCII = isASCII
        }

        /// This line as the opener of a container closed at `closing`.
        func opening(closedAt closing: Int, container: Container, children: Int) -> Line {
            Line(spans: spans, closingLine: closing, container: container, childCount: children,
                 parent: parent, section: section, member: member, value: value, valueSpan: valueSpan)
        }

        /// Whether this line opens a container that can fold.
        public var isFoldable: Bool { closingLine != nil }

        /// What a folded container holds, as shown after it: `4 keys`, `1 key`, `2 items`.
        public var foldSummary: String? {
            switch container {
            case .object: CountText.of(childCount, "key")
            case .array: CountText.of(childCount, "item")
            case nil: nil
            }
        }
    }
}

extension JSONDocument {
    /// Where a value sits in its container: under a key of an object or at an index of an array.
    public enum Member: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The value a line starts, as `JSONDocumentValue` copies it: a string (its text, unquoted), a
    /// number, `true`, `false` or `null` (their text), or an object or array (`{}`/`[]` when
    /// empty; else its members are the lines up to its closing line).
    public enum Value: Sendable, Hashable {
        case string(String)
        case literal(String)
        case container(empty: String?)
    }
}

extension JSONDocument {
    /// A run of laid-out text drawn in one theme role (`.jsonKey`, `.jsonString`, `.jsonNumber`,
    /// `.jsonBool`, `.jsonNull`, `.jsonPunct`, `.text`, `.dim` or `.error`).
    ///
    /// The text is already safe to print: strings are re-quoted with `JSONWriter.appendQuoted` and
    /// every other piece of event text passes through `SafeText` at layout.
    public struct Span: Sendable, Hashable {
        public var text: String
        public var role: ThemeRole

        public init(_ text: String, _ role: ThemeRole) {
            self.text = text
            self.role = role
        }
    }
}

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
                                        depth: Int, parent: Int?, section: Int, member: JSONDocument.Member?) {
        var spans = spans
        let valueSpan = spans.count
        if children.isEmpty {
            spans.append(.init(brackets.open + brackets.close + tail, .jsonPunct))
            append(spans, parent: parent, section: section, member: member,
                   value: .container(empty: brackets.open + brackets.close), valueSpan: valueSpan)
            return
        }
        spans.append(.init(brackets.open, .jsonPunct))
        let open = append(spans, parent: parent, section: section, member: member, value: .container(empty: nil), valueSpan: valueSpan)
        for (index, child) in children.enumerated() {
            emit(child.value, key: child.key, index: index, depth: depth + 1, comma: index < children.count - 1,
                 parent: open, section: section)
        }
        close(brackets.close + tail, opener: open, container: container, children: children.count, depth: depth, section: section)
    }

    /// Lays out `value`, the member `key` of an object or element `index` of an array (neither at
    /// a section's top).
    private mutating func emit(_ value: JSONValue, key: String?, index: Int? = nil, depth: Int, comma: Bool, parent: Int?, section: Int) {
        var spans: [JSONDocument.Span] = []
        spans.reserveCapacity(7)
        if depth > 0 { spans.append(.init(indent(depth), .text)) }
        if let key {
            spans += quoted(key, .jsonKey)
            spans.append(.init(": ", .jsonPunct))
        }
        let member: JSONDocument.Member? = key.map { .key($0) } ?? index.map { .index($0) }
        let valueSpan = spans.count
        let tail = comma ? "," : ""
        let shown: JSONDocument.Value
        switch value {
        case .object(let members):
            return emitContainer(members.map { ($0.key, $0.value) }, container: .object, brackets: ("{", "}"), spans: spans,
                                 tail: tail, depth: depth, parent: parent, section: section, member: member)
        case .array(let elements):
            return emitContainer(elements.map { (nil, $0) }, container: .array, brackets: ("[", "]"), spans: spans,
                                 tail: tail, depth: depth, parent: parent, section: section, member: member)
        case .string(let text):
            spans += quoted(text, .jsonString)
            shown = .string(text)
        case .number(let raw):
            spans.append(.init(cut(raw), .jsonNumber))
            if let marker = marker(raw) { spans.append(.init(marker, .dim)) }
            shown = .literal(raw)
        case .bool(let flag):
            spans.append(.init(flag ? "true" : "false", .jsonBool))
            shown = .literal(flag ? "true" : "false")
        case .null:
            spans.append(.init("null", .jsonNull))
            shown = .literal("null")
        }
        appendTail(tail, to: &spans)
        append(spans, parent: parent, section: section, member: member, value: shown, valueSpan: valueSpan)
    }

    @discardableResult
    private mutating func append(_ spans: [JSONDocument.Span], parent: Int?, section: Int,
                                 member: JSONDocument.Member? = nil, value: JSONDocument.Value? = nil, valueSpan: Int = 0) -> Int {
        lines.append(JSONDocument.Line(spans: spans, parent: parent, section: section, member: member, value: value, valueSpan: valueSpan))
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
