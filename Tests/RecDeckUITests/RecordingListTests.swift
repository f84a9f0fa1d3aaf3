import Testing
import RecDeckCore
import RecDeckTestSupport
@testable import RecDeckUI

/// `RecordingList` merges each delta into its order and filter: whatever the deltas (one
/// recording, many, changes, removals), sort and filter, its rows must be exactly a full sort of
/// its recordings, filtered.
@Suite struct RecordingListTests {
    static let now = Timestamp(iso8601: "2026-10-01T09:00:00Z")!

    /// A small deterministic stream of numbers (the incremental view tests' own).
    typealias Stream = IncrementalViewTests.Stream

    /// One file's event for one of `pool` recordings: several fields tie often, some are missing.
    static func file(_ number: Int, pool: Int, _ stream: inout Stream) -> String {
        let event = EventFixture.recording(
            id: "e\(number)", call: "call-\(stream.next(20))", recording: "rec-\(stream.next(pool))",
            eventTime: "2026-10-01T08:\(10 + stream.next(49)):00Z",
            start: stream.next(10) == 0 ? nil : "2026-10-01T0\(stream.next(9)):\(10 + stream.next(49)):00Z",
            durationMs: stream.next(8) == 0 ? "null" : "\(stream.next(50) * 1000)",
            endReason: ["CallEnded", "InitiatorLeft", "Unknown"][stream.next(3)],
            chunks: (0...stream.next(2)).map { index in
                EventFixture.chunk(index: index, document: "doc-\(stream.next(5))",
                                   endReason: stream.next(6) == 0 ? "ChunkUploadFailure" : "SessionEnded")
            })
        return "[\(event)]"
    }

    /// What the rows must be: every recording of `list` sorted in one go, then filtered.
    static func expected(_ list: RecordingList) -> [String] {
        list.sort.sorted(list.all, now: now).filter { list.query.matches($0, now: now) }.map(\.id)
    }

    static func check(_ list: RecordingList, _ context: @autoclosure () -> String) {
        let ids = Array(list.ids)
        #expect(ids == expected(list), "\(context())")
        for (row, id) in ids.enumerated() where row % 3 == 0 {
            #expect(list.row(of: id) == row, "\(context()): row of \(id)")
        }
        #expect(Set(list.all.map(\.id)).count == list.all.count, "\(context()): one slot per recording")
    }

    /// Batches of 1 to 40 files (new recordings, later events of known ones, rewritten files,
    /// removed files), under every sort and direction, with and without a filter.
    @Test(arguments: SortField.allCases)
    func deltasKeepTheOrderOfAFullSort(field: SortField) throws {
        for (ascending, text) in [(true, ""), (false, "call-1"), (true, "-reason:unknown dur>10s")] {
            var stream = Stream(seed: UInt64(text.utf8.count) &+ UInt64(field.rawValue.utf8.count))
            var store = RecordingStore()
            var list = RecordingList(sort: RecordingSort(field: field, ascending: ascending),
                                     query: try RecordingQuery(parsing: text), now: Self.now)
            var number = 0
            for step in 0..<40 {
                var delta = StoreDelta()
                let files = [1, 2, 9, 40][step % 4]
                for _ in 0..<files {
                    number += 1
                    let change: StoreDelta
                    if step % 5 == 4, number > 3 {
                        change = store.remove(file: "f\(stream.next(number)).json")
                    } else {
                        let name = "f\(step % 3 == 2 ? stream.next(number) : number).json"
                        change = store.apply(decode(Self.file(number, pool: 150, &stream), file: name), to: name)
                    }
                    delta.merge(change)
                }
                let before = Set(list.all.map(\.id))
                let applied = list.apply(delta, now: Self.now)
                #expect(Set(applied.leaving.map(\.id)).isSubset(of: before))
                Self.check(list, "\(list.sort) \"\(text)\", step \(step)")
                #expect(Set(list.all.map(\.id)) == Set(store.recordings.keys), "step \(step)")
            }
            // Sorting and filtering again over what the deltas built.
            list.setSort(RecordingSort(field: field, ascending: !ascending), now: Self.now)
            Self.check(list, "\(list.sort) flipped")
            list.setQuery(try RecordingQuery(parsing: "rec-1"), now: Self.now)
            Self.check(list, "\(list.sort) rec-1")
            list.setQuery(try RecordingQuery(parsing: "rec-12"), now: Self.now)
            Self.check(list, "\(list.sort) narrowed to rec-12")
            list.setQuery(RecordingQuery(), now: Self.now)
            Self.check(list, "\(list.sort) no filter")
        }
    }

    @Test func rowOfAHiddenOrUnknownRecordingIsNil() throws {
        var stream = Stream(seed: 5)
        var store = RecordingStore()
        var delta = StoreDelta()
        for number in 0..<30 {
            delta.merge(store.apply(decode(Self.file(number, pool: 30, &stream), file: "f\(number).json"), to: "f\(number).json"))
        }
        var list = RecordingList(now: Self.now)
        list.apply(delta, now: Self.now)
        let hidden = try #require(list.all.first { $0.callId != "call-3" })
        list.setQuery(try RecordingQuery(parsing: "call:call-3"), now: Self.now)
        #expect(list.row(of: hidden.id) == nil)
        #expect(list.row(of: "no-such-recording") == nil)
        #expect(list[id: hidden.id] == hidden, "hidden, not gone")
        Self.check(list, "call-3")
    }
}
