import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

/// The calls view's listings as `update` asks for them: one worker request at a time, a change
/// meanwhile asked for when the answer comes, the selection kept on its call.
@Suite struct CallsUpdateTests {
    static func listCalls(_ effects: [Effect]) -> [CallsRequest] {
        effects.compactMap { if case .listCalls(let request) = $0 { request } else { nil } }
    }

    @Test func oneListingAtATimeAndTheLatestDataWins() throws {
        var store = CallViewFixture.store()
        var state = AppState(directory: "~/events", size: (120, 40), now: DashboardFixture.now, utc: true)
        var delta = StoreDelta()
        for (id, recording) in store.recordings { delta.added[id] = recording }
        _ = update(&state, .callEventsChanged(store.callEvents))
        _ = update(&state, .storeChanged(delta, summary: store.summary, problems: nil, otherEvents: store.otherEvents, initialLoad: true))
        #expect(Self.listCalls(update(&state, .input(.key(.character("x"))))).isEmpty, "nothing is listed while the calls are hidden")

        let first = Self.listCalls(update(&state, .input(.key(.character("c")))))
        #expect(first.count == 1)
        #expect(state.calls.listing && !state.calls.listed)

        // A recording of a new call arrives while the listing is made: no second request yet.
        let later = store.apply(decode(EventFixture.recording(id: "n-1", call: "new-call", recording: "rec-new", eventTime: "2026-10-01T08:59:00Z",
                                                              start: "2026-10-01T08:30:00Z", durationMs: "1000"), file: "new.json"), to: "new.json")
        #expect(Self.listCalls(update(&state, .storeChanged(later, summary: store.summary, problems: nil, otherEvents: nil, initialLoad: false))).isEmpty)

        // The first answer shows its calls and asks for the newer data at once.
        let second = Self.listCalls(update(&state, first[0].run()))
        // The dashboard fixture's other event is a CallStarted of call `x` (by its subject's serverCallId).
        #expect(state.calls.rows.map(\.id) == ["call-1", "x", "99ab01ff", "1027c4aa", "55cc0a1b"])
        #expect(state.calls.selectedId == "call-1")
        #expect(second.count == 1 && second[0].key.dataVersion == state.calls.dataVersion)
        let effects = update(&state, second[0].run())
        #expect(Self.listCalls(effects).isEmpty, "up to date: nothing more to list")
        #expect(state.calls.rows.map(\.id) == ["new-call", "call-1", "x", "99ab01ff", "1027c4aa", "55cc0a1b"])
        #expect(state.calls.selectedId == "call-1", "the selection stays on its call")
        #expect(state.calls.totalCalls == 6)

        // The event pane follows the selected call's call events.
        #expect(state.eventSubject == .call("call-1"))
    }

    @Test func aFilterAndASortAreListedAgainAndTheSelectionMoves() throws {
        let store = CallViewFixture.store()
        var state = AppState(directory: "~/events", size: (120, 40), now: DashboardFixture.now, utc: true)
        var delta = StoreDelta()
        for (id, recording) in store.recordings { delta.added[id] = recording }
        _ = update(&state, .callEventsChanged(store.callEvents))
        _ = update(&state, .storeChanged(delta, summary: store.summary, problems: nil, otherEvents: store.otherEvents, initialLoad: true))
        func settle(_ effects: [Effect]) {
            var pending = Self.listCalls(effects)
            while let request = pending.first {
                pending = Self.listCalls(update(&state, request.run())) + pending.dropFirst()
            }
        }
        settle(update(&state, .input(.key(.character("c")))))
        settle(update(&state, .input(.key(.character("j")))))
        #expect(state.calls.selectedId == "x")
        settle(update(&state, .input(.key(.character("/")))))
        for character in "reason:upload" { settle(update(&state, .input(.key(.character(character))))) }
        // call-1's rec-2 and 99ab01ff's recording each have a chunk that ended in ChunkUploadFailure.
        #expect(state.calls.rows.map(\.id) == ["call-1", "99ab01ff"])
        #expect(state.calls.selectedId.map { ["call-1", "99ab01ff"].contains($0) } == true)
        settle(update(&state, .input(.key(.enter))))  // keeps the filter
        settle(update(&state, .input(.key(.character("G")))))
        #expect(state.calls.selectedId == "99ab01ff")
        settle(update(&state, .input(.key(.escape))))  // clears it
        #expect(state.query.isEmpty)
        #expect(state.calls.rows.count == 5)
        #expect(state.calls.selectedId == "99ab01ff")
        settle(update(&state, .input(.key(.character("S")))))
        #expect(state.calls.rows.map(\.id) == ["55cc0a1b", "1027c4aa", "99ab01ff", "x", "call-1"])
        #expect(state.calls.selectedId == "99ab01ff")
        #expect(state.calls.selectedRow == 2)
    }
}
