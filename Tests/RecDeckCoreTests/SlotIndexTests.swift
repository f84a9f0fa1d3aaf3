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

/// The tables built on the index (the store's recordings, the watcher's paths), against a dictionary.
@Suite struct SlotTableTests {
    struct Item: SlotKeyed, Sendable, Equatable {
        let name: String
        var value: Int
        var slotKey: String { name }
    }

    /// Adds, replaces, changes in place and removes (each removal moving the last element into
    /// the hole); after every step each key finds exactly its element, and no other is there.
    @Test func everyKeyFindsItsElementThroughUpdatesAndRemovals() {
        var table = SlotTable<Item>((0..<50).map { Item(name: "k\($0)", value: $0) })
        var expected = Dictionary(uniqueKeysWithValues: (0..<50).map { ("k\($0)", $0) })
        func check(_ step: String) {
            #expect(table.count == expected.count, "\(step): count")
            #expect(Dictionary(uniqueKeysWithValues: table.elements.map { ($0.name, $0.value) }) == expected, "\(step): elements")
            for key in 0..<400 { #expect(table["k\(key)"]?.value == expected["k\(key)"], "\(step): k\(key)") }
        }
        check("built")
        for key in 0..<300 {
            let replaced = table.update(Item(name: "k\(key)", value: key * 10))
            #expect(replaced?.value == expected.updateValue(key * 10, forKey: "k\(key)"), "update k\(key)")
        }
        check("updated")
        for key in stride(from: 0, to: 300, by: 7) {
            #expect(table.modify("k\(key)") { $0.value += 1; return $0.value } == key * 10 + 1)
            expected["k\(key)"]! += 1
        }
        #expect(table.modify("absent") { _ in true } == nil)
        check("changed")
        for key in stride(from: 299, through: 0, by: -2) {
            #expect(table.remove("k\(key)")?.value == expected.removeValue(forKey: "k\(key)"), "remove k\(key)")
        }
        #expect(table.remove("k1") == nil)
        check("removed")
    }
}

/// Topics and types kept once for the process (`SharedText`), and what happens when the table is full.
@Suite struct SharedTextTests {
    @Test func equalExactlyWhenTheTextsAreWhetherInternedOrNot() {
        let table = SharedText.Table(limit: 2)
        let first = SharedText("Microsoft.Communication.RecordingFileStatusUpdated", in: table)
        let second = SharedText("/subscriptions/x/resourceGroups/y", in: table)
        // The table is full: these are kept verbatim, each in a copy of its own.
        let third = SharedText("made up for this event", in: table)
        let thirdAgain = SharedText("made up for this event", in: table)
        let firstAgain = SharedText("Microsoft.Communication.RecordingFileStatusUpdated", in: table)
        #expect([first, second, third].map(\.text)
            == ["Microsoft.Communication.RecordingFileStatusUpdated", "/subscriptions/x/resourceGroups/y", "made up for this event"])
        #expect(first == firstAgain && first.hashValue == firstAgain.hashValue)
        #expect(third == thirdAgain && third.hashValue == thirdAgain.hashValue)
        #expect(first != second && first != third && second != third)
        #expect(Set([first, second, third, thirdAgain, firstAgain]).count == 3)
    }
}
