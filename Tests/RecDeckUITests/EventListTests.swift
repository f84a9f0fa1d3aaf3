import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

/// The all-events overlay's rows live in state, laid out during the first load, and follow the
/// store's deltas: after any mix of arrivals, updates, removals and other-event changes they equal
/// the list built from scratch.
@Suite struct EventListTests {
    func press(_ state: inout AppState, _ key: Key) {
        _ = update(&state, .input(.key(key)))
    }

    func built(_ state: AppState) -> EventList {
        EventList(recordings: state.list.all, otherEvents: state.otherEvents)
    }

    func change(_ state: inout AppState, _ store: RecordingStore, _ delta: StoreDelta, otherEvents: [EventRef]? = nil) {
        _ = update(&state, .storeChanged(delta, summary: store.summary, problems: nil, otherEvents: otherEvents, initialLoad: false))
    }

    @Test func rowsFollowEveryKindOfChange() throws {
        var state = DashboardFixture.state()
        // Laid out during the first load, before the overlay opens.
        let loaded = try #require(state.eventList)
        #expect(loaded == built(state))
        press(&state, .character("e"))
        let opened = try #require(state.eventList)
        #expect(opened == built(state) && opened.count == 4)
        #expect(render(state).text.contains("All events (4)"))

        // A new recording and a later event of an existing one, in one batch.
        var store = RecordingStore()
        store.apply(decode(EventFixture.recording(id: "n1", recording: "rec-new", eventTime: "2026-10-01T09:30:00Z"), file: "n1.json"), to: "n1.json")
        store.apply(decode(EventFixture.recording(id: "m2", call: "1027c4aa", recording: "rec-multi", eventTime: "2026-10-01T09:31:00Z"),
                           file: "m2.json"), to: "m2.json")
        var delta = StoreDelta()
        delta.added["rec-new"] = store.recordings["rec-new"]
        // The updated recording as the store now has it (here: only its later event).
        let updated = store.recordings["rec-multi"]
        #expect(updated != nil)
        delta.updated["rec-multi"] = updated
        change(&state, store, delta)
        #expect(state.eventList == built(state))
        #expect(state.eventList?.rows.prefix(2).map(\.event.id) == ["m2", "n1"])

        // A removal, and the other events replaced.
        var removal = StoreDelta()
        removal.removed = ["rec-old"]
        let other = EventRef(id: "o9", type: "Microsoft.Communication.CallEnded", time: Timestamp(iso8601: "2026-10-01T10:00:00Z"),
                             subject: "call/x", deliveries: [EventLocation(file: "o9.json", offset: 0, length: 10)])
        change(&state, store, removal, otherEvents: [other])
        #expect(state.eventList == built(state))
        #expect(state.eventList?.rows.first?.event.id == "o9")
        #expect(!(state.eventList?.rows.contains { $0.recordingId == "rec-old" } ?? true))
        #expect(render(state).text.contains("All events (\(built(state).count))"))
    }

    @Test func aLargeBatchIsMergedInOnePass() throws {
        var state = DashboardFixture.state()
        var store = RecordingStore()
        var delta = StoreDelta()
        for number in 0..<100 {
            let minute = number % 60 < 10 ? "0\(number % 60)" : "\(number % 60)"
            let file = "bulk-\(number).json"
            store.apply(decode(EventFixture.recording(id: "b\(number)", recording: "rec-b\(number)",
                                                      eventTime: "2026-10-01T0\(number / 60 + 7):\(minute):30Z"), file: file), to: file)
        }
        for (id, recording) in store.recordings { delta.added[id] = recording }
        delta.removed = ["rec-old"]
        change(&state, store, delta)
        #expect(state.eventList == built(state))
        #expect(state.eventList?.count == 103)
        let others = (0..<80).map { number in
            EventRef(id: "o\(number)", type: "Microsoft.Communication.CallEnded", time: Timestamp(nanoseconds: Int64(number) * 1_000_000_000),
                     subject: "call/x", deliveries: [EventLocation(file: "o\(number).json", offset: 0, length: 10)])
        }
        change(&state, store, StoreDelta(), otherEvents: others)
        #expect(state.otherEvents.count == 80)
        #expect(state.eventList == built(state))
    }
}

