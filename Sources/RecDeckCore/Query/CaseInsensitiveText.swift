/// Lowercase text to look for inside other text, ignoring case, prepared once per query.
///
/// Ids, reasons and types are ASCII, so the search folds ASCII letters while walking the UTF-8
/// bytes in place: no allocation per recording. A needle with other letters never matches ASCII
/// text and falls back to lowercasing the (rare) candidates that have other letters too.
struct TextNeedle: Sendable, Hashable {
    /// The needle, lowercased.
    let lowered: String
    private let bytes: [UInt8]
    private let isASCII: Bool

    init(_ text: String) {
        lowered = text.lowercased()
        bytes = Array(lowered.utf8)
        isASCII = bytes.allSatisfy { $0 < 0x80 }
    }

    /// Whether text holding this needle is sure to hold `other` (same kind of search, and this
    /// needle contains the other one).
    func contains(_ other: TextNeedle) -> Bool {
        isASCII == other.isASCII && (other.lowered.isEmpty || lowered.contains(other.lowered))
    }

    /// Whether the needle occurs in `haystack`, ignoring case.
    func isFound(in haystack: String) -> Bool {
        guard isASCII else {
            // Lowercasing keeps ASCII text ASCII, so it cannot hold a needle with other letters.
            if haystack.isAllASCII { return false }
            return haystack.lowercased().contains(lowered)
        }
        if let found = haystack.utf8.withContiguousStorageIfAvailable({ search(in: $0) }) { return found }
        return Array(haystack.utf8).withUnsafeBufferPointer { search(in: $0) }
    }

    /// Whether the needle occurs in `haystack`; never for a missing value.
    func isFound(in haystack: String?) -> Bool {
        guard let haystack else { return false }
        return isFound(in: haystack)
    }

    /// Whether the needle occurs in the text of `haystack`; never for a missing value.
    func isFound(in haystack: PackedID?) -> Bool {
        guard let haystack else { return false }
        guard isASCII else { return isFound(in: haystack.text) }
        return haystack.withUTF8 { search(in: $0) }
    }

    private func search(in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count > 0 else { return true }
        guard count <= haystack.count else { return false }
        return bytes.withUnsafeBufferPointer { needle in
            let base = haystack.baseAddress!
            let last = haystack.count - count
            // Letters match either case: `byte | 0x20` is the small letter for both (and only them).
            let first = needle[0], final = needle[count - 1]
            let firstFold: UInt8 = first &- 0x61 < 26 ? 0x20 : 0
            let finalFold: UInt8 = final &- 0x61 < 26 ? 0x20 : 0
            func matches(at start: Int) -> Bool {
                var offset = 0
                while offset < count, foldASCII(base[start + offset]) == needle[offset] { offset += 1 }
                return offset == count
            }
            var start = 0
            // Sixteen positions at a time: keep those whose first and last bytes fit, check only those.
            if last >= 16 {
                let firstLanes = SIMD16<UInt8>(repeating: first), finalLanes = SIMD16<UInt8>(repeating: final)
                let firstFolds = SIMD16<UInt8>(repeating: firstFold), finalFolds = SIMD16<UInt8>(repeating: finalFold)
                let raw = UnsafeRawPointer(base)
                while start + 16 <= last + 1 {
                    let heads = raw.loadUnaligned(fromByteOffset: start, as: SIMD16<UInt8>.self) | firstFolds
                    let tails = raw.loadUnaligned(fromByteOffset: start + count - 1, as: SIMD16<UInt8>.self) | finalFolds
                    let candidates = (heads .== firstLanes) .& (tails .== finalLanes)
                    if any(candidates) {
                        for lane in 0..<16 where candidates[lane] && matches(at: start + lane) { return true }
                    }
                    start += 16
                }
            }
            while start <= last {
                if base[start] | firstFold == first, matches(at: start) { return true }
                start += 1
            }
            return false
        }
    }
}

/// `byte` with ASCII capitals made small; every other byte unchanged.
@inline(__always)
func foldASCII(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte | 0x20 : byte
}

/// Three-way comparison of two texts ignoring ASCII case: negative, zero or positive.
///
/// Compares UTF-8 bytes, so text beyond ASCII orders by code point; no allocation for native strings.
func compareIgnoringCase(_ lhs: String, _ rhs: String) -> Int {
    func compare(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        let shared = min(left.count, right.count)
        var index = 0
        while index < shared {
            let a = foldASCII(left[index]), b = foldASCII(right[index])
            if a != b { return a < b ? -1 : 1 }
            index += 1
        }
        return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
    }
    let result = lhs.utf8.withContiguousStorageIfAvailable { left in
        rhs.utf8.withContiguousStorageIfAvailable { right in compare(left, right) }
    }
    if let result = result ?? nil { return result }
    return Array(lhs.utf8).withUnsafeBufferPointer { left in
        Array(rhs.utf8).withUnsafeBufferPointer { right in compare(left, right) }
    }
}
