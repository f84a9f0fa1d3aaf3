import Testing
import RecDeckCore
import RecDeckTestSupport
@testable import RecDeckUI

/// The dashboard keeps its sorted, filtered rows up to date one batch at a time and reuses
/// earlier filter results; whatever the path, `visible`, the selection and the totals must be
/// what a state computed from scratch shows.
@Suite struct IncrementalViewTests {
    static let now = Timestamp(iso8601: "2026-10-01T09:00:00Z")!

    /// A small deterministic stream of files: new recordings, later events for them, rewrites, removals.
    struct Stream {
        var seed: UInt64
        mutating func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
    }

    static func file(_ number: Int, _ stream: inout Stream) -> String {
        let recording = "rec-\(stream.next(40))"
        let event = EventFixture.recording(
            id: "e\(number)", call: "call-\(stream.next(15))", recording: recording,
            eventTime: "2026-10-01T08:\(10 + stream.next(49)):00Z",
            start: stream.next(10) == 0 ? nil : "2026-10-01T0\(stream.next(9)):\(10 + stream.next(49)):00Z",
            durationMs: stream.next(8) == 0 ? "null" : "\(stream.next(5_000_000))",
            endReason: ["CallEnded", "InitiatorLeft", "Unknown"][stream.next(3)],
            chunks: [EventFixture.chunk(index: stream.next(3), document: "doc-\(stream.next(5))",
                                        endReason: stream.next(6) == 0 ? "ChunkUploadFailure" : "SessionEnded")])
        return "[\(event)]"
    }

    /// The ids of the same recordings, sorted and filtered in one go.
    static func fresh(like state: AppState) -> [PackedID] {
        state.sort.sorted(state.list.all, now: state.now).filter { state.query.matches($0, now: state.now) }.map(\.id)
    }

    static func check(_ state: AppState, _ context: String) {
        #expect(Array(state.visible) == fresh(like: state), "\(context)")
        var totals = Totals(state.list.all)
        totals.deadLetteredOtherEvents = state.totals.deadLetteredOtherEvents
        #expect(state.totals == totals, "\(context)")
        if let selected = state.selectedId { #expect(state.visible.contains(selected), "\(context)") }
        #expect(state.selectedRow.map { state.visible[$0] } == state.selectedId, "\(context)")
    }

    @Test(arguments: ["", "call-1", "rec", "-call-3 ended", "reason:upload", "dur>10m"])
    func batchesKeepTheViewEqualToAFreshOne(query: String) throws {
        var stream = Stream(seed: UInt64(query.utf8.count) + 7)
        var store = RecordingStore()
        var state = AppState(directory: "~/events", size: (120, 40), now: Self.now, utc: true)
        state.setQuery(try RecordingQuery(parsing: query))
        for sortIndex in 0..<3 {
            state.setSort(RecordingSort(field: [SortField.start, .call, .duration][sortIndex], ascending: sortIndex == 1))
            for step in 0..<60 {
                let number = sortIndex * 100 + step
                let delta: StoreDelta
                if step % 7 == 6 {
                    delta = store.remove(file: "f\(stream.next(number + 1)).json")
                } else {
                    let name = "f\(step % 5 == 4 ? stream.next(number + 1) : number).json"
                    delta = store.apply(decode(Self.file(number, &stream), file: name), to: name)
                }
                _ = update(&state, .storeChanged(delta, summary: store.summary, problems: nil, otherEvents: nil,
                                                 initialLoad: step == 0))
                Self.check(state, "query \(query), sort \(state.sort), step \(step)")
                if step % 11 == 0 { _ = update(&state, .input(.key(.down))) }
            }
        }
    }

    @Test func typingAndDeletingAtThePromptMatchesFreshFilters() {
        var stream = Stream(seed: 3)
        var store = RecordingStore()
        for number in 0..<120 {
            store.apply(decode(Self.file(number, &stream), file: "f\(number).json"), to: "f\(number).json")
        }
        var state = AppState(directory: "~/events", size: (120, 40), now: Self.now, utc: true)
        var delta = StoreDelta()
        for (id, recording) in store.recordings { delta.added[id] = recording }
        _ = update(&state, .storeChanged(delta, summary: store.summary, problems: nil, otherEvents: nil, initialLoad: true))
        _ = update(&state, .input(.key(.character("/"))))
        for text in ["call-1 ", "rec-1", "-rec-2 call"] {
            for character in text {
                _ = update(&state, .input(.key(.character(character))))
                Self.check(state, "typed up to \(state.query.text)")
            }
            for _ in text {
                _ = update(&state, .input(.key(.backspace)))
                Self.check(state, "deleted down to \(state.query.text)")
            }
        }
        _ = update(&state, .input(.key(.escape)))
        _ = update(&state, .input(.key(.character("c"))))  // the calls view
        Self.check(state, "calls shown")
        // a batch while the calls are shown, then the recordings again
        let more = store.apply(decode(Self.file(500, &stream), file: "g.json"), to: "g.json")
        _ = update(&state, .storeChanged(more, summary: store.summary, problems: nil, otherEvents: nil, initialLoad: false))
        Self.check(state, "calls shown after a batch")
        _ = update(&state, .input(.key(.character("c"))))
        Self.check(state, "recordings again")
    }
}
