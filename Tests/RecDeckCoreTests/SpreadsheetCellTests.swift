import Testing
import RecDeckCore

/// CSV and TSV cells that a spreadsheet would run as formulas are written as text.
@Suite struct SpreadsheetCellTests {
    @Test func formulaCellsGetALeadingQuote() {
        #expect(RecordingFormats.csvLine(["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "ok", "a=b"])
            == "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM(A1),ok,a=b")
        #expect(RecordingFormats.tsvLine(["=1+1", "x"]) == "'=1+1\tx")
    }
}
