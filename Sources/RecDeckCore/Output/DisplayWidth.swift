/// How many terminal cells text takes: wide CJK and emoji take 2, combining marks 0.
public enum DisplayWidth {
    /// Cells taken by one scalar (0, 1 or 2); control characters count 0 (they are escaped before display).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }
        if value == 0x200B || (0x1160...0x11FF).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Cells a grapheme takes: the widest of its scalars, at most 2 (a ZWJ sequence or a flag is
    /// one glyph); an emoji presentation selector makes 2.
    public static func of(_ character: Character) -> Int {
        var widest = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F { return 2 }
            widest = max(widest, of(scalar))
        }
        if widest == 1, character.unicodeScalars.count > 1,
           character.unicodeScalars.allSatisfy({ (0x1F1E6...0x1F1FF).contains($0.value) }) { return 2 }
        return min(2, widest)
    }

    /// The most combining marks (zero-width scalars) one character keeps for display.
    public static let maximumMarksPerCharacter = 16

    /// The start of `text` that display can use: at most `characters` base scalars, each with at
    /// most `maximumMarksPerCharacter` zero-width scalars after it (a character with more ends the
    /// prefix there), and whether anything was left out. Works on scalars and stops once it has enough, so a "character" of 8,000,000
    /// combining marks costs what a short one does (grapheme breaking would walk all of it).
    public static func displayPrefix(_ text: String, characters: Int) -> (text: String, cut: Bool) {
        // Nearly every cell: printable ASCII short enough (no marks, a scalar a character).
        if text.utf8.count <= characters, isPrintableASCII(text) { return (text, false) }
        var result = String.UnicodeScalarView()
        var bases = 0, marks = 0, cut = false
        for scalar in text.unicodeScalars {
            let zeroWidth = scalar.value >= 0x300 && of(scalar) == 0
            if zeroWidth {
                marks += 1
                if marks > maximumMarksPerCharacter {
                    // What follows is not looked at: finding the next base could mean walking
                    // millions of marks. The text shows cut there.
                    cut = true
                    break
                }
            } else {
                if bases == characters {
                    cut = true
                    break
                }
                bases += 1
                marks = 0
            }
            result.append(scalar)
        }
        return (String(result), cut)
    }

    /// Cells taken by `text`.
    public static func of(_ text: String) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }
        var width = 0
        for character in text { width += of(character) }
        return width
    }

    /// `text` cut to at most `cells` cells, ending in `…` when cut; never splits a character.
    public static func truncated(_ text: String, to cells: Int) -> String {
        guard cells > 0 else { return "" }
        if of(text) <= cells { return text }
        return prefix(of: text, cells: cells - 1) + "…"
    }

    /// `text` cut to at most `cells` cells by taking out its middle (`72723b9c-e…b35411b`), for
    /// ids whose start and end both tell them apart; never splits a character.
    public static func middleTruncated(_ text: String, to cells: Int) -> String {
        guard cells > 1 else { return truncated(text, to: cells) }
        if of(text) <= cells { return text }
        let head = prefix(of: text, cells: cells / 2)
        return head + "…" + suffix(of: text, cells: cells - 1 - of(head))
    }

    /// The longest end of `text` that fits in `cells` cells, whole characters only.
    public static func suffix(of text: String, cells: Int) -> String {
        var result: [Character] = []
        var used = 0
        for character in text.reversed() {
            let width = of(character)
            if used + width > cells { break }
            result.append(character)
            used += width
        }
        return String(result.reversed())
    }

    /// The longest start of `text` that fits in `cells` cells, whole characters only.
    public static func prefix(of text: String, cells: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let width = of(character)
            if used + width > cells { break }
            result.append(character)
            used += width
        }
        return result
    }

    /// `text` padded with spaces (or cut) to exactly `cells` cells.
    public static func padded(_ text: String, to cells: Int) -> String {
        let cut = truncated(text, to: cells)
        return cut + String(repeating: " ", count: max(0, cells - of(cut)))
    }

    /// Whether `text` is only printable ASCII, a cell per byte.
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// East Asian Wide and Fullwidth ranges.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}
