/// Why no credentials could be had: where they were looked for and what to do, never their text.
public struct CredentialError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
