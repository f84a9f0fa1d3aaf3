import Testing
import RecDeckCore
import RecDeckTestSupport
@testable import RecDeckUI

/// Orders shown before are kept and brought up to date when they are shown again, and a sort of
/// many recordings not sorted before is worked out on a worker: whatever came or changed
/// meanwhile, the rows are exactly a full sort of the recordings, filtered.
@Suite struct RecordingListOrderTests {
    typealias Fixture = RecordingListTests

    /// Every sort, in both directions.
    static let sorts = SortField.allCases.flatMap { [RecordingSort(field: $0, ascending: true), RecordingSort(field: $0, ascending: false)] }

    private func list(files: Int, store: inout RecordingStore, stream: inout Fixture.Stream) -> RecordingList {
        Fixture.loaded(files: files, store: &store, stream: &stream)
    }

    /// One recording's file: `id`, its call and its duration in seconds.
    private func file(_ id: String, call: String, seconds: Int) -> String {
        "[\(EventFixture.recording(id: "e-\(id)", call: call, recording: id, durationMs: "\(seconds * 1000)"))]"
    }

    @Test func anUpdatedRecordingMovesInAKeptOrder() throws {
        var store = RecordingStore()
        var delta = StoreDelta()
        for (id, call, seconds) in [("rec-a", "call-3", 10), ("rec-b", "call-1", 20), ("rec-c", "call-2", 30)] {
            delta.merge(store.apply(decode(file(id, call: call, seconds: seconds)), to: "\(id).json"))
        }
        var list = RecordingList(sort: RecordingSort(field: .duration), now: Fixture.now)
        list.apply(delta, now: Fixture.now)
        #expect(Array(list.ids) == ["rec-c", "rec-b", "rec-a"])
        list.setSort(RecordingSort(field: .call), now: Fixture.now)
        #expect(Array(list.ids) == ["rec-b", "rec-c", "rec-a"])
        #expect(list.keptSorts == [RecordingSort(field: .duration)])
        // rec-a grows longer than the others while the list is sorted by call.
        list.apply(store.apply(decode(file("rec-a", call: "call-3", seconds: 40)), to: "rec-a.json"), now: Fixture.now)
        #expect(Array(list.ids) == ["rec-b", "rec-c", "rec-a"])
        list.setSort(RecordingSort(field: .duration), now: Fixture.now)
        #expect(Array(list.ids) == ["rec-a", "rec-c", "rec-b"], "the kept order, brought up to date")
        // And its call changes while sorted by duration: the kept call order follows.
        list.apply(store.apply(decode(file("rec-a", call: "call-0", seconds: 40)), to: "rec-a.json"), now: Fixture.now)
        list.setSort(RecordingSort(field: .call), now: Fixture.now)
        #expect(Array(list.ids) == ["rec-a", "rec-b", "rec-c"])
    }

    @Test func everyKeptOrderFollowsTheDeltas() throws {
        var store = RecordingStore()
        var stream = Fixture.Stream(seed: 21)
        var list = list(files: 80, store: &store, stream: &stream)
        let query = try RecordingQuery(parsing: "-reason:unknown")
        list.setQuery(query, now: Fixture.now)
        for sort in Self.sorts { list.setSort(sort, now: Fixture.now) }
        let kept = Set(Self.sorts.filter { !$0.dependsOnClock && $0 != list.sort })
        #expect(list.keptSorts == kept)
        // New recordings and later events of known ones (which change them), nothing removed.
        var number = 80
        for step in 0..<6 {
            var delta = StoreDelta()
            for _ in 0..<[1, 7, 30][step % 3] {
                delta.merge(store.apply(decode(Fixture.file(number, pool: 120, &stream), file: "f\(number).json"), to: "f\(number).json"))
                number += 1
            }
            #expect(delta.removed.isEmpty)
            #expect(list.keptSorts == Set(Self.sorts.filter { !$0.dependsOnClock && $0 != list.sort }), "step \(step)")
            list.apply(delta, now: Fixture.now)
            let offset = stream.next(Self.sorts.count)
            for sort in Self.sorts[offset...] + Self.sorts[..<offset] {
                list.setSort(sort, now: Fixture.now)
                Fixture.check(list, "\(sort) after step \(step)")
            }
        }
        #expect(list.query == query)
    }

    @Test func aRemovalDropsTheKeptOrders() throws {
        var store = RecordingStore()
        var stream = Fixture.Stream(seed: 4)
        var list = list(files: 40, store: &store, stream: &stream)
        list.setSort(RecordingSort(field: .call), now: Fixture.now)
        list.setSort(RecordingSort(field: .rec), now: Fixture.now)
        #expect(list.keptSorts == [RecordingSort(), RecordingSort(field: .call)])
        list.apply(store.remove(file: "f7.json"), now: Fixture.now)
        #expect(list.keptSorts.isEmpty, "slots were renumbered")
        list.setSort(RecordingSort(field: .call), now: Fixture.now)
        Fixture.check(list, "sorted again")
    }
}

/// A sort of more recordings than can be sorted between two keys, not sorted before, goes to a
/// worker: the rows keep their order until the answer, a newer choice supersedes it, and the
/// answer is brought up to date with what changed meanwhile (or asked for again when slots moved).
@Suite struct RecordingListWorkerSortTests {
    typealias Fixture = RecordingListTests

    private func list(files: Int) -> (list: RecordingList, store: RecordingStore) {
        var stream = Fixture.Stream(seed: 9)
        var store = RecordingStore()
        var list = Fixture.loaded(files: files, store: &store, stream: &stream)
        list.synchronousSortLimit = 0
        return (list, store)
    }

