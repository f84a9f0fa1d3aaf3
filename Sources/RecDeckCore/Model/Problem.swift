/// A file, or a part of one, that could not be read as events: where and why, in plain words.
public struct Problem: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Path relative to the scanned directory (`.` for the directory itself).
    public var file: String
    /// 1-based line, when a parser can tell.
    public var line: Int?
    /// 1-based column in characters, when a parser can tell.
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, as compilers print diagnostics.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text + ": " + message
    }

    public static func < (lhs: Problem, rhs: Problem) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.line != rhs.line { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        if lhs.column != rhs.column { return (lhs.column ?? 0) < (rhs.column ?? 0) }
        return lhs.message < rhs.message
    }
}
