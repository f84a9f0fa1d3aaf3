import RecDeckCore

/// Why a theme could not be loaded: the file, the line (and column when known) and a plain reason.
///
/// `description` reads `path:line:column: reason` (or `path:line: reason`, or `path: reason`
/// when the problem is the whole file), the form editors and terminals turn into links.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of mistake it is, for tests and callers that react to one kind.
    public enum Kind: String, Hashable, Sendable {
        /// The file is not valid TOML (line and column from the parser).
        case syntax
        /// The file cannot be read (missing, a folder, not UTF-8).
        case unreadable
        /// `--theme NAME` or `$RECDECK_THEME` names no theme in any folder.
        case notFound
        /// A key recdeck does not know: at the top level or inside a style.
        case unknownKey
        /// A `[styles]` entry that is not one of the roles.
        case unknownRole
        /// A colour that is not `#rrggbb`, 0–255, an ANSI name or `default`.
        case badColor
        /// A colour name that is neither in `[palette]` nor one of the 16 ANSI names.
        case unknownPaletteName
        /// An attribute that is not bold, dim, italic, underline or reverse.
        case unknownAttribute
        /// A value of the wrong TOML type (a number where a string belongs, …).
        case badValue
        /// `inherits` leads back to a theme already in the chain.
        case inheritsCycle
        /// `inherits` goes more than `ThemeLoader.maximumDepth` themes deep.
        case inheritsTooDeep
        /// `inherits` names a theme that cannot be found.
        case missingParent
    }

    public var kind: Kind
    /// The theme file (as found or given), or the name asked for when no file was found.
    public var path: String
    /// 1-based; nil when the problem concerns the whole file.
    public var line: Int?
    /// 1-based; only syntax errors know it.
    public var column: Int?
    /// What is wrong, in words.
    public var reason: String

    public init(_ kind: Kind, path: String, line: Int? = nil, column: Int? = nil, reason: String) {
        self.kind = kind
        self.path = path
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// Escaped like the screen (`SafeText`): the reason quotes keys and values from the file.
    public var description: String {
        var text = path
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return SafeText.escaped(text + ": " + reason)
    }
}