    /// What the worker would answer.
    private func answer(_ request: RecordingSortRequest) throws -> RecordingSortAnswer {
        guard case .recordingsSorted(let answer) = request.run() else { throw CancellationError() }
        return answer
    }

    @Test func theOrderStaysUntilTheAnswerIsAdopted() throws {
        var (list, _) = list(files: 60)
        let before = Array(list.ids)
        let rec = RecordingSort(field: .rec)
        let asked = list.requestSort(rec, now: Fixture.now)
        let request = try #require(asked)
        #expect(request.sort == rec)
        #expect(list.pendingSort == rec && list.sort == RecordingSort())
        #expect(Array(list.ids) == before, "the order before, while the worker sorts")
        #expect(list.requestSort(rec, now: Fixture.now) == nil, "asked once")
        #expect(list.adopt(try answer(request)) == nil)
        #expect(list.pendingSort == nil && list.sort == rec)
        Fixture.check(list, "adopted")
        // Back to the order before: kept, so shown at once.
        #expect(list.requestSort(RecordingSort(), now: Fixture.now) == nil)
        #expect(list.pendingSort == nil)
        #expect(Array(list.ids) == before)
        // And to rec again.
        #expect(list.requestSort(rec, now: Fixture.now) == nil)
        Fixture.check(list, "rec again")
    }

    @Test func aNewerChoiceSupersedesTheOneBeingSorted() throws {
        var (list, _) = list(files: 60)
        let before = Array(list.ids)
        let asked = list.requestSort(RecordingSort(field: .call), now: Fixture.now)
        let first = try #require(asked)
        let duration = RecordingSort(field: .duration, ascending: true)
        #expect(list.requestSort(duration, now: Fixture.now) == nil, "one request at a time")
        #expect(list.pendingSort == duration)
        let askedSecond = list.adopt(try answer(first))
        let second = try #require(askedSecond, "the answer for call asks for duration")
        #expect(second.sort == duration)
        #expect(first.idRanks == nil && second.idRanks != nil, "the first worker put the ids in order for the next")
        #expect(Array(list.ids) == before && list.sort == RecordingSort(), "call is not shown")
        #expect(list.keptSorts.contains(RecordingSort(field: .call)), "but kept")
        #expect(list.adopt(try answer(second)) == nil)
        #expect(list.sort == duration)
        Fixture.check(list, "the latest choice")
        // Call was kept: shown at once.
        #expect(list.requestSort(RecordingSort(field: .call), now: Fixture.now) == nil)
        Fixture.check(list, "call, kept")
        // Chosen back before the answer came: the answer is kept, not shown.
        let askedThird = list.requestSort(RecordingSort(field: .events), now: Fixture.now)
        let third = try #require(askedThird)
        list.setSort(duration, now: Fixture.now)
        #expect(list.adopt(try answer(third)) == nil)
        #expect(list.sort == duration && list.pendingSort == nil)
        Fixture.check(list, "back")
    }

    @Test func anAnswerIsBroughtUpToDateWithTheRecordingsThatChanged() throws {
        var (list, store) = list(files: 60)
        var stream = Fixture.Stream(seed: 3)
        let query = try RecordingQuery(parsing: "call:call-1")
        list.setQuery(query, now: Fixture.now)
        let asked = list.requestSort(RecordingSort(field: .chunks), now: Fixture.now)
        let request = try #require(asked)
        // Recordings arrive, and later events of known ones, while the worker sorts.
        var delta = StoreDelta()
        for number in 60..<90 {
            delta.merge(store.apply(decode(Fixture.file(number, pool: 80, &stream), file: "f\(number).json"), to: "f\(number).json"))
        }
        #expect(!delta.added.isEmpty && !delta.updated.isEmpty && delta.removed.isEmpty)
        list.apply(delta, now: Fixture.now)
        #expect(list.adopt(try answer(request)) == nil)
        #expect(list.sort == RecordingSort(field: .chunks) && list.query == query)
        Fixture.check(list, "after the arrivals")
        // The ids the worker put in order, with the arrivals merged in, decide the next sort's ties.
        let askedNext = list.requestSort(RecordingSort(field: .reason), now: Fixture.now)
        let next = try #require(askedNext)
        #expect(next.idRanks != nil)
        #expect(list.adopt(try answer(next)) == nil)
        Fixture.check(list, "ties on the ranks")
    }

    @Test func anAnswerForSlotsThatMovedIsAskedForAgain() throws {
        var (list, store) = list(files: 60)
        let asked = list.requestSort(RecordingSort(field: .reason), now: Fixture.now)
        let request = try #require(asked)
        list.apply(store.remove(file: "f3.json"), now: Fixture.now)
        let askedAgain = list.adopt(try answer(request))
        let again = try #require(askedAgain, "a recording went: the slots moved")
        #expect(again.sort == RecordingSort(field: .reason))
        #expect(list.sort == RecordingSort() && list.pendingSort == RecordingSort(field: .reason))
        #expect(list.adopt(try answer(again)) == nil)
        Fixture.check(list, "sorted again")
    }

    @Test func aFilterAnsweredAfterASortFollowsTheNewOrder() throws {
        var (list, _) = list(files: 60)
        list.synchronousFilterLimit = 10
        let query = try RecordingQuery(parsing: "reason:ended")
        let asked = list.requestQuery(query, now: Fixture.now)
        let request = try #require(asked)
        list.setSort(RecordingSort(field: .rec, ascending: false), now: Fixture.now)
        guard case .recordingsFiltered(let filtered) = request.run() else { throw CancellationError() }
        #expect(list.adopt(filtered) == nil)
        #expect(list.query == query)
        Fixture.check(list, "filtered in the old order, shown in the new one")
    }
}
