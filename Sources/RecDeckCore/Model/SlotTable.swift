/// An element that carries the key a `SlotTable` finds it by.
protocol SlotKeyed {
    associatedtype SlotKey: Hashable
    var slotKey: SlotKey { get }
}

/// Elements found by their own key: one dense array and a `SlotIndex` over it.
///
/// 8 bytes a bucket at a load of at most one half beside the elements themselves, where a
/// dictionary holds a copy of the key beside each value at a load of at most three quarters (the
/// store's million recordings took 2,097,152 buckets of 32 bytes, 67 MB, and the watcher's
/// 100,000 paths 262,144 of 72 bytes, 19 MB). The order is the order of insertion until something
/// is removed: the last element moves into its place.
struct SlotTable<Element: SlotKeyed & Sendable>: Sendable {
    /// The elements, in no particular order.
    private(set) var elements: [Element] = []
    private var index = SlotIndex()

    init() {}

    /// The table of `elements`, whose keys are distinct.
    init(_ elements: [Element]) {
        self.elements = elements
        index.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() {
            let key = element.slotKey, tag = Self.tag(key)
            precondition(index.find(tag, where: { elements[Int($0)].slotKey == key }) == nil, "distinct keys")
            index.insert(tag, slot: Int32(position))
        }
    }

    var count: Int { elements.count }
    var isEmpty: Bool { elements.isEmpty }

    subscript(key: Element.SlotKey) -> Element? {
        position(of: key).map { elements[$0] }
    }

    /// Adds `element`, or replaces the one with its key; answers the one replaced.
    @discardableResult
    mutating func update(_ element: Element) -> Element? {
        let key = element.slotKey
        if let position = position(of: key) {
            defer { elements[position] = element }
            return elements[position]
        }
        index.insert(Self.tag(key), slot: Int32(elements.count))
        elements.append(element)
        return nil
    }

    /// Removes the element with `key`; answers it.
    @discardableResult
    mutating func remove(_ key: Element.SlotKey) -> Element? {
        guard let position = position(of: key) else { return nil }
        let removed = elements[position]
        index.remove(Self.tag(key), slot: Int32(position))
        let last = elements.count - 1
        if position != last {
            index.replace(Self.tag(elements[last].slotKey), slot: Int32(last), with: Int32(position))
            elements.swapAt(position, last)
        }
        elements.removeLast()
        return removed
    }

    /// Changes the element with `key` in place (its key must stay), if there is one; answers what `change` did.
    mutating func modify<T>(_ key: Element.SlotKey, _ change: (inout Element) -> T) -> T? {
        guard let position = position(of: key) else { return nil }
        let result = change(&elements[position])
        precondition(elements[position].slotKey == key, "an element keeps its key")
        return result
    }

    /// Makes room for `capacity` elements without growing.
    mutating func reserveCapacity(_ capacity: Int) {
        elements.reserveCapacity(capacity)
        index.reserveCapacity(capacity)
    }

    private func position(of key: Element.SlotKey) -> Int? {
        index.find(Self.tag(key)) { elements[Int($0)].slotKey == key }.map(Int.init)
    }

    private static func tag(_ key: Element.SlotKey) -> UInt32 { SlotIndex.tag(key.hashValue) }
}
