extension String {
    /// Whether every byte of the text is ASCII: one pass over the UTF-8 that the compiler turns
    /// into wide loads (ids, subjects and reasons nearly always are, and their fast paths need it).
    public var isAllASCII: Bool {
        var text = self
        return text.withUTF8 { $0.isAllASCII }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether every byte is ASCII (`String.isAllASCII` of bytes not yet made into a string).
    var isAllASCII: Bool {
        var seen: UInt8 = 0
        for byte in self { seen |= byte }
        return seen < 0x80
    }
}
