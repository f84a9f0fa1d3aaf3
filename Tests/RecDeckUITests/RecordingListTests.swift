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

    /// A list of the recordings of `files` files (`file(_:pool:_:)`, a pool of 200), applied to
    /// `store` and given to the list as one delta.
    static func loaded(files: Int, store: inout RecordingStore, stream: inout Stream) -> RecordingList {
        var delta = StoreDelta()
        for number in 0..<files {
            delta.merge(store.apply(decode(file(number, pool: 200, &stream), file: "f\(number).json"), to: "f\(number).json"))
        }
        var list = RecordingList(now: now)
        list.apply(delta, now: now)
        return list
    }

    /// What the rows must be: every recording of `list` sorted in one go, then filtered.
    static func expected(_ list: RecordingList) -> [PackedID] {
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

/// A filter with too many rows to examine between two keys is worked out on a worker: the rows of
/// the filter before stay until the answer, an answer for a query typed over is not shown, and an
/// answer for recordings that changed meanwhile is not trusted.
@Suite struct RecordingListWorkerFilterTests {
    typealias Fixture = RecordingListTests

    private func list(files: Int) -> (list: RecordingList, store: RecordingStore) {
        var stream = Fixture.Stream(seed: 9)
        var store = RecordingStore()
        var list = Fixture.loaded(files: files, store: &store, stream: &stream)
        list.synchronousFilterLimit = 10
        return (list, store)
    }

    /// What the worker would answer.
    private func answer(_ request: RecordingFilterRequest) throws -> RecordingFilterAnswer {
        guard case .recordingsFiltered(let answer) = request.run() else { throw CancellationError() }
        return answer
    }

    @Test func theRowsStayUntilTheAnswerIsAdopted() throws {
        var (list, _) = list(files: 60)
        let everything = Array(list.ids)
        let query = try RecordingQuery(parsing: "call:call-1")
        let asked = list.requestQuery(query, now: Fixture.now)
        let request = try #require(asked)
        #expect(list.pendingQuery == query && list.query.isEmpty)
        #expect(Array(list.ids) == everything, "the rows before, while the worker filters")
        let again = list.requestQuery(query, now: Fixture.now)
        #expect(again == nil, "asked once")
        let after = list.adopt(try answer(request))
        #expect(after == nil)
        #expect(list.pendingQuery == nil && list.query == query)
        Fixture.check(list, "adopted")
        // Small enough to filter at once: no worker.
        list.synchronousFilterLimit = 10_000
        let small = list.requestQuery(try RecordingQuery(parsing: "call:call-12"), now: Fixture.now)
        #expect(small == nil)
        Fixture.check(list, "at once")
    }

    @Test func anAnswerForAQueryTypedOverAsksForTheNewOne() throws {
        var (list, _) = list(files: 60)
        let askedFirst = list.requestQuery(try RecordingQuery(parsing: "rec-1"), now: Fixture.now)
        let first = try #require(askedFirst)
        let latest = try RecordingQuery(parsing: "reason:ended")
        let meanwhile = list.requestQuery(latest, now: Fixture.now)
        #expect(meanwhile == nil, "one request at a time")
        let askedSecond = list.adopt(try answer(first))
        let second = try #require(askedSecond, "the answer for rec-1 asks for reason:ended")
        #expect(second.query == latest && list.query.isEmpty)
        let last = list.adopt(try answer(second))
        #expect(last == nil)
        #expect(list.query == latest)
        Fixture.check(list, "the latest query")
        // Back to the filter in force before the answer came: the answer is dropped.
        let askedThird = list.requestQuery(try RecordingQuery(parsing: "-call-1"), now: Fixture.now)
        let third = try #require(askedThird)
        list.setQuery(latest, now: Fixture.now)
        let dropped = list.adopt(try answer(third))
        #expect(dropped == nil && list.query == latest && list.pendingQuery == nil)
        Fixture.check(list, "back")
    }

    @Test func anAnswerForRecordingsThatChangedIsWorkedOutAgain() throws {
        var (list, store) = list(files: 60)
        var stream = Fixture.Stream(seed: 3)
        let query = try RecordingQuery(parsing: "call:call-2")
        let asked = list.requestQuery(query, now: Fixture.now)
        let request = try #require(asked)
        // Recordings arrive and one goes while the worker filters: its slots no longer fit.
        var delta = store.remove(file: "f3.json")
        for number in 60..<80 {
            delta.merge(store.apply(decode(Fixture.file(number, pool: 200, &stream), file: "f\(number).json"), to: "f\(number).json"))
        }
        list.apply(delta, now: Fixture.now)
        let after = list.adopt(try answer(request))
        #expect(after == nil)
        #expect(list.query == query)
        Fixture.check(list, "after the arrivals")
    }
}
