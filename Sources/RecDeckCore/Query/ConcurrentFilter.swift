import Dispatch

/// Filtering a long list on all cores: 16 blocks filtered at once, their results joined in order.
/// Shared by the dashboard's recordings filter and the calls listing.
public enum ConcurrentFilter {
    /// The elements of `list` the test holds for, in order. `makeTest` is called once per block
    /// (once in all under `threshold` elements) for the test that block runs, so a block can use
    /// its own copy of what it compares against (threads that share one keep retaining and
    /// releasing the same objects and fight over their reference counts).
    public static func filter<Element: Sendable>(_ list: [Element], threshold: Int = 4096,
                                                 makeTest: @Sendable () -> @Sendable (Element) -> Bool) -> [Element] {
        guard list.count >= threshold else { return list.filter(makeTest()) }
        let blocks = 16
        let size = (list.count + blocks - 1) / blocks
        let parts = UnsafeMutableBufferPointer<[Element]>.allocate(capacity: blocks)
        parts.initialize(repeating: [])
        defer {
            parts.deinitialize()
            parts.deallocate()
        }
        let slots = ConcurrentSlots(buffer: parts)
        DispatchQueue.concurrentPerform(iterations: blocks) { block in
            let range = block * size..<min(list.count, (block + 1) * size)
            guard !range.isEmpty else { return }
            slots.buffer[block] = list[range].filter(makeTest())
        }
        var result: [Element] = []
        result.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { result.append(contentsOf: part) }
        return result
    }
}
