import RecDeckCore

/// Why a config file cannot be used: its path, the line when known, and what to change.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var reason: String

    public init(path: String, line: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// `path:line: reason`, as compilers print it, escaped like the screen: the reason quotes
    /// keys and values from the file, which must not set a window title or write the clipboard.
    public var description: String {
        SafeText.escaped("\(path)\(line.map { ":\($0)" } ?? ""): \(reason)")
    }
}
