import Testing
import RecDeckCore
@testable import RecDeckUI

/// The chooser offers every sort field under a letter of its own; a title carries the arrow of
/// the sort, in the column's width.
@Suite struct SortChooserTests {
    @Test func everyFieldHasOneLetterAndEveryLetterOneField() {
        #expect(SortChooser.choices.map(\.field) == SortField.allCases)
        #expect(Set(SortChooser.choices.map(\.key)).count == SortChooser.choices.count)
    }

    @Test func titlesCarryTheArrowInTheirWidth() {
        let start = RecordingSort(field: .start), age = RecordingSort(field: .age)
        #expect(RecordingsView.title(of: .start, width: 14, sort: start) == "START ↓")
        #expect(RecordingsView.title(of: .age, width: 4, sort: age) == "AGE↑")
        #expect(RecordingsView.title(of: .chunks, width: 6, sort: RecordingSort(field: .chunks)) == "CHUNK↓")
        #expect(RecordingsView.title(of: .end, width: 14, sort: RecordingSort(field: .end, ascending: true)) == "END TIME ↑")
        #expect(RecordingsView.title(of: .reason, width: 13, sort: start) == "END", "the end reason is no end time")
        #expect(RecordingsView.title(of: .media, width: 7, sort: start) == "MEDIA")
        #expect(RecordingColumn.end.sortField == .end && RecordingColumn.reason.sortField == .reason && RecordingColumn.media.sortField == nil)
    }
}

/// The help overlay lists the chooser's letters, generated from the chooser.
@Suite struct SortChooserHelpTests {
    @Test func helpListsEveryLetter() throws {
        let state = DashboardFixture.state()
        let rows = OverlayView.helpRows(state).map(\.0)
        let start = try #require(rows.firstIndex(of: "Sort chooser (s): a letter sorts, again reverses"))
        let lines = rows.dropFirst(start + 1).prefix { !$0.isEmpty }
        #expect(lines.count == 4)
        #expect(lines.joined(separator: " · ") == SortChooser.choices.map { "\($0.key) \(SortChooser.label($0.field))" }.joined(separator: " · "))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 }, "the help's width, inside its border")
    }
}
