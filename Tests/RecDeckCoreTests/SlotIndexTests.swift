import Testing
@testable import RecDeckCore

/// The index the store's tables find their slots through, against a dictionary doing the same.
@Suite struct SlotIndexTests {
    /// Keys whose tags collide (a few tags for many keys) are inserted, repointed and removed in an
    /// order that makes probe chains wrap and shift; after every step each key finds exactly its slot.
    @Test func collidingTagsFindTheirSlotsThroughInsertsReplacementsAndRemovals() {
        var index = SlotIndex()
        var expected: [Int: Int32] = [:]  // key → slot
        var keyOfSlot: [Int32: Int] = [:]
        func tag(_ key: Int) -> UInt32 { UInt32(key % 5) &* 0x9E37_79B9 }
        func check(_ step: String) {
            #expect(index.count == expected.count, "\(step): count")
            for key in 0..<300 {
                let found = index.find(tag(key)) { keyOfSlot[$0] == key }
                #expect(found == expected[key], "\(step): key \(key)")
            }
        }
        for key in 0..<200 {
            index.insert(tag(key), slot: Int32(key))
            expected[key] = Int32(key)
            keyOfSlot[Int32(key)] = key
        }
        check("inserted")
        for key in stride(from: 0, to: 200, by: 3) {
            let old = expected[key]!, new = Int32(1000 + key)
            index.replace(tag(key), slot: old, with: new)
            expected[key] = new
            keyOfSlot[old] = nil
            keyOfSlot[new] = key
        }
        check("replaced")
        for key in stride(from: 1, to: 200, by: 2) {
            let slot = expected.removeValue(forKey: key)!
            index.remove(tag(key), slot: slot)
            keyOfSlot[slot] = nil
        }
        check("removed")
        for key in 200..<300 {
            index.insert(tag(key), slot: Int32(key))
            expected[key] = Int32(key)
            keyOfSlot[Int32(key)] = key
        }
        check("grown again")
    }
}
