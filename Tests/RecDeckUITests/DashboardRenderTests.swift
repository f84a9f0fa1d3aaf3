import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

@Suite struct DashboardRenderTests {
    @Test func fullLayoutAt120x40() {
        var state = DashboardFixture.state()
        #expect(state.selectedId == "rec-failed")
        _ = update(&state, .eventLoaded(subject: .recording("rec-failed"), sections: [.init(title: "e2", text: #"{"id": "e2", "n": 1}"#)]))
        let lines = render(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 40)
        #expect(lines[0].hasPrefix(" recdeck  ~/events  ● live  3 recordings · 3 calls · 1h04m · ⚠ 1 failed chunk · 1 problem · last event 2m ago"))
        #expect(lines[0].hasSuffix("09:00:00Z"))
        #expect(lines[1] == "┌ Recordings sort: start ↓ ──────────────────────────────────────────────┐┌ Chunks of rec-failed (1) expires in 23h ───┐")
        #expect(lines[2] == "│  START ↓        AGE  DURATION  CHUNKS FORMAT  END           CALL       ││ #    END REASON     DOCUMENT               │")
        #expect(lines[3] == "│▶⚠10-01 07:58:40 3m   0m06s     1 ⚠    Mp4 A/V CallEnded     99ab01ff   ││ 0    ⚠ ChunkUpload… 0-weu-d3-ff            │")
        #expect(lines[4] == "│  10-01 07:55:55 2m   1h02m05s  2      Mp4 A/V CallEnded     1027c4aa   ││                                            │")
        // Expired media is no fault: no ⚠, no anomaly colour.
        #expect(lines[5] == "│  09-28 09:00:00 2d   2m00s     1      Mp4 A/V CallEnded     55cc0a1b   ││                                            │")
        #expect(lines[21].hasPrefix("┌ Event  2026/10/01/a.json (1 of 1 delivery) ─"))
        #expect(lines[22].hasPrefix("│{"))
        #expect(lines[23].hasPrefix("│  \"id\": \"e2\","))
        #expect(lines[24].hasPrefix("│  \"n\": 1"))
        #expect(lines[39] == " ? help  / filter  s sort  f follow  Tab pane  ⏎ open  y copy  T theme  p problems  q quit")
    }

    /// A real call id is 36 characters: CALL outranks AGE, FORMAT and END (and RECORDING), which
    /// make room for it at 120 columns; at 80 FORMAT, the highest ranked of them, fits again
    /// beside it; ids that fit leave every column in place.
    @Test func aWholeCallIdShowsAt120And80Columns() {
        let call = "a4aa07b4-9e63-47d4-b962-45d348bfcbcf"
        var store = RecordingStore()
        let event = EventFixture.recording(id: "e1", call: call, recording: "rec-1", eventTime: "2026-10-01T08:58:00Z",
                                           start: "2026-10-01T07:55:55Z", durationMs: "3725000")
        store.apply(decode("[\(event)]", file: "a.json"), to: "a.json")
        let wide = render(DashboardFixture.state(width: 120, height: 40, store: store)).text.split(separator: "\n").map(String.init)
        #expect(wide[2] == "│  START ↓        DURATION  CHUNKS CALL                                  ││ #    END REASON     DOCUMENT               │")
        #expect(wide[3] == "│▶ 10-01 07:55:55 1h02m05s  1      \(call)  ││ 0    SessionEnded   0-weu-d7-doc           │")
        let narrow = render(DashboardFixture.state(width: 80, height: 24, store: store)).text.split(separator: "\n").map(String.init)
        #expect(narrow[2] == "│  START ↓        DURATION  CHUNKS FORMAT  CALL                                │", "FORMAT fits again beside the whole id")
        #expect(narrow[3].contains(call))
        // The fixture's 8-character ids fit beside every column.
        let fixture = render(DashboardFixture.state()).text.split(separator: "\n").map(String.init)
        #expect(fixture[2].contains("AGE  DURATION  CHUNKS FORMAT  END           CALL"))
    }

    @Test func stackedLayoutAt80x24() {
        let state = DashboardFixture.state(width: 80, height: 24)
        let text = render(state).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 24)
        #expect(lines[1].hasPrefix("┌ Recordings sort: start ↓ ─"))
        #expect(lines[2] == "│  START ↓        AGE  DURATION  CHUNKS FORMAT  END           CALL             │")
        #expect(lines[3] == "│▶⚠10-01 07:58:40 3m   0m06s     1 ⚠    Mp4 A/V CallEnded     99ab01ff         │")
        #expect(lines[12].hasPrefix("┌ Chunks of rec-failed (1) expires in 23h ─"))
        #expect(lines[14] == "│ 0    ⚠ ChunkUploadFailure     0-weu-d3-ff                                    │")
        #expect(!text.contains("┌ Event"))
    }

    @Test func singlePaneAt40x12() {
        var state = DashboardFixture.state(width: 40, height: 12)
        let lines = render(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 12)
        #expect(lines[1] == "┌ Recordings sort: start ↓ ────────────┐")
        #expect(lines[2] == "│  START ↓        DURATION  CALL       │")
        #expect(lines[3] == "│▶⚠10-01 07:58:40 0m06s     99ab01ff   │")
        #expect(lines[4] == "│  10-01 07:55:55 1h02m05s  1027c4aa   │")
        #expect(lines[11] == " ? help  / filter  s sort  f follow")
        _ = perform(&state, .focusChunks)
        let chunks = render(state).text
        #expect(chunks.contains("┌ Chunks of rec-failed"))
        #expect(!chunks.contains("┌ Recordings"))
    }

    @Test func tooSmall() {
        let state = DashboardFixture.state(width: 20, height: 5)
        #expect(render(state).text.hasPrefix("too small (30x8)"))
        #expect(render(DashboardFixture.state(width: 60, height: 6)).text.hasPrefix("terminal too small (needs 30x8)"))
    }

    @Test func helpIsGeneratedFromTheKeymap() {
        var state = DashboardFixture.state()
        _ = update(&state, .input(.key(.character("?"))))
        let text = render(state).text
        for binding in Keymap.standard.bindings.prefix(20) {
            #expect(text.contains(binding.summary), "\(binding.summary)")
        }
    }

    @Test func problemsOverlay() {
        var state = DashboardFixture.state()
        _ = update(&state, .input(.key(.character("p"))))
        #expect(render(state).text.contains("broken.json:1:3: expected a string key in object, found end of input"))
    }

    @Test func controlCharactersNeverReachACell() {
        var state = DashboardFixture.state()
        var store = RecordingStore()
        store.apply(decode(EventFixture.recording(id: "x", call: #"evil\u001b]0;title\u0007"#, recording: #"r\u009b2J"#)), to: "x.json")
        var delta = StoreDelta()
        for (id, recording) in store.recordings { delta.added[id] = recording }
        _ = update(&state, .storeChanged(delta, summary: store.summary, problems: [], otherEvents: [], initialLoad: false))
        _ = update(&state, .eventLoaded(subject: .recording(state.selectedId ?? ""), sections: [.init(title: "x", text: "{\"a\": \"\u{1B}[2J\"}")]))
        let buffer = render(state)
        for cell in buffer.cells {
            #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
        #expect(buffer.text.contains(#"evil\u001b"#))
    }

    @Test func wideCharactersTakeTwoCells() {
        var buffer = Buffer(width: 9, height: 1)
        let used = buffer.write("録音データ", column: 0, row: 0)
        #expect(used == 9)
        #expect(buffer.lines[0] == "録音デー…")
        var exact = Buffer(width: 10, height: 1)
        #expect(exact.write("録音データ", column: 0, row: 0) == 10)
        #expect(exact.lines[0] == "録音データ")
    }

    @Test func noColorKeepsTheSelectionVisible() {
        var state = DashboardFixture.state()
        state.themes = [Theme.builtInDefault.withoutColor]
        let buffer = render(state)
        let selected = buffer[3, 3]
        #expect(selected.style.attributes.contains(.reverse))
        #expect(selected.style.foreground == .default && selected.style.background == .default)
    }
}
