import Foundation
import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

/// Sorting by a column directly: `s` opens the chooser, a letter sorts, the same letter reverses,
/// the sorted column's title carries the arrow, a click on a title sorts by it; the END TIME column.
@Suite(.tags(.inProcess)) struct SortChooserProgramTests {
    static let columns: [RecordingColumn] = [.start, .end, .duration, .chunks, .call]
    static let multi = "10-01 07:55:55 10-01 08:58:00 1h02m05s  2      1027c4aa               │"
    static let single = "10-01 07:50:00 10-01 07:50:06 0m06s     1      99ab01ff               │"

    /// The chooser's window: the 50 cells from column 35 of rows 11 to 27.
    static func box(_ harness: ProgramHarness) -> [String] {
        (11...27).map { String(harness.line($0).dropFirst(35).prefix(50)) }
    }

    @Test func theChooserSortsByALetterAndTheSameLetterReverses() throws {
        let harness = try ProgramHarness(TemporaryDirectory.twoRecordings(), columns: Self.columns)
        try harness.waitFor("2 recordings")
        #expect(harness.line(2) == "│  START ↓        END TIME       DURATION  CHUNKS CALL                   ││ #    END REASON     DOCUMENT               │")
        #expect(harness.line(3) == "│▶ " + Self.multi + "│ 0    ChunkMaximumT… 0-weu-d7-e4            │")
        #expect(harness.line(4) == "│  " + Self.single + "│ 1    SessionEnded   0-weu-d20-b            │")

        try harness.press(.character("s"), thenWaitFor: "┌ Sort by")
        #expect(Self.box(harness) == [
            "┌ Sort by ───────────────────────────────────────┐",
            "│ s  start time                    ↓             │",
            "│ e  end time (start + duration)                 │",
            "│ d  duration                                    │",
            "│ a  age (since the newest event)                │",
            "│ k  chunks                                      │",
            "│ v  events                                      │",
            "│ c  call id                                     │",
            "│ r  recording id                                │",
            "│ o  end reason                                  │",
            "│ f  format                                      │",
            "│ t  content type                                │",
            "│ h  channel type                                │",
            "│ n  faults                                      │",
            "│                                                │",
            "│ the same letter again reverses · Esc cancels   │",
            "└────────────────────────────────────────────────┘",
        ])

        // End time, newest first (its default), then the same letter: oldest first.
        try harness.press(.character("e"), thenWaitFor: "sorted by end:desc")
        #expect(!harness.screen.contains("Sort by"), "a letter closes the chooser")
        #expect(harness.line(1).hasPrefix("┌ Recordings sort: end ↓ ──"))
        #expect(harness.line(2) == "│  START          END TIME ↓     DURATION  CHUNKS CALL                   ││ #    END REASON     DOCUMENT               │")
        #expect(harness.line(3) == "│▶ " + Self.multi + "│ 0    ChunkMaximumT… 0-weu-d7-e4            │")
        try harness.press(.character("s"), thenWaitFor: "│ e  end time (start + duration)   ↓")
        try harness.press(.character("e"), thenWaitFor: "sorted by end:asc")
        #expect(harness.line(2) == "│  START          END TIME ↑     DURATION  CHUNKS CALL                   ││ #    END REASON     DOCUMENT               │")
        #expect(harness.line(3) == "│  " + Self.single + "│ 0    ChunkMaximumT… 0-weu-d7-e4            │")
        #expect(harness.line(4) == "│▶ " + Self.multi + "│ 1    SessionEnded   0-weu-d20-b            │", "the selection stays on its recording")

        // A narrow column's title gives a letter up for the arrow; Esc closes without sorting.
        try harness.press(.character("s"), .character("d"), thenWaitFor: "sorted by duration:desc")
        #expect(harness.line(2).hasPrefix("│  START          END TIME       DURATION↓ CHUNKS CALL  "))
        try harness.press(.character("s"), thenWaitFor: "┌ Sort by")
        try harness.press(.escape, thenWaitFor: "│  START          END TIME       DURATION↓ CHUNKS CALL  ")
        #expect(!harness.screen.contains("Sort by"))
        #expect(harness.program.state.sort == RecordingSort(field: .duration, ascending: false))
    }

    @Test func aClickOnAColumnTitleSortsByItAndAgainReverses() throws {
        let harness = try ProgramHarness(TemporaryDirectory.twoRecordings(), columns: Self.columns)
        try harness.waitFor("2 recordings")
        // CALL's title is at column 50 of row 2.
        harness.backend.send([.mouse(MouseEvent(action: .press, column: 52, row: 2))])
        try harness.waitFor("sorted by call:asc")
        #expect(harness.line(2) == "│  START          END TIME       DURATION  CHUNKS CALL ↑                 ││ #    END REASON     DOCUMENT               │")
        #expect(harness.line(3) == "│▶ " + Self.multi + "│ 0    ChunkMaximumT… 0-weu-d7-e4            │")
        harness.backend.send([.mouse(MouseEvent(action: .press, column: 50, row: 2))])
        try harness.waitFor("sorted by call:desc")
        #expect(harness.line(2) == "│  START          END TIME       DURATION  CHUNKS CALL ↓                 ││ #    END REASON     DOCUMENT               │")
        #expect(harness.line(3) == "│  " + Self.single + "│ 0    ChunkMaximumT… 0-weu-d7-e4            │")
        #expect(harness.line(4) == "│▶ " + Self.multi + "│ 1    SessionEnded   0-weu-d20-b            │")
        // The space between two titles sorts nothing.
        harness.backend.send([.mouse(MouseEvent(action: .press, column: 17, row: 2))])
        harness.backend.send([.mouse(MouseEvent(action: .press, column: 3, row: 2))])
        try harness.waitFor("sorted by start:desc")
        #expect(harness.line(2) == "│  START ↓        END TIME       DURATION  CHUNKS CALL                   ││ #    END REASON     DOCUMENT               │")
    }
}
