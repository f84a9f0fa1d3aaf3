/// Text from event files made safe to show: control characters become visible escapes.
///
/// Event files are untrusted. C0 controls, DEL, C1 controls, bidirectional overrides and
/// invisible formatting characters could move the cursor, set the window title, write the
/// clipboard or disguise text, so each is replaced by `\uXXXX` (or `\n`, `\t`, `\r`).
public enum SafeText {
    /// Whether `scalar` must not reach a terminal as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        // Bidi embeddings, overrides and isolates; line and paragraph separators.
        case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        // Zero-width and invisible formatting characters that can hide text; BOM.
        case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0x061C, 0x180E: true
        default: false
        }
    }

    /// `text` with every unsafe scalar escaped; returns `text` itself when nothing needs escaping.
    public static func escaped(_ text: String) -> String {
        // Fast path: printable ASCII needs nothing.
        if DisplayWidth.isPrintableASCII(text) { return text }
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` without its unsafe scalars (all but those in `keeping`), and how many were removed:
    /// for the clipboard, where an escape written as `\u001b` would be pasted as that text.
    public static func strippingUnsafe(_ text: String, keeping: Set<Unicode.Scalar> = []) -> (text: String, removed: Int) {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && !keeping.contains($0) }) else { return (text, 0) }
        var result = String.UnicodeScalarView()
        var removed = 0
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) && !keeping.contains(scalar) {
                removed += 1
            } else {
                result.append(scalar)
            }
        }
        return (String(result), removed)
    }

    /// The visible escape of one scalar: `\n`, `\t`, `\r`, or `\u001b` style.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        default:
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// How many characters of a value a message quotes.
    public static let quotedLimit = 64

    /// `value` as a message quotes it: in double quotes, escaped like a Swift literal, at most
    /// `limit` scalars, then `…` and the whole length, so a 50 MB value makes a short message.
    public static func quoted(_ value: String, limit: Int = quotedLimit) -> String {
        // Counted in scalars, not characters: one character may hold millions of combining marks.
        let scalars = value.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let cut = end < scalars.endIndex
        let prefix = String(scalars[..<end])
        let text = prefix.debugDescription
        return cut ? "\(text.dropLast())…\" (\(value.utf8.count) bytes)" : text
    }
}
