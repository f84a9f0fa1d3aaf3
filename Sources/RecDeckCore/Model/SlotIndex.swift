/// A hash index from keys to 32-bit slots of a table that keeps the keys itself: open addressing
/// with linear probing, 8 bytes a bucket (the key hash's low 32 bits above the slot + 1), at a load
/// of at most one half.
///
/// The index keeps no key: a lookup gives each slot whose tag matches to the caller's `matches`,
/// which compares the key the table holds for it. This is what lets the store's tables (events by
/// key, recordings by id) cost 8 bytes a bucket instead of a dictionary slot with a copy of the key.
/// Public for the dashboard's list of recordings, which keeps its own slots of them.
public struct SlotIndex: Sendable {
    /// 0 when empty, else `tag << 32 | (slot + 1)`.
    private var buckets: [UInt64] = []
    /// How many slots the index holds.
    public private(set) var count = 0

    public init() {}

    /// The tag of a key with hash value `hash`.
    public static func tag(_ hash: Int) -> UInt32 { UInt32(truncatingIfNeeded: hash) }

    /// Makes room for `capacity` slots without growing.
    public mutating func reserveCapacity(_ capacity: Int) {
        if capacity * 2 > buckets.count { rebuild(capacity: Self.bucketCount(for: capacity)) }
    }

    /// The first slot with `tag` that `matches` accepts.
    public func find(_ tag: UInt32, where matches: (Int32) -> Bool) -> Int32? {
        guard !buckets.isEmpty else { return nil }
        let mask = buckets.count - 1
        var position = Int(tag) & mask
        while true {
            let bucket = buckets[position]
            if bucket == 0 { return nil }
            if UInt32(truncatingIfNeeded: bucket >> 32) == tag {
                let slot = Int32(truncatingIfNeeded: bucket & 0xFFFF_FFFF) - 1
                if matches(slot) { return slot }
            }
            position = (position + 1) & mask
        }
    }

    /// Adds `slot` under `tag` (its key must not be in the index).
    public mutating func insert(_ tag: UInt32, slot: Int32) {
        if (count + 1) * 2 > buckets.count { rebuild(capacity: Self.bucketCount(for: count + 1)) }
        place(Self.bucket(tag, slot))
        count += 1
    }

    /// Makes the key of `slot` (under `tag`) point at `newSlot`.
    public mutating func replace(_ tag: UInt32, slot: Int32, with newSlot: Int32) {
        buckets[position(of: Self.bucket(tag, slot))] = Self.bucket(tag, newSlot)
    }

    /// Takes `slot` (under `tag`) out of the index.
    public mutating func remove(_ tag: UInt32, slot: Int32) {
        let mask = buckets.count - 1
        var hole = position(of: Self.bucket(tag, slot))
        // Backward-shift deletion: move up each following bucket that may sit in the hole.
        var next = (hole + 1) & mask
        while buckets[next] != 0 {
            let home = Int(UInt32(truncatingIfNeeded: buckets[next] >> 32)) & mask
            if (next &- home) & mask >= (next &- hole) & mask {
                buckets[hole] = buckets[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        buckets[hole] = 0
        count -= 1
    }

    private func position(of bucket: UInt64) -> Int {
        let mask = buckets.count - 1
        var position = Int(UInt32(truncatingIfNeeded: bucket >> 32)) & mask
        while buckets[position] != bucket { position = (position + 1) & mask }
        return position
    }

    private static func bucket(_ tag: UInt32, _ slot: Int32) -> UInt64 {
        UInt64(tag) << 32 | UInt64(UInt32(slot + 1))
    }

    /// The power of two that holds `count` slots at a load of at most one half.
    private static func bucketCount(for count: Int) -> Int {
        var buckets = 16
        while buckets < count * 2 { buckets *= 2 }
        return buckets
    }

    private mutating func place(_ bucket: UInt64) {
        let mask = buckets.count - 1
        var position = Int(UInt32(truncatingIfNeeded: bucket >> 32)) & mask
        while buckets[position] != 0 { position = (position + 1) & mask }
        buckets[position] = bucket
    }

    private mutating func rebuild(capacity: Int) {
        let old = buckets
        buckets = Array(repeating: 0, count: capacity)
        for bucket in old where bucket != 0 { place(bucket) }
    }
}
