/// What curses is given for one cell: the cell's grapheme as wide characters, made safe.
///
/// `Buffer` already escapes control characters; this is the last line of defence, so that no
/// C0/DEL/C1 control and nothing curses would draw as several cells (`^[`, `~@`) ever reaches it,
/// and so curses' column count matches the buffer's (one spacing character per cell).
enum CellGlyph {
    /// At most this many wide characters fit in a `cchar_t` (ncurses' CCHARW_MAX).
    static let maximumCharacters = 5

    /// C0 controls, DEL and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The scalars to draw for a cell's `text`: the first scalar (a control, or anything
    /// `width` calls unprintable, becomes `?`), then the zero-width scalars that follow it
    /// (combining marks, variation selectors), up to `maximumCharacters` in all. Whatever follows
    /// the first further spacing scalar is dropped, and a trailing zero-width joiner with it.
    /// Empty text (a continuation cell) gives a space.
    static func scalars(for text: String, width: (Unicode.Scalar) -> Int) -> [Unicode.Scalar] {
        var iterator = text.unicodeScalars.makeIterator()
        guard let first = iterator.next() else { return [" "] }
        guard !isControl(first), width(first) >= 0 else { return ["?"] }
        var result = [first]
        while result.count < maximumCharacters, let next = iterator.next() {
            guard !isControl(next), width(next) == 0 else { break }
            result.append(next)
        }
        while result.count > 1, result.last == "\u{200D}" { result.removeLast() }
        return result
    }
}
