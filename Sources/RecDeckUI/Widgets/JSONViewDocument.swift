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

        public init(title: String, text: String) {
            self.title = title
            self.text = text
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
