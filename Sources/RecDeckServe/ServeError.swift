/// Why `recdeck serve` cannot start: one line meant for a person (never containing the key).
public struct ServeError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
