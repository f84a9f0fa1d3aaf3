/// Why `fetch` or `delete` cannot run or a transfer failed, in words with what to do.
public struct FetchError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
