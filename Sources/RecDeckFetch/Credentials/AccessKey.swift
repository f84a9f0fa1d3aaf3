/// The ACS resource's access key (the base64-decoded `accesskey=` of the connection string).
///
/// Its bytes never leave this value as text: `description` and `debugDescription` print a
/// placeholder, so the key cannot reach a message, a log or the screen by interpolation.
public struct AccessKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The HMAC key.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public var description: String { "<access key>" }
    public var debugDescription: String { "<access key>" }
}
