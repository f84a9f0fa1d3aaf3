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

        init(spans: [Span], closingLine: Int? = nil, container: Container? = nil, childCount: Int = 0,
             parent: Int?, section: Int) {
            self.spans = spans
            var joined = ""
            var isASCII = true
            for span in spans {
                joined += span.text
                if isASCII, !span.text.utf8.allSatisfy({ $0 < 0x80 }) { isASCII = false }
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
                 parent: parent, section: section)
        }

        /// Whether this line opens a container that can fold.
        public var isFoldable: Bool { closingLine != nil }

        /// What a folded container holds, as shown after it: `4 keys`, `1 key`, `2 items`.
        public var foldSummary: String? {
            switch container {
            case .object: childCount == 1 ? "1 key" : "\(childCount) keys"
            case .array: childCount == 1 ? "1 item" : "\(childCount) items"
            case nil: nil
            }
        }
    }
}
