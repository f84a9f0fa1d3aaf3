/// Each recording's place in a sort as fixed-width integers, computed once, so that sorting
/// a million recordings compares integers instead of reading every recording's fields and ids
/// again at each of its twenty million comparisons.
///
/// The first integers are the sorted field (a number, order-preserving, or sixteen bytes of the
/// text ignoring case, after the prefix that every value shares); the last is eight bytes of the id,
/// after the prefix shared by the ids of its run of tied fields (worked out for those runs only), or,
/// when the caller knows each recording's rank in id order (`idRanks`), that rank. Both keep the
/// order exactly: when two keys are equal the full values are compared, as `RecordingSort.precedes`
/// compares them.
struct RecordingSortKeys {
    private struct Entry {
        /// The field's key, already in the sort's direction, and for texts the next eight bytes.
        var primary: UInt64
        var secondary: UInt64
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
        // Without ranks, ids are read only where the field's keys tie (`resolveIds`): most sorts have few ties.
        let readsIds = idRanks == nil
        let idKeys = idRanks.map { ranks in ranks.map(UInt64.init) }
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var texts: [String?] = []
        // The field's key, looked up once rather than per recording.
        switch sort.field.facet.key {
        case .text(let textKey):
            texts = recordings.map(textKey)
            let present = texts.compactMap { $0 }
            let keys = Self.textKeys(count: present.count, folded: true) { index, _, body in
                var text = present[index]
                text.withUTF8(body)
            }
            var next = 0
            for (index, text) in texts.enumerated() {
                var primary: (key: UInt64, second: UInt64, exact: Bool) = (0, 0, true)
                if text != nil {
                    primary = keys?[next] ?? (0, 0, false)
                    next += 1
                    if !sort.ascending { primary = (~primary.key, ~primary.second, primary.exact) }
                }
                entries.append(Entry(primary: primary.key, secondary: primary.second, tie: idKeys?[index] ?? 0,
                                     index: Int32(index), missing: text == nil, exact: primary.exact))
            }
        case .number(let numberKey):
            for (index, recording) in recordings.enumerated() {
                let value = numberKey(recording, now)
                var primary = value.map { UInt64(bitPattern: $0) ^ (1 << 63) } ?? 0
                if !sort.ascending { primary = ~primary }
                entries.append(Entry(primary: primary, secondary: 0, tie: idKeys?[index] ?? 0, index: Int32(index),
                                     missing: value == nil, exact: true))
            }
        }
        let ascending = sort.ascending, isText = sort.field.isText
        var full = 0
        Self.sort(&entries, undecided: { lhs, rhs in
            (isText && !lhs.missing && !(lhs.exact && rhs.exact)) || (readsIds && lhs.tie == rhs.tie)
        }, rekey: isText ? { run in
            // Texts of the run longer than their keys: keys of the bytes after the prefix the run's texts share.
            let start = run.startIndex
            guard !run[start].missing, run.contains(where: { !$0.exact }),
                  let keys = Self.textKeys(count: run.count, folded: true, withText: { index, _, body in
                      var text = texts[Int(run[start + index].index)]!
                      text.withUTF8(body)
                  }) else { return false }
            for position in run.indices {
                let key = keys[position - start]
                run[position].primary = ascending ? key.key : ~key.key
                run[position].secondary = ascending ? key.second : ~key.second
                run[position].exact = key.exact
            }
            return true
        } : nil, resolveIds: readsIds ? { run in
            // The ids' keys within this run of ties only.
            let keys = Self.textKeys(count: run.count, folded: false, isASCII: { recordings[Int(run[run.startIndex + $0].index)].id.isASCII }) {
                index, limit, body in recordings[Int(run[run.startIndex + index].index)].id.withUTF8(prefix: limit, body)
            }
            for position in run.indices { run[position].tie = keys?[position - run.startIndex].key ?? 0 }
        } : nil, by: { lhs, rhs in
            if lhs.missing != rhs.missing { return rhs.missing }
            if lhs.primary != rhs.primary { return lhs.primary < rhs.primary }
            if lhs.secondary != rhs.secondary { return lhs.secondary < rhs.secondary }
            if isText, !lhs.missing, !(lhs.exact && rhs.exact) {
                full += 1
                let result = compareIgnoringCase(texts[Int(lhs.index)]!, texts[Int(rhs.index)]!)
                if result != 0 { return ascending ? result < 0 : result > 0 }
            }
            if lhs.tie != rhs.tie || !readsIds { return lhs.tie < rhs.tie }
            full += 1
            let leftId = recordings[Int(lhs.index)].id, rightId = recordings[Int(rhs.index)].id
            return leftId != rightId ? leftId < rightId : lhs.index < rhs.index
        })
        fullComparisons = full
        order = entries.map { Int($0.index) }
    }

