extension JSONDocument {
    /// A run of laid-out text drawn in one theme role (`.jsonKey`, `.jsonString`, `.jsonNumber`,
    /// `.jsonBool`, `.jsonNull`, `.jsonPunct`, `.text`, `.dim` or `.error`).
    ///
    /// The text is already safe to print: strings are re-quoted with `JSONWriter.appendQuoted` and
    /// every other piece of event text passes through `SafeText` at layout.
    public struct Span: Sendable, Hashable {
        public var text: String
        public var role: ThemeRole

        public init(_ text: String, _ role: ThemeRole) {
            self.text = text
            self.role = role
        }
    }
}
