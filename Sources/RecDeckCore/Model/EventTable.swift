/// The store's distinct events as a table: one entry per event key, addressed by a 32-bit slot,
/// found through a `SlotIndex`.
///
/// This replaces a `[EventKey: …]` dictionary whose slots (the 48-byte key, the value, at a load
/// of at most three quarters, the capacity a power of two) and per-event delivery arrays cost about
/// 300 bytes an event: here an entry is 48 bytes, its first delivery inline, and the index 8 bytes
/// a bucket at a load of at most one half. An entry does not keep its key: the key is read from the
/// decoded event its first delivery points at (`keyAt`, given by the store), and only an entry left
/// without deliveries, between a file's old events leaving and the store settling it, has its key
/// parked in the table. Slots of removed events are reused.
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

        init() {}

        init(_ delivery: Delivery) {
            first = delivery
        }

        var isEmpty: Bool { first.file < 0 }
        var count: Int { isEmpty ? 0 : 1 + rest.count }
        /// The delivery that counts (the table's order: see `RedeliveryRule`); the event must have one.
        var head: Delivery { first }

        /// Every delivery, in order (an array built for the caller).
        fileprivate(set) var all: [Delivery] {
            get { isEmpty ? [] : [first] + rest }
            set {
                first = newValue.first ?? Delivery(file: -1, index: -1)
                rest = Array(newValue.dropFirst())
            }
        }

        fileprivate mutating func append(_ delivery: Delivery) {
            if isEmpty { first = delivery } else { rest.append(delivery) }
        }

        /// Removes the deliveries in the file of slot `file`; answers how many there were.
        fileprivate mutating func removeAll(inFile file: Int32) -> Int {
            let before = count
            guard !isEmpty, first.file == file || rest.contains(where: { $0.file == file }) else { return 0 }
            all = all.filter { $0.file != file }
            return before - count
        }
    }

    /// One distinct event.
    struct Entry: Sendable {
        /// Changed through the table, which parks the key of an entry left with none.
        fileprivate(set) var deliveries: Deliveries
        /// The recording its counting delivery belongs to, when it is a recording event.
        var recordingKey: PackedID?
        /// The low 32 bits of the key's hash, kept for the index (growing it and removing from it
        /// never rehash the texts).
        fileprivate var tag: UInt32
        /// The next event of the same recording (a list through the table), -1 at the end.
        var nextInRecording: Int32 = -1
        /// Set once a bulk `apply` has placed the event (it meets each event once per delivery).
        var settled = false
    }

    /// The entries, in pages of `pageSize`: a table that grows never copies what it holds, and
    /// never holds room for twice what it needs (an array growing past 100,000 entries of 48
    /// bytes takes room for 200,000, and has both while it copies).
    private var pages: [[Entry]] = []
    private static let pageShift = 12
    private static let pageSize = 1 << pageShift
    private var freeSlots: [Int32] = []
    /// The keys of entries that have no delivery (their key cannot be read through one).
    private var parkedKeys: [Int32: EventKey] = [:]
    private var index = SlotIndex()
    /// How many events the table holds.
    var count: Int { index.count }
    /// How many slots exist, in use or free (what the table's memory grows with).
    private(set) var slotCount = 0

    init() {}

    /// Makes room for `capacity` events without growing.
    mutating func reserveCapacity(_ capacity: Int) {
        pages.reserveCapacity((capacity + Self.pageSize - 1) >> Self.pageShift)
        index.reserveCapacity(capacity)
    }

    subscript(slot: Int32) -> Entry {
        get { pages[Int(slot) >> Self.pageShift][Int(slot) & (Self.pageSize - 1)] }
        _modify { yield &pages[Int(slot) >> Self.pageShift][Int(slot) & (Self.pageSize - 1)] }
    }

    /// The slot of the event with `key`, if the table has it; `keyAt` reads the key of the event
    /// a delivery points at.
    func slot(of key: EventKey, keyAt: (Delivery) -> EventKey) -> Int32? {
        slot(of: key, tag: SlotIndex.tag(key.hashValue), keyAt: keyAt)
    }

    private func slot(of key: EventKey, tag: UInt32, keyAt: (Delivery) -> EventKey) -> Int32? {
        index.find(tag) { slot in
            let deliveries = self[slot].deliveries
            return (deliveries.isEmpty ? parkedKeys[slot] : keyAt(deliveries.head)) == key
        }
    }

    /// Adds `delivery` to the event with `key`, which is added when the table lacks it; answers its slot.
    mutating func add(_ delivery: Delivery, to key: EventKey, keyAt: (Delivery) -> EventKey) -> Int32 {
        let tag = SlotIndex.tag(key.hashValue)
        if let slot = slot(of: key, tag: tag, keyAt: keyAt) {
            if self[slot].deliveries.isEmpty { parkedKeys.removeValue(forKey: slot) }
            self[slot].deliveries.append(delivery)
            return slot
        }
        let entry = Entry(deliveries: Deliveries(delivery), tag: tag)
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
            self[free] = entry
        } else {
            slot = Int32(slotCount)
            if slotCount & (Self.pageSize - 1) == 0 {
                pages.append([])
                pages[pages.count - 1].reserveCapacity(Self.pageSize)
            }
            pages[pages.count - 1].append(entry)
            slotCount += 1
        }
        index.insert(tag, slot: slot)
        return slot
    }

    /// Removes the deliveries in the file of slot `file` from the event in `slot`, whose key is
    /// `key`; answers how many there were.
    mutating func removeDeliveries(inFile file: Int32, from slot: Int32, key: EventKey) -> Int {
        let removed = self[slot].deliveries.removeAll(inFile: file)
        if removed > 0, self[slot].deliveries.isEmpty { parkedKeys[slot] = key }
        return removed
    }

    /// Puts the deliveries of the event in `slot` in a new order (the same deliveries).
    mutating func reorderDeliveries(of slot: Int32, as ordered: [Delivery]) {
        precondition(ordered.count == self[slot].deliveries.count, "the same deliveries")
        self[slot].deliveries.all = ordered
    }

    /// Forgets the event in `slot`; the slot is reused by a later event.
    mutating func remove(_ slot: Int32) {
        index.remove(self[slot].tag, slot: slot)
        self[slot] = Entry(deliveries: Deliveries(), tag: 0)
        parkedKeys.removeValue(forKey: slot)
        freeSlots.append(slot)
    }
}