    /// The positions of `recordings` in the order of their ids (ascending, as `String` orders
    /// them), on sixteen bytes of each id after the prefix they share.
    init(idOrderOf recordings: [Recording]) {
        let ids = recordings.map(\.id)
        let idKeys = Self.textKeys(of: ids)
        var entries = ids.indices.map { index in
            Entry(primary: idKeys?[index].key ?? 0, secondary: idKeys?[index].second ?? 0, tie: 0, index: Int32(index),
                  missing: false, exact: idKeys?[index].exact ?? false)
        }
        var full = 0
        Self.sort(&entries, undecided: { lhs, rhs in !(lhs.exact && rhs.exact) }, rekey: { run in
            // Ids of the run longer than their keys: keys of the bytes after the prefix the run's ids share.
            let start = run.startIndex
            guard let keys = Self.textKeys(of: run.map { ids[Int($0.index)] }) else { return false }
            for position in run.indices {
                let key = keys[position - start]
                (run[position].primary, run[position].secondary, run[position].exact) = (key.key, key.second, key.exact)
            }
            return true
        }, by: { lhs, rhs in
            if lhs.primary != rhs.primary { return lhs.primary < rhs.primary }
            if lhs.secondary != rhs.secondary { return lhs.secondary < rhs.secondary }
            if lhs.exact && rhs.exact { return lhs.index < rhs.index }
            full += 1
            let leftId = ids[Int(lhs.index)], rightId = ids[Int(rhs.index)]
            return leftId != rightId ? leftId < rightId : lhs.index < rhs.index
        })
        fullComparisons = full
        order = entries.map { Int($0.index) }
    }

    /// Sorts `entries` on their integers alone (a comparison that reads nothing else, so the sort
    /// retains nothing per comparison), then settles each run whose keys tie where `undecided`
    /// says the integers do not decide two neighbours (texts longer than their keys, ids whose keys
    /// are equal). A long run gets keys of its own from `rekey` (the bytes after the prefix its
    /// texts share: one odd text makes the prefix all of them share short, and leaves the rest in
    /// one run) and is sorted and settled again; a short one, or one `rekey` cannot key, is sorted
    /// with `precedes` after `resolveIds` has set the ids' keys in it. Only those short runs read texts.
    private static func sort(_ entries: inout [Entry], undecided: (Entry, Entry) -> Bool,
                             rekey: ((inout Run) -> Bool)? = nil,
                             resolveIds: ((inout Run) -> Void)? = nil, by precedes: (Entry, Entry) -> Bool) {
        let byKeys = { (lhs: Entry, rhs: Entry) -> Bool in
            if lhs.missing != rhs.missing { return rhs.missing }
            if lhs.primary != rhs.primary { return lhs.primary < rhs.primary }
            if lhs.secondary != rhs.secondary { return lhs.secondary < rhs.secondary }
            if lhs.tie != rhs.tie { return lhs.tie < rhs.tie }
            return lhs.index < rhs.index
        }
        entries.sort(by: byKeys)
        /// Sorts the runs of `part` that the keys leave undecided: a long one on new keys of its own
        /// (each round reads sixteen bytes further into its texts), a short one by reading them.
        func settle(_ part: inout Run, depth: Int) {
            var start = part.startIndex
            while start < part.endIndex {
                var end = start + 1
                var decided = true
                while end < part.endIndex, part[end].missing == part[start].missing,
                      part[end].primary == part[start].primary, part[end].secondary == part[start].secondary {
                    if undecided(part[end - 1], part[end]) { decided = false }
                    end += 1
                }
                if !decided {
                    if end - start > 32, depth < 32, let rekey, rekey(&part[start..<end]) {
                        part[start..<end].sort(by: byKeys)
                        settle(&part[start..<end], depth: depth + 1)
                    } else {
                        resolveIds?(&part[start..<end])
                        part[start..<end].sort(by: precedes)
                    }
                }
                start = end
            }
        }
        // Through the buffer: runs sorted and rekeyed in place (an array slice passed inout is
        // copied whole when written back).
        entries.withUnsafeMutableBufferPointer { buffer in
            var all = buffer[...]
            settle(&all, depth: 0)
        }
    }

