import RecDeckCore
import RecDeckTestSupport
@testable import RecDeckUI
import Testing

/// Typing a filter over more recordings than can be examined between two keys: the key answers at
/// once with the work for a worker, the list says it is filtering and keeps its rows, and the
/// worker's answer shows the rows.
@Suite struct WorkerFilterUpdateTests {
    @Test func aLargeFilterIsWorkedOutOnAWorker() throws {
        var state = DashboardFixture.state()
        state.list.synchronousFilterLimit = 0
        _ = update(&state, .input(.key(.character("/"))))
        var requests: [RecordingFilterRequest] = []
        for character in "rec-f" {
            for effect in update(&state, .input(.key(.character(character)))) {
                if case .filterRecordings(let request) = effect { requests.append(request) }
            }
        }
        #expect(requests.map(\.query.text) == ["r"], "one worker at a time: the answer asks for the rest")
        #expect(Array(state.visible) == ["rec-failed", "rec-multi", "rec-old"], "the rows before, meanwhile")
        #expect(render(state).text.contains("filter: rec-f (filtering…)"))
        // The answer for "r" asks for "rec-f", whose answer is shown.
        var effects = update(&state, requests[0].run())
        guard case .filterRecordings(let next)? = effects.first else { Issue.record("no second request: \(effects)"); return }
        #expect(next.query.text == "rec-f")
        effects = update(&state, next.run())
        #expect(!effects.contains { if case .filterRecordings = $0 { true } else { false } })
        #expect(Array(state.visible) == ["rec-failed"])
        #expect(!render(state).text.contains("filtering"))
        #expect(render(state).text.contains("filter: rec-f"))
    }
}
