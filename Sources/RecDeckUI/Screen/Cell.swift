/// One terminal cell: a grapheme (already safe to print) and its style.
///
/// A wide grapheme (CJK, emoji) fills its cell and the next, whose `text` is empty: the
/// backend writes the grapheme once and skips the continuation.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// A blank cell.
    public static let blank = Cell()

    /// Whether this is the second half of a wide grapheme.
    public var isContinuation: Bool { text.isEmpty }
}
