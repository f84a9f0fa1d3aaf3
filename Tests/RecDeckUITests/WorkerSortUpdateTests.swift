import RecDeckCore
import RecDeckTestSupport
@testable import RecDeckUI
import Testing

/// Choosing a sort of more recordings than can be sorted between two keys: the key answers at
/// once with the work for a worker, the pane says it is sorting and keeps its order, a newer
/// choice supersedes it, and an order sorted before comes back at once.
@Suite struct WorkerSortUpdateTests {
    private func sortRequests(_ effects: [Effect]) -> [RecordingSortRequest] {
        effects.compactMap { if case .sortRecordings(let request) = $0 { request } else { nil } }
    }

    private func keys(_ state: inout AppState, _ text: String) -> [Effect] {
        text.flatMap { update(&state, .input(.key(.character($0)))) }
    }

    @Test func aLargeSortIsWorkedOutOnAWorker() throws {
        var state = DashboardFixture.state()
        state.list.synchronousSortLimit = 0
        #expect(Array(state.visible) == ["rec-failed", "rec-multi", "rec-old"])
        let first = sortRequests(keys(&state, "sc"))
        #expect(first.map(\.sort) == [RecordingSort(field: .call)])
        #expect(Array(state.visible) == ["rec-failed", "rec-multi", "rec-old"], "the order before, meanwhile")
        #expect(render(state).text.contains("sort: start ↓ (sorting…)"))
        // Rec chosen meanwhile, then reversed: one worker at a time, the answer asks for the rest.
        #expect(sortRequests(keys(&state, "srS")).isEmpty)
        #expect(state.wantedSort == RecordingSort(field: .rec, ascending: false))
        let next = sortRequests(update(&state, first[0].run()))
        #expect(next.map(\.sort) == [RecordingSort(field: .rec, ascending: false)])
        #expect(Array(state.visible) == ["rec-failed", "rec-multi", "rec-old"], "call is not shown")
        #expect(sortRequests(update(&state, next[0].run())).isEmpty)
        #expect(Array(state.visible) == ["rec-old", "rec-multi", "rec-failed"])
        let sorted = render(state).text
        #expect(sorted.contains("sort: rec ↓") && !sorted.contains("sorting"))
        #expect(state.message?.text == "sorted by rec:desc")
        // Call was sorted on the way: it comes back at once.
        #expect(sortRequests(keys(&state, "sc")).isEmpty)
        #expect(Array(state.visible) == ["rec-multi", "rec-old", "rec-failed"])
        #expect(render(state).text.contains("sort: call ↑"))
        #expect(state.selectedId == "rec-failed", "the selection stays on its recording")
    }
}
