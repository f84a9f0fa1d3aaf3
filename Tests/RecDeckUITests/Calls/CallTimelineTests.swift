import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

/// The timeline of a call, rendered into a Buffer and compared with the expected text: the call's
/// span, participants joining and leaving, recording active and inactive, each recording and
/// chunk, a missing chunk index, and the stretches no recording covers.
@Suite struct CallTimelineTests {
    static func lines(width: Int, height: Int, call: Call = CallViewFixture.call()) -> [String] {
        var buffer = Buffer(width: width, height: height)
        CallTimelineView.draw(call, offsetSeconds: 0, into: &buffer, rect: buffer.bounds, theme: Theme.builtInDefault)
        var lines = buffer.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == height)
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    @Test func at120x40() {
        #expect(Self.lines(width: 120, height: 40) == [
            "10-01 08:00:00 → 08:10:00 · 10m00s · recorded 8m00s (80%)",
            "                   08:00     08:01     08:02     08:03     08:04     08:05     08:06     08:07     08:08     08:09",
            "                   ┬─────────┬─────────┬─────────┬─────────┬─────────┬─────────┬─────────┬─────────┬─────────┬─────────┬",
            "call               ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
            "Alice              ├────────────────────────────────────────────────────────────────────────────────────────────────────",
            "Bob                ····················├───────────────────────────────────────┤········································",
            "recording on       ·····▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒·········▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒·····",
            "rec rec-1          ·····████████████████████████████████████····························································",
            "  #0 SessionEnded  ·····▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓····························································",
            "rec rec-2          ··················································██████████████████████████████████████████████·····",
            "  #0 ChunkMaximum… ··················································▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓···································",
            "  #1               missing: no event names chunk 1······································································",
            "  #2 ChunkUploadF… ················································································▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓·····",
            "not recorded: 08:00:00 → 08:00:30 (0m30s) · 08:04:00 → 08:05:00 (1m00s) · 08:09:30 → 08:10:00 (0m30s)",
            "━ call  ├─┤ participant  ▒ recording active  █ recording  ▓ chunk  · nothing",
        ])
    }

    @Test func at80x24() {
        #expect(Self.lines(width: 80, height: 24) == [
            "10-01 08:00:00 → 08:10:00 · 10m00s · recorded 8m00s (80%)",
            "               08:00        08:02        08:04       08:06        08:08",
            "               ┬────────────┬────────────┬───────────┬────────────┬────────────┬",
            "call           ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
            "Alice          ├────────────────────────────────────────────────────────────────",
            "Bob            ·············├────────────────────────┤··························",
            "recording on   ···▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒·····▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒···",
            "rec rec-1      ···████████████████████████······································",
            "  #0 SessionE… ···▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓······································",
            "rec rec-2      ································██████████████████████████████···",
            "  #0 ChunkMax… ································▓▓▓▓▓▓▓▓▓▓▓······················",
            "  #1           missing: no event names chunk 1··································",
            "  #2 ChunkUpl… ···················································▓▓▓▓▓▓▓▓▓▓▓···",
            "not recorded: 08:00:00 → 08:00:30 (0m30s) · 08:04:00 → 08:05:00 (1m00s) · 08:09…",
            "━ call  ├─┤ participant  ▒ recording active  █ recording  ▓ chunk  · nothing",
        ])
    }

    /// Rows that do not fit are counted, and the legend stays.
    @Test func shortRectCountsTheRowsLeftOut() {
        let lines = Self.lines(width: 80, height: 8)
        #expect(lines.count == 8)
        #expect(lines[5] == "… 8 more rows")
        #expect(lines[6].hasPrefix("not recorded: 08:00:00 → 08:00:30 (0m30s)"))
        #expect(lines[7].hasPrefix("━ call  ├─┤ participant"))
    }

    /// A call known only from a recording: its span is the recording's, nothing is unrecorded.
    @Test func callWithoutCallEvents() {
        var store = RecordingStore()
        store.apply(decode(EventFixture.recording(id: "r", call: "solo", recording: "rec-solo", start: "2026-10-01T08:00:00Z",
                                                  durationMs: "60000"), file: "a.json"), to: "a.json")
        let lines = Self.lines(width: 80, height: 10, call: CallTable(source: store).calls["solo"]!)
        #expect(lines[0] == "10-01 08:00:00 → 08:01:00 · 1m00s · recorded 1m00s (100%)")
        #expect(lines[3].hasPrefix("call           ━━━━━"))
        #expect(lines[4].hasPrefix("rec rec-solo   █████"))
        #expect(!lines.contains { $0.hasPrefix("not recorded") })
    }
}
