/// Finds text in laid-out lines ignoring case, one needle prepared once per search.
///
/// Works on Unicode scalars, each folded to its lowercase (when that is one scalar), so offsets
/// map straight onto the spans; ASCII lines are searched byte-wise without allocating.
struct JSONViewMatcher {
    private let needle: [UInt32]
    private let isASCII: Bool

    init(_ text: String) {
        needle = text.unicodeScalars.map(Self.fold)
        isASCII = needle.allSatisfy { $0 < 0x80 }
    }

    var isEmpty: Bool { needle.isEmpty }

    /// Start offsets (in scalars) of the non-overlapping occurrences in `line`, left to right.
    func occurrences(in line: JSONDocument.Line) -> [Int] {
        guard !needle.isEmpty else { return [] }
        if line.isASCII {
            guard isASCII else { return [] }
            var text = line.text
            return text.withUTF8 { bytes in
                search(count: bytes.count) { UInt32(foldASCII(bytes[$0])) }
            }
        }
        let scalars = line.text.unicodeScalars.map(Self.fold)
        return search(count: scalars.count) { scalars[$0] }
    }

    @inline(__always)
    private func search(count: Int, _ element: (Int) -> UInt32) -> [Int] {
        let length = needle.count
        guard length <= count else { return [] }
        var found: [Int] = []
        var start = 0
        let first = needle[0]
        while start <= count - length {
            if element(start) == first {
                var offset = 1
                while offset < length, element(start + offset) == needle[offset] { offset += 1 }
                if offset == length {
                    found.append(start)
                    start += length
                    continue
                }
            }
            start += 1
        }
        return found
    }

    /// `scalar` lowercased when that is a single scalar, else unchanged.
    static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        if value < 0x80 { return UInt32(foldASCII(UInt8(value))) }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        if lower.count == 1, let only = lower.first { return only.value }
        return value
    }

    @inline(__always)
    private static func foldASCII(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    @inline(__always)
    private func foldASCII(_ byte: UInt8) -> UInt8 { Self.foldASCII(byte) }
}
