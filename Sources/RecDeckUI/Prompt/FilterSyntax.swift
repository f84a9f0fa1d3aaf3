import RecDeckCore

/// The filter language as the dashboard teaches it: Tab completes its field names and the help
/// overlay describes it, both from `QueryField`'s list, so a field added there shows in both.
public enum FilterSyntax {
    /// The field names as typed (`call:`, `dur>`) that `prefix` begins (any case); a leading `-`
    /// (negation) is kept. None once the word has its field (`call:1`, `dur>5`).
    public static func fields(completing prefix: String) -> [String] {
        let negation = prefix.hasPrefix("-") ? "-" : ""
        let typed = prefix.dropFirst(negation.count).lowercased()
        guard !typed.contains(where: { !$0.isLetter }) else { return [] }
        return QueryField.allCases.map(\.syntax).filter { $0.hasPrefix(typed) }.map { negation + $0 }
    }

    /// The help overlay's lines on the filter language, each at most `width` cells.
    public static func helpLines(width: Int) -> [String] {
        let fields = QueryField.allCases.filter { !$0.isComparison }.map(\.syntax)
        let compared = QueryField.allCases.filter(\.isComparison).map(\.rawValue)
        let operators = ComparisonOperator.allCases.map(\.rawValue).joined(separator: " ")
        return ["Filter (/, :filter; Tab completes field names)"]
            + wrapped("word  anywhere in the ids, end reasons and types", width: width)
            + wrapped(fields.joined(separator: " ") + "  a field holds the value (any part, any case)", width: width)
            + wrapped(compared.joined(separator: " ") + "  compared with " + operators, width: width)
            + wrapped("-term negates; \"quoted text\" is one term; terms are all matched", width: width)
            + wrapped("e.g. reason:failure dur>5m  -format:mp4  age<1h  start>2026-10-01", width: width)
    }

    /// `text` broken at spaces into lines of at most `width` cells, the lines after the first indented.
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = " "
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = line == " " || line == "   " ? line + word : line + " " + word
            if DisplayWidth.of(candidate) > width, line != " ", line != "   " {
                lines.append(line)
                line = "   " + word
            } else {
                line = candidate
            }
        }
        lines.append(line)
        return lines
    }
}
