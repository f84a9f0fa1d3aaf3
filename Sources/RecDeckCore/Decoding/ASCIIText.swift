extension String {
    /// Whether every byte of the text is ASCII: one pass over the UTF-8 that the compiler turns
    /// into wide loads (ids, subjects and reasons nearly always are, and their fast paths need it).
    public var isAllASCII: Bool {
        var text = self
        return text.withUTF8 { bytes in
            var seen: UInt8 = 0
            for byte in bytes { seen |= byte }
            return seen < 0x80
        }
    }
}
