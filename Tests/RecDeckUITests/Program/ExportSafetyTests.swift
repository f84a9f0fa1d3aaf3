import Foundation
import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

/// `w` never writes through a planted link, never replaces a device or FIFO, and asks before
/// replacing a file.
@Suite struct ExportSafetyTests {
    /// The program on two recordings, loaded, and an empty folder to export into.
    func loaded() throws -> (harness: ProgramHarness, output: TemporaryDirectory) {
        let harness = try ProgramHarness(TemporaryDirectory.twoRecordings())
        try harness.waitFor("2 recordings")
        return (harness, TemporaryDirectory())
    }

    func export(_ harness: ProgramHarness, to path: String, thenWaitFor text: String) throws {
        try harness.press(.character("w"), thenWaitFor: "Export 2 rows")
        harness.backend.press(.control("u"))
        harness.backend.type(path)
        try harness.press(.enter, thenWaitFor: text)
    }

    @Test func anExistingFileIsReplacedOnlyWhenConfirmed() throws {
        let (harness, output) = try loaded()
        let path = output.write("out.csv", "keep me\n")
        try export(harness, to: path, thenWaitFor: "\(path) exists: Enter replaces it, Esc keeps it")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me\n")
        harness.backend.press(.escape)
        try harness.waitUntil { !$0.contains("Export 2 rows") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me\n")
        // Asked again (the first message may still show): wait for the prompt to come back with it.
        try harness.press(.character("w"), thenWaitFor: "Export 2 rows")
        harness.backend.press(.control("u"))
        harness.backend.type(path)
        harness.backend.press(.enter)
        try harness.waitUntil("the question again") { $0.contains("exists: Enter replaces it") && $0.contains("Export 2 rows") }
        try harness.press(.enter, thenWaitFor: "exported 2 rows to \(path)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("recordingId,"))
    }

    @Test func nonRegularTargetsAndPlantedLinksAreRefused() throws {
        let (harness, output) = try loaded()
        mkfifo(output.path + "/fifo.csv", 0o644)
        try export(harness, to: output.path + "/fifo.csv", thenWaitFor: "cannot write \(output.path)/fifo.csv: a FIFO (named pipe), not a regular file: not replaced")
        let victim = output.write("victim.txt", "precious\n")
        symlink(victim, output.path + "/link.csv")
        try export(harness, to: output.path + "/link.csv", thenWaitFor: "cannot write \(output.path)/link.csv: a symbolic link, not a regular file: not replaced")
        // The old temporary name, planted as a link to the victim, is never opened.
        for pid in [getpid()] { symlink(victim, output.path + "/.new.csv.\(pid).tmp") }
        try export(harness, to: output.path + "/new.csv", thenWaitFor: "exported 2 rows to \(output.path)/new.csv")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(left == [".new.csv.\(getpid()).tmp", "fifo.csv", "link.csv", "new.csv", "victim.txt"])
    }

    /// What was written is named by its absolute path, whatever was typed.
    @Test func theWrittenPathIsShownAbsolute() throws {
        let (harness, output) = try loaded()
        mkdir(output.path + "/sub", 0o755)
        try export(harness, to: output.path + "/./sub/../out.csv", thenWaitFor: "exported 2 rows to \(output.path)/out.csv")
        #expect(FileManager.default.fileExists(atPath: output.path + "/out.csv"))
    }
}
