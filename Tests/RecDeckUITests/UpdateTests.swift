import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

@Suite struct UpdateTests {
    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { update(&state, .input(.key($0))) }
    }

    func arrival(_ state: inout AppState, id: String, recording: String, start: String) {
        var store = RecordingStore()
        store.apply(decode(EventFixture.recording(id: id, recording: recording, start: start), file: "\(id).json"), to: "\(id).json")
        var delta = StoreDelta()
        for (key, value) in store.recordings { delta.added[key] = value }
        _ = update(&state, .storeChanged(delta, summary: store.summary, problems: nil, otherEvents: nil, initialLoad: false))
    }

    @Test func navigationMovesTheSelectionAndAsksForTheEvent() {
        var state = DashboardFixture.state()
        #expect(Array(state.visible) == ["rec-failed", "rec-multi", "rec-old"])
        let effects = press(&state, .character("j"))
        #expect(state.selectedId == "rec-multi")
        #expect(effects.count == 1)
        guard case .loadEvents(let subject, let events)? = effects.first else { Issue.record("no load"); return }
        #expect(subject == .recording("rec-multi") && events.map(\.id) == ["e1"])
        _ = press(&state, .character("G"))
        #expect(state.selectedId == "rec-old")
        _ = press(&state, .down)
        #expect(state.selectedId == "rec-old")
        _ = press(&state, .home)
        #expect(state.selectedId == "rec-failed")
        #expect(press(&state, .up).isEmpty)
    }

    @Test func panesAndDrillDown() {
        var state = DashboardFixture.state()
        _ = press(&state, .character("j"))
        _ = press(&state, .enter)
        #expect(state.focus == .chunks)
        _ = press(&state, .character("j"))
        #expect(state.chunkIndex == 1)
        _ = press(&state, .enter)
        #expect(state.chunkDetail)
        #expect(render(state).text.contains("SessionEnded"))
        _ = press(&state, .escape)
        #expect(!state.chunkDetail && state.focus == .chunks)
        _ = press(&state, .escape)
        #expect(state.focus == .recordings)
        _ = press(&state, .tab, .tab)
        #expect(state.focus == .event)
        _ = press(&state, .backTab)
        #expect(state.focus == .chunks)
        _ = press(&state, .character("1"))
        #expect(state.focus == .recordings)
    }

    @Test func filterAppliesAsYouTypeAndShowsErrors() {
        var state = DashboardFixture.state()
        _ = press(&state, .character("/"))
        for character in "dur>1m" { _ = press(&state, .character(character)) }
        #expect(Array(state.visible) == ["rec-multi", "rec-old"])
        #expect(state.selectedId == "rec-multi")
        _ = press(&state, .character("x"))
        guard case .filterPrompt(_, let error?, _) = state.mode else { Issue.record("no error"); return }
        #expect(error.contains("dur>1mx"))
        // While the text does not parse, the list shows the filter submitted before (none here).
        #expect(state.visible.count == 3)
        #expect(render(state).text.contains("filter: dur>1mx"))
        _ = press(&state, .backspace, .enter)
        #expect(state.mode == .browse)
        #expect(state.query.text == "dur>1m")
        #expect(Array(state.visible) == ["rec-multi", "rec-old"])
    }

    @Test func anInvalidFilterIsNeverAppliedAndEscRestoresTheOneBefore() {
        var state = DashboardFixture.state()
        _ = press(&state, .character("/"))
        for character in "reason:ended" { _ = press(&state, .character(character)) }
        _ = press(&state, .enter)
        #expect(state.query.text == "reason:ended")
        #expect(state.visible.count == 3)
        // Typed on: `reason:ended dur>1x` does not parse; the submitted filter stays, Enter keeps the prompt.
        _ = press(&state, .character("/"))
        for character in " dur>1x" { _ = press(&state, .character(character)) }
        #expect(state.query.text == "reason:ended")
        _ = press(&state, .enter)
        guard case .filterPrompt(let prompt, let error?, _) = state.mode else { Issue.record("prompt closed"); return }
        #expect(prompt.text == "reason:ended dur>1x")
        #expect(error.contains("dur>1x"))
        #expect(render(state).text.contains(error))
        // The reason is under the prompt, on the status line, however long the text typed.
        for character in String(repeating: " x", count: 80) { _ = press(&state, .character(character)) }
        guard case .filterPrompt(_, let longError?, _) = state.mode else { Issue.record("prompt closed"); return }
        let lines = render(state).text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[38].hasPrefix(" filter: "))
        #expect(lines[39].hasPrefix(" " + longError.prefix(40)), "\(lines[39])")
        for _ in 0..<160 { _ = press(&state, .backspace) }
        // `foo:bar` is not `foo`: an unknown field is an error too.
        _ = press(&state, .control("u"))
        for character in "foo:bar" { _ = press(&state, .character(character)) }
        guard case .filterPrompt(_, _?, _) = state.mode else { Issue.record("foo:bar accepted"); return }
        #expect(state.query.text == "reason:ended")
        // A valid edit applies as typed; Esc then puts back the filter in force before the prompt opened.
        _ = press(&state, .control("u"))
        for character in "dur>1m" { _ = press(&state, .character(character)) }
        #expect(Array(state.visible) == ["rec-multi", "rec-old"])
        _ = press(&state, .escape)
        #expect(state.mode == .browse)
        #expect(state.query.text == "reason:ended")
        #expect(state.visible.count == 3)
    }

    @Test func arrivalsKeepTheSelectionAndCountAsNew() {
        var state = DashboardFixture.state()
        _ = press(&state, .character("j"))
        #expect(state.selectedId == "rec-multi")
        arrival(&state, id: "n1", recording: "rec-new", start: "2026-10-01T08:59:00Z")
        #expect(state.visible.first == "rec-new")
        #expect(state.selectedId == "rec-multi")
        #expect(state.unseenArrivals == 1)
        #expect(state.arrivedAt["rec-new"] != nil)
        #expect(render(state).text.contains(" 1 new "))
        _ = update(&state, .tick(Timestamp(nanoseconds: DashboardFixture.now.nanoseconds + 6_000_000_000)))
        #expect(state.arrivedAt["rec-new"] == nil)
    }

    @Test func followKeepsTheNewestSelected() {
        var state = DashboardFixture.state()
        _ = press(&state, .character("j"), .character("f"))
        #expect(state.follow)
        // The first load's newest event is rec-multi's (08:58), not the top row's.
        #expect(state.selectedId == "rec-multi")
        arrival(&state, id: "n1", recording: "rec-new", start: "2026-10-01T08:59:00Z")
        #expect(state.selectedId == "rec-new")
        #expect(state.unseenArrivals == 0)
    }

    @Test func followFollowsArrivalsWhateverTheSort() {
        var state = DashboardFixture.state()
        // Sorted by start, oldest first: an arrival that started long ago lands mid-list, not on top.
        state.setSort(RecordingSort(field: .start, ascending: true))
        _ = press(&state, .character("f"))
        arrival(&state, id: "n1", recording: "rec-late", start: "2026-09-30T08:00:00Z")
        #expect(state.visible.firstIndex(of: "rec-late") == 1)
        #expect(state.selectedId == "rec-late")
        arrival(&state, id: "n2", recording: "rec-later", start: "2026-10-01T08:10:00Z")
        #expect(state.selectedId == "rec-later")
    }

    @Test func jumpToTheNewestArrivalWithoutFollowing() {
        var state = DashboardFixture.state()
        state.setSort(RecordingSort(field: .duration, ascending: false))
        arrival(&state, id: "n1", recording: "rec-new", start: "2026-10-01T08:59:00Z")
        #expect(state.unseenArrivals == 1)
        #expect(state.selectedId != "rec-new")
        _ = press(&state, .character("a"))
        #expect(state.selectedId == "rec-new")
        #expect(!state.follow)
        #expect(state.unseenArrivals == 0)
    }

    @Test func unknownKeysSaySo() {
        var state = DashboardFixture.state()
        _ = press(&state, .character("x"))
        #expect(state.message?.text == "x: not a key here · ? for help")
        #expect(render(state).text.contains(" x: not a key here · ? for help"))
        _ = press(&state, .control("b"))
        #expect(state.message?.text == "Ctrl-b: not a key here · ? for help")
    }

    @Test func theNewBadgeGoesWhenTheNewRecordingDoes() {
        var state = DashboardFixture.state()
        arrival(&state, id: "n1", recording: "rec-new", start: "2026-10-01T08:59:00Z")
        #expect(render(state).text.contains(" 1 new "))
        var delta = StoreDelta()
        delta.removed = ["rec-new"]
        _ = update(&state, .storeChanged(delta, summary: state.summary, problems: nil, otherEvents: nil, initialLoad: false))
        #expect(state.unseenArrivals == 0)
        #expect(!render(state).text.contains(" new "))
    }

    @Test func removalMovesToTheNearestRow() {
        var state = DashboardFixture.state()
        _ = press(&state, .character("j"))
        var delta = StoreDelta()
        delta.removed = ["rec-multi"]
        _ = update(&state, .storeChanged(delta, summary: state.summary, problems: nil, otherEvents: nil, initialLoad: false))
        #expect(state.selectedId == "rec-old")
    }

    @Test func aFilterSetInTheCallsViewFiltersTheRecordingsWhenTheyAreShownAgain() {
        var state = DashboardFixture.state()
        _ = press(&state, .character("c"))
        _ = press(&state, .character("/"))
        for character in "rec-multi" { _ = press(&state, .character(character)) }
        _ = press(&state, .enter)
        #expect(state.query.text == "rec-multi")
        #expect(state.list.query.isEmpty, "the calls are listed with it; the recordings are not filtered while hidden")
        #expect(state.visible.count == 3)
        _ = press(&state, .character("c"))
        #expect(state.list.query.text == "rec-multi")
        #expect(Array(state.visible) == ["rec-multi"])
    }

    @Test func sortGroupAndTime() {
        var state = DashboardFixture.state()
        _ = press(&state, .character("S"))
        #expect(Array(state.visible) == ["rec-old", "rec-multi", "rec-failed"])
        _ = press(&state, .character("s"))
        #expect(state.mode == .overlay(.sortChooser, ListCursor()))
        _ = press(&state, .character("d"))
        #expect(state.sort == RecordingSort(field: .duration, ascending: false))
        #expect(state.mode == .browse)
        _ = press(&state, .character("c"))
        #expect(state.calls.shown)
        _ = press(&state, .character("c"))
        _ = press(&state, .character("t"))
        #expect(!state.utc)
    }

    @Test func copyMenuAndExport() {
        var state = DashboardFixture.state()
        _ = press(&state, .character("y"))
        guard case .copyMenu(let choices)? = state.mode.overlay else { Issue.record("no menu"); return }
        #expect(choices.map(\.key).prefix(2) == ["i", "c"])
        let effects = press(&state, .character("u"))
        #expect(effects == [.copy("https://storage.asm.skype.com/v1/objects/0-weu-d3-ff/content/video", what: "content URL of chunk 0")])
        #expect(state.mode == .browse)
        _ = press(&state, .character("w"))
        _ = press(&state, .control("u"))
        for character in "out.json" { _ = press(&state, .character(character)) }
        #expect(press(&state, .enter) == [.export(path: "out.json", ids: ["rec-failed", "rec-multi", "rec-old"], replace: false)])
    }

    @Test func allEventsOverlayListsEveryEvent() {
        var state = DashboardFixture.state()
        _ = press(&state, .character("e"))
        let text = render(state).text
        #expect(text.contains("All events (4)"))
        #expect(text.contains("CallStarted"))
        let effects = press(&state, .enter)
        #expect(state.mode == .browse)
        #expect(state.focus == .event)
        #expect(effects.count == 1)
    }

    @Test func eventSearchAndFold() {
        var state = DashboardFixture.state()
        _ = update(&state, .eventLoaded(subject: .recording("rec-failed"), sections: [.init(title: "e2", text: #"{"id": "e2", "data": {"a": "needle", "b": "needle"}}"#)]))
        _ = press(&state, .character("3"), .character("/"))
        for character in "needle" { _ = press(&state, .character(character)) }
        _ = press(&state, .enter)
        #expect(state.eventState.matchCount == 2)
        _ = press(&state, .character("n"))
        #expect(state.eventState.matchOrdinal == 2)
        #expect(render(state).text.contains("/needle 2/2"))
        _ = press(&state, .character("g"), .character("j"), .character("j"), .character(" "))
        #expect(!state.eventState.folded.isEmpty)
    }

    @Test func quitAndRedraw() {
        var state = DashboardFixture.state()
        #expect(press(&state, .control("l")) == [.redraw])
        #expect(press(&state, .character("q")) == [.quit])
        #expect(press(&state, .control("c")) == [.quit])
    }

    @Test func mouseClickSelectsAndWheelScrolls() {
        var state = DashboardFixture.state()
        _ = update(&state, .input(.mouse(MouseEvent(action: .press, column: 10, row: 5))))
        #expect(state.selectedId == "rec-old")
        _ = update(&state, .input(.mouse(MouseEvent(action: .wheelUp, column: 10, row: 5))))
        #expect(state.selectedId == "rec-failed")
        _ = update(&state, .input(.mouse(MouseEvent(action: .press, column: 90, row: 3))))
        #expect(state.focus == .chunks)
    }
}