    /// A run of entries, sorted in place.
    private typealias Run = Slice<UnsafeMutableBufferPointer<Entry>>

    /// Sixteen bytes of each text after the prefix all of them share, big-endian, padded with
    /// zeros, as two integers (ASCII letters folded to small when `folded`): a smaller pair means a
    /// smaller text, and an exact pair (the rest fits and holds no zero byte) is the whole text.
    /// `nil` when a text is not ASCII and unfolded, since `String` orders those by their normalized
    /// form rather than by bytes: then every comparison looks at the texts. `withText(i, n, body)`
    /// lends at least the first `n` bytes of text `i`'s UTF-8 (or all of it) to `body`, so that no
    /// text has to be made for its key; `isASCII(i)` says whether text `i` is ASCII.
    private static func textKeys(count: Int, folded: Bool, isASCII: (Int) -> Bool = { _ in true },
                                 withText: (Int, Int, (UnsafeBufferPointer<UInt8>) -> Void) -> Void) -> [(key: UInt64, second: UInt64, exact: Bool)]? {
        guard count > 0 else { return [] }
        if !folded, !(0..<count).allSatisfy(isASCII) { return nil }
        var shared: [UInt8] = []
        withText(0, .max) { shared = folded ? $0.map(foldASCII) : Array($0) }
        for index in 0..<count {
            withText(index, shared.count) { bytes in
                let matched = Self.sharedPrefix(bytes, shared, folded: folded)
                if matched < shared.count { shared.removeLast(shared.count - matched) }
            }
        }
        let skip = shared.count
        var keys: [(key: UInt64, second: UInt64, exact: Bool)] = []
        keys.reserveCapacity(count)
        for index in 0..<count {
            // One byte past the sixteen tells whether the rest fits.
            withText(index, skip + 17) { bytes in
                var key: UInt64 = 0, second: UInt64 = 0
                var zero = false
                let rest = UnsafeBufferPointer(rebasing: bytes[min(skip, bytes.count)...])
                let taken = min(16, rest.count)
                for offset in 0..<taken {
                    let byte = rest[offset]
                    let value = UInt64(folded ? foldASCII(byte) : byte)
                    if offset < 8 { key = key << 8 | value } else { second = second << 8 | value }
                    zero = zero || byte == 0
                }
                let exact = !zero && rest.count <= 16
                // Left-aligned: a text that ends sooner is padded with zeros (smaller than any byte it lacks).
                if taken < 8 { key <<= 8 * UInt64(8 - taken) }
                if taken < 16 { second <<= 8 * UInt64(16 - max(8, taken)) }
                keys.append((key, second, exact))
            }
        }
        return keys
    }

    /// `textKeys` of recording ids, read from their packed form.
    private static func textKeys(of ids: [PackedID]) -> [(key: UInt64, second: UInt64, exact: Bool)]? {
        textKeys(count: ids.count, folded: false, isASCII: { ids[$0].isASCII }) { index, limit, body in
            ids[index].withUTF8(prefix: limit, body)
        }
    }

    private static func sharedPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ shared: [UInt8], folded: Bool) -> Int {
        let limit = min(bytes.count, shared.count)
        var index = 0
        while index < limit, (folded ? foldASCII(bytes[index]) : bytes[index]) == shared[index] { index += 1 }
        return index
    }
}
