import Testing
@testable import RecDeckCore

/// The dashboard's export names what it wrote by an absolute path, however the path was typed.
@Suite struct RecordingExportTests {
    @Test(arguments: [
        ("out.csv", "/home/ops/out.csv"),
        ("exports/../out.json", "/home/ops/out.json"),
        ("./a/./b.csv", "/home/ops/a/b.csv"),
        ("/tmp/x/../y.csv", "/tmp/y.csv"),
    ])
    func relativePathsAreTakenFromTheCurrentFolder(typed: String, shown: String) {
        #expect(RecordingExport.absolute(typed, from: "/home/ops") == shown)
    }

    @Test func theResultSaysRowsWithTheirCount() {
        #expect(ExportResult.written(count: 1, path: "/a.csv").description == "exported 1 row to /a.csv")
        #expect(ExportResult.written(count: 12_345, path: "/a.csv").description == "exported 12,345 rows to /a.csv")
    }
}
