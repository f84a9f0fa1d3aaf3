/// Each recording's place in a sort as two fixed-width integers, computed once, so that sorting
/// a million recordings compares integers instead of reading every recording's fields and ids
/// again at each of its twenty million comparisons.
///
/// The first integer is the sorted field (a number, order-preserving, or eight bytes of the text
/// ignoring case, after the prefix that every value shares); the second is eight bytes of the id,
/// after the prefix every id shares, or, when the caller knows each recording's rank in id order
/// (`idRanks`), that rank. Both keep the order exactly: when two keys are equal the full values
/// are compared, as `RecordingSort.precedes` compares them.
struct RecordingSortKeys {
    private struct Entry {
        /// The field's key, already in the sort's direction.
        var primary: UInt64
        /// The id's key, ascending.
        var tie: UInt64
        var index: Int32
        /// Whether the field is missing (missing values come last either way).
        var missing: Bool
        /// Whether `primary` holds the whole text, so equal keys are equal texts.
        var exact: Bool
    }

    /// How many comparisons had to look at the full text because the keys were equal.
    private(set) var fullComparisons = 0
    /// Positions into the recordings given, in sorted order.
    private(set) var order: [Int] = []

    /// `idRanks`, when given, holds each recording's place in the order of their ids (distinct):
    /// ties are then decided without reading an id.
    init(sorting recordings: [Recording], by sort: RecordingSort, now: Timestamp, idRanks: [UInt32]? = nil) {
        let count = recordings.count
        guard count > 1 else {
            order = Array(0..<count)
            return
        }
        let ids = idRanks == nil ? recordings.map(\.id) : []
        let idKeys: [(key: UInt64, exact: Bool)]? = idRanks.map { ranks in ranks.map { (UInt64($0), true) } }
            ?? Self.textKeys(ids, folded: false)
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var texts: [String?] = []
        if sort.field.isText {
            texts = recordings.map { sort.textKey($0) }
            let present = texts.compactMap { $0 }
            let keys = Self.textKeys(present, folded: true)
            var next = 0
            for (index, text) in texts.enumerated() {
                var primary: (key: UInt64, exact: Bool) = (0, true)
                if text != nil {
                    primary = keys?[next] ?? (0, false)
                    next += 1
                    if !sort.ascending { primary.key = ~primary.key }
                }
                entries.append(Entry(primary: primary.key, tie: idKeys?[index].key ?? 0, index: Int32(index),
                                     missing: text == nil, exact: primary.exact))
            }
        } else {
            for (index, recording) in recordings.enumerated() {
                let value = sort.numberKey(recording, now: now)
                var primary = value.map { UInt64(bitPattern: $0) ^ (1 << 63) } ?? 0
                if !sort.ascending { primary = ~primary }
                entries.append(Entry(primary: primary, tie: idKeys?[index].key ?? 0, index: Int32(index),
                                     missing: value == nil, exact: true))
            }
        }
        let ascending = sort.ascending, isText = sort.field.isText
        var full = 0
        entries.sort { lhs, rhs in
            if lhs.missing != rhs.missing { return rhs.missing }
            if lhs.primary != rhs.primary { return lhs.primary < rhs.primary }
            if isText, !lhs.missing, !(lhs.exact && rhs.exact) {
                full += 1
                let result = compareIgnoringCase(texts[Int(lhs.index)]!, texts[Int(rhs.index)]!)
                if result != 0 { return ascending ? result < 0 : result > 0 }
            }
            if lhs.tie != rhs.tie || ids.isEmpty { return lhs.tie < rhs.tie }
            full += 1
            let leftId = ids[Int(lhs.index)], rightId = ids[Int(rhs.index)]
            return leftId != rightId ? leftId < rightId : lhs.index < rhs.index
        }
        fullComparisons = full
        order = entries.map { Int($0.index) }
    }

    /// The positions of `recordings` in the order of their ids (ascending, as `String` orders
    /// them), on the same keys as the ties of a sort.
    init(idOrderOf recordings: [Recording]) {
        let ids = recordings.map(\.id)
        let idKeys = Self.textKeys(ids, folded: false)
        var entries = ids.indices.map { index in
            Entry(primary: 0, tie: idKeys?[index].key ?? 0, index: Int32(index), missing: false, exact: true)
        }
        entries.sort { lhs, rhs in
            if lhs.tie != rhs.tie { return lhs.tie < rhs.tie }
            let leftId = ids[Int(lhs.index)], rightId = ids[Int(rhs.index)]
            return leftId != rightId ? leftId < rightId : lhs.index < rhs.index
        }
        order = entries.map { Int($0.index) }
    }

    /// Eight bytes of each text after the prefix all of them share, big-endian, padded with zeros
    /// (ASCII letters folded to small when `folded`): a smaller key means a smaller text, and an
    /// exact key (the rest fits and holds no zero byte) is the whole text. `nil` when a text is
    /// not ASCII and unfolded, since `String` orders those by their normalized form rather than
    /// by bytes: then every comparison looks at the texts.
    private static func textKeys(_ texts: [String], folded: Bool) -> [(key: UInt64, exact: Bool)]? {
        guard let first = texts.first else { return [] }
        var shared = Array(first.utf8)
        if folded { shared = shared.map(foldASCII) }
        for text in texts {
            if !folded, !text.utf8.allSatisfy({ $0 < 0x80 }) { return nil }
            let matched = text.utf8.withContiguousStorageIfAvailable { Self.sharedPrefix($0, shared, folded: folded) }
                ?? Array(text.utf8).withUnsafeBufferPointer { Self.sharedPrefix($0, shared, folded: folded) }
            if matched < shared.count { shared.removeLast(shared.count - matched) }
        }
        let skip = shared.count
        return texts.map { text in
            var key: UInt64 = 0
            var taken = 0
            var zero = false
            let rest = text.utf8.dropFirst(skip)
            for byte in rest.prefix(8) {
                key = key << 8 | UInt64(folded ? foldASCII(byte) : byte)
                zero = zero || byte == 0
                taken += 1
            }
            let exact = !zero && (taken < 8 || rest.count == 8)
            return (taken == 8 ? key : key << (8 * UInt64(8 - taken)), exact)
        }
    }

    private static func sharedPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ shared: [UInt8], folded: Bool) -> Int {
        let limit = min(bytes.count, shared.count)
        var index = 0
        while index < limit, (folded ? foldASCII(bytes[index]) : bytes[index]) == shared[index] { index += 1 }
        return index
    }
}
