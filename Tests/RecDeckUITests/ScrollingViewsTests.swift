import RecDeckCore
import RecDeckTestSupport
@testable import RecDeckUI
import Testing

/// The chunk detail and the overlays scroll (`j`/`k`, `G`/`g`, PgDn/PgUp) and their bottom edge
/// says how much more there is above and below.
@Suite struct ScrollingViewsTests {
    /// Thirty recordings (one event each) and twenty-five files that cannot be read.
    static func crowdedStore() -> RecordingStore {
        var store = RecordingStore()
        let events = (10..<40).map { number in
            EventFixture.recording(id: "e\(number)", call: "ca11\(number)", recording: "rec-\(number)", eventTime: "2026-10-01T08:\(number):00Z")
        }
        store.apply(decode("[\(events.joined(separator: ","))]", file: "2026/10/01/a.json"), to: "2026/10/01/a.json")
        for number in 10..<35 {
            store.apply(decode("[{", file: "broken-\(number).json"), to: "broken-\(number).json")
        }
        return store
    }

    static func lines(_ state: AppState) -> [String] {
        render(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Columns `from..<from + count` of `line` (every cell here is one character).
    static func cells(_ line: String, _ from: Int, _ count: Int) -> String {
        String(line.dropFirst(from).prefix(count))
    }

    static func press(_ state: inout AppState, _ keys: Key...) {
        for key in keys { _ = update(&state, .input(.key(key))) }
    }

    /// The bottom edge of a frame `width` cells wide saying `footer`.
    static func bottom(_ width: Int, _ footer: String) -> String {
        let text = footer.isEmpty ? "" : " \(footer) "
        return "└" + String(repeating: "─", count: width - 2 - text.count) + text + "┘"
    }

    @Test func helpScrollsAndSaysHowManyKeysAreBelow() {
        var state = DashboardFixture.state(width: 80, height: 24)
        // The keys, the prompts' keys, the filter language and the commands, then two closing lines.
        let hidden = OverlayView.helpRows(state).count - 20
        #expect(hidden > 20)
        Self.press(&state, .character("?"))
        // 22 rows (8 to 71 across, 1 to 22 down): the first 20 lines show.
        var lines = Self.lines(state)
        #expect(Self.cells(lines[2], 8, 64).hasPrefix("│ q Ctrl-C"))
        #expect(Self.cells(lines[22], 8, 64) == Self.bottom(64, "↓ \(hidden) more"))
        Self.press(&state, .character("j"))
        lines = Self.lines(state)
        #expect(Self.cells(lines[2], 8, 64).hasPrefix("│ ?             this help"))
        #expect(Self.cells(lines[22], 8, 64) == Self.bottom(64, "↑ 1 ↓ \(hidden - 1) more"))
        Self.press(&state, .character("G"))
        lines = Self.lines(state)
        #expect(Self.cells(lines[21], 8, 64) == "│ Esc or q closes this window" + String(repeating: " ", count: 34) + "│")
        #expect(Self.cells(lines[22], 8, 64) == Self.bottom(64, "↑ \(hidden) more"))
        Self.press(&state, .pageUp)
        #expect(Self.cells(Self.lines(state)[22], 8, 64) == Self.bottom(64, "↑ \(hidden - 20) ↓ 20 more"))
        Self.press(&state, .pageDown, .character("g"))
        #expect(Self.cells(Self.lines(state)[22], 8, 64) == Self.bottom(64, "↓ \(hidden) more"))
    }

    @Test func allEventsAndProblemsSayHowManyRowsAreAboveAndBelow() {
        var state = DashboardFixture.state(width: 80, height: 24, store: Self.crowdedStore())
        Self.press(&state, .character("e"))
        // 76 wide (2 to 77), 22 tall: 20 of the 30 events.
        var lines = Self.lines(state)
        #expect(Self.cells(lines[1], 2, 30) == "┌ All events (30)  ⏎ opens ───")
        #expect(Self.cells(lines[2], 2, 31) == "│ 2026-10-01 08:39:00  Recordin")
        #expect(Self.cells(lines[22], 2, 76) == Self.bottom(76, "↓ 10 more"))
        Self.press(&state, .pageDown)
        #expect(Self.cells(Self.lines(state)[22], 2, 76) == Self.bottom(76, "↑ 1 ↓ 9 more"), "the selection, 20 rows down, on screen")
        Self.press(&state, .pageDown)
        lines = Self.lines(state)
        #expect(Self.cells(lines[21], 2, 31) == "│ 2026-10-01 08:10:00  Recordin")
        #expect(Self.cells(lines[22], 2, 76) == Self.bottom(76, "↑ 10 more"))
        Self.press(&state, .character("k"), .character("g"))
        #expect(Self.cells(Self.lines(state)[22], 2, 76) == Self.bottom(76, "↓ 10 more"))
        Self.press(&state, .escape, .character("p"))
        lines = Self.lines(state)
        #expect(Self.cells(lines[1], 2, 21) == "┌ Problems (25) ─────")
        #expect(Self.cells(lines[22], 2, 76) == Self.bottom(76, "↓ 5 more"))
        Self.press(&state, .character("G"))
        #expect(Self.cells(Self.lines(state)[22], 2, 76) == Self.bottom(76, "↑ 5 more"))
    }

    @Test func downloadsScroll() {
        var state = DashboardFixture.state(width: 80, height: 12)
        state.downloads = (1...14).map { DownloadStatus(request: DownloadRequest(id: $0, recordingId: "rec-\($0)", chunkPosition: nil), label: "rec-\($0)") }
        Self.press(&state, .character("D"))
        // 10 tall (1 to 10): 8 of the 14.
        #expect(Self.cells(Self.lines(state)[10], 2, 76) == Self.bottom(76, "↓ 6 more"))
        Self.press(&state, .character("j"), .character("j"))
        #expect(Self.cells(Self.lines(state)[2], 2, 12) == "│ rec-3     ")
        #expect(Self.cells(Self.lines(state)[10], 2, 76) == Self.bottom(76, "↑ 2 ↓ 4 more"))
    }

    @Test func chunkDetailScrollsAndSaysHowMuchMoreThereIs() {
        var state = DashboardFixture.state(width: 80, height: 24)
        Self.press(&state, .character("j"), .tab, .enter)
        #expect(state.chunkDetail && state.selectedId == "rec-multi")
        guard let pane = state.layout.panes[.chunks] else { Issue.record("no chunks pane"); return }
        let rows = pane.height - 2
        let total = 12 // six fields, each a name and a value on one line at this width
        var lines = Self.lines(state)
        #expect(Self.cells(lines[pane.y + 1], 0, 16) == "│ index         ")
        #expect(Self.cells(lines[pane.maxY - 1], 0, 80) == Self.bottom(80, "↓ \(total - rows) more"))
        Self.press(&state, .character("j"))
        lines = Self.lines(state)
        #expect(Self.cells(lines[pane.y + 1], 0, 16) == "│   0           ")
        #expect(Self.cells(lines[pane.maxY - 1], 0, 80) == Self.bottom(80, "↑ 1 ↓ \(total - rows - 1) more"))
        Self.press(&state, .character("G"))
        lines = Self.lines(state)
        #expect(Self.cells(lines[pane.maxY - 2], 0, 80).hasPrefix("│   https://storage.asm.skype.com/v1/objects/0-weu-d7-e4/content/deletedata"))
        #expect(Self.cells(lines[pane.maxY - 1], 0, 80) == Self.bottom(80, "↑ \(total - rows) more"))
        #expect(state.chunkIndex == 0, "j and G scroll the detail, they do not change the chunk")
        Self.press(&state, .pageUp)
        #expect(Self.cells(Self.lines(state)[pane.y + 1], 0, 16) == "│ index         ")
    }
}
