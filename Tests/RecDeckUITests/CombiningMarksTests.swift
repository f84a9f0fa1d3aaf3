import Foundation
import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

/// One character of millions of combining marks shows as a short id does: width and truncation
/// stop after the cells they need, and the marks are capped for display. (How long frames take is
/// for the benchmarks, not a test's clock.)
@Suite struct CombiningMarksTests {
    @Test func aCallIdOfOneGraphemeWithMillionsOfMarksRendersCapped() throws {
        let marks = 1_000_000
        let call = "a" + String(repeating: "\u{301}", count: marks)
        var store = RecordingStore()
        store.apply(decode("[\(EventFixture.recording(call: call, recording: "rec-marks"))]", file: "marks.json"), to: "marks.json")
        #expect(store.recordings["rec-marks"]?.callId?.unicodeScalars.count == marks + 1, "kept whole")
        var state = DashboardFixture.state()
        var delta = StoreDelta()
        for (key, value) in store.recordings { delta.added[key] = value }
        _ = update(&state, .storeChanged(delta, summary: store.summary, problems: nil, otherEvents: nil, initialLoad: false))
        let screen = render(state).text
        let shown = "a" + String(repeating: "\u{301}", count: DisplayWidth.maximumMarksPerCharacter)
        #expect(screen.unicodeScalars.count < 20_000)
        #expect(screen.contains(shown))
        #expect(DisplayWidth.truncated(call, to: 5) != "", "and a truncation of it returns")
    }

    @Test func displayPrefixStopsEarly() {
        let text = "ab" + String(repeating: "\u{301}", count: 100) + "cd"
        let start = DisplayWidth.displayPrefix(text, characters: 3)
        #expect(DisplayWidth.displayPrefix("abc" + String(repeating: "\u{301}", count: 3) + "d", characters: 3) == ("abc" + String(repeating: "\u{301}", count: 3), true))
        #expect(start.text == "ab" + String(repeating: "\u{301}", count: 16))
        #expect(start.cut)
        #expect(DisplayWidth.displayPrefix("héllo", characters: 10) == ("héllo", false))
    }
}
