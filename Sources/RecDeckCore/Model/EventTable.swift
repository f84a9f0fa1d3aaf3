/// The store's distinct events as a table: one entry per event key, addressed by a 32-bit slot,
/// found through an open-addressing index of 8 bytes a bucket.
///
/// This replaces a `[EventKey: …]` dictionary whose slots (the 48-byte key, the value, at a load
/// of at most three quarters, the capacity a power of two) and per-event delivery arrays cost about
/// 300 bytes an event: here an entry is about 100 bytes, its first delivery inline, and the index
/// 8 bytes a bucket at a load of at most one half. Slots of removed events are reused.
struct EventTable: Sendable {
    /// One delivery: the slot of the applied file it is in and which of that file's events it is.
    struct Delivery: Sendable, Equatable {
        var file: Int32
        var index: Int32
    }

    /// An event's deliveries, the one that counts first; the first is held inline, so an event
    /// delivered once (nearly all) allocates nothing.
    struct Deliveries: Sendable {
        private var first = Delivery(file: -1, index: -1)
        private var rest: [Delivery] = []

        var isEmpty: Bool { first.file < 0 }
        var count: Int { isEmpty ? 0 : 1 + rest.count }
        /// The delivery that counts (the table's order: see `RedeliveryRule`); the event must have one.
        var head: Delivery { first }

        /// Every delivery, in order (an array built for the caller).
        var all: [Delivery] {
            get { isEmpty ? [] : [first] + rest }
            set {
                first = newValue.first ?? Delivery(file: -1, index: -1)
                rest = Array(newValue.dropFirst())
            }
        }

        mutating func append(_ delivery: Delivery) {
            if isEmpty { first = delivery } else { rest.append(delivery) }
        }

        /// Removes the deliveries in the file of slot `file`; answers how many there were.
        mutating func removeAll(inFile file: Int32) -> Int {
            let before = count
            guard !isEmpty, first.file == file || rest.contains(where: { $0.file == file }) else { return 0 }
            all = all.filter { $0.file != file }
            return before - count
        }
    }

    /// One distinct event.
    struct Entry: Sendable {
        var key: EventKey
        /// `key`'s hash, kept for the index (growing it and removing from it never rehash the texts).
        var hash: Int
        var deliveries = Deliveries()
        /// The recording its counting delivery belongs to, when it is a recording event.
        var recordingKey: PackedID?
        /// The next event of the same recording (a list through the table), -1 at the end.
        var nextInRecording: Int32 = -1
        /// Set once a bulk `apply` has placed the event (it meets each event once per delivery).
        var settled = false
    }

    private var entries: [Entry] = []
    private var freeSlots: [Int32] = []
    /// Buckets: 0 when empty, else the hash's low 32 bits above the slot + 1.
    private var buckets: [UInt64] = []
    /// How many events the table holds.
    private(set) var count = 0
    /// How many slots exist, in use or free (what the table's memory grows with).
    var slotCount: Int { entries.count }

    init() {}

    /// Makes room for `capacity` events without growing.
    mutating func reserveCapacity(_ capacity: Int) {
        entries.reserveCapacity(capacity)
        if capacity * 2 > buckets.count { rebuildIndex(capacity: Self.bucketCount(for: capacity)) }
    }

    subscript(slot: Int32) -> Entry {
        get { entries[Int(slot)] }
        _modify { yield &entries[Int(slot)] }
    }

    /// The slot of the event with `key`, if the table has it.
    func slot(of key: EventKey) -> Int32? {
        slot(of: key, hash: key.hashValue)
    }

    private func slot(of key: EventKey, hash: Int) -> Int32? {
        guard !buckets.isEmpty else { return nil }
        let tag = UInt32(truncatingIfNeeded: hash)
        let mask = buckets.count - 1
        var position = Int(tag) & mask
        while true {
            let bucket = buckets[position]
            if bucket == 0 { return nil }
            if UInt32(truncatingIfNeeded: bucket >> 32) == tag {
                let slot = Int32(truncatingIfNeeded: bucket & 0xFFFF_FFFF) - 1
                if entries[Int(slot)].key == key { return slot }
            }
            position = (position + 1) & mask
        }
    }

    /// The slot of the event with `key`, added (with no deliveries) when the table lacks it.
    mutating func findOrAdd(_ key: EventKey) -> Int32 {
        let hash = key.hashValue
        if let slot = slot(of: key, hash: hash) { return slot }
        let entry = Entry(key: key, hash: hash)
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
            entries[Int(free)] = entry
        } else {
            slot = Int32(entries.count)
            entries.append(entry)
        }
        if (count + 1) * 2 > buckets.count { rebuildIndex(capacity: Self.bucketCount(for: count + 1)) }
        place(Self.bucket(hash: hash, slot: slot))
        count += 1
        return slot
    }

    /// Forgets the event in `slot`; the slot is reused by a later event.
    mutating func remove(_ slot: Int32) {
        let target = Self.bucket(hash: entries[Int(slot)].hash, slot: slot)
        let mask = buckets.count - 1
        var hole = Int(UInt32(truncatingIfNeeded: target >> 32)) & mask
        while buckets[hole] != target { hole = (hole + 1) & mask }
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
        entries[Int(slot)] = Entry(key: EventKey(source: "", id: "", type: ""), hash: 0)
        freeSlots.append(slot)
    }

    private static func bucket(hash: Int, slot: Int32) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: hash)) << 32 | UInt64(UInt32(slot + 1))
    }

    /// The power of two that holds `count` events at a load of at most one half.
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

    private mutating func rebuildIndex(capacity: Int) {
        let old = buckets
        buckets = Array(repeating: 0, count: capacity)
        for bucket in old where bucket != 0 { place(bucket) }
    }
}
