import Foundation
import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

/// `y` never puts a control character on the clipboard: pasted into a shell, `ESC [201~` ends
/// bracketed paste and a newline runs what follows.
@Suite struct CopySafetyTests {
    @Test func everyCopyTargetLosesItsControlCharactersAndSaysSo() throws {
        let directory = TemporaryDirectory()
        let hostile = #"x\u001b[201~\nrm -rf ~\n"#
        directory.write("evil.json", EventFixture.recording(
            id: "e", call: "call\(hostile)", recording: "rec\(hostile)", serverCallId: "srv\(hostile)",
            chunks: [EventFixture.chunk(index: 0, document: "doc\(hostile)")]))
        let harness = try ProgramHarness(directory)
        try harness.waitFor("1 recording")
        try harness.waitFor("\"id\": \"e\"")
        let expected: [(Character, String, String)] = [
            ("i", "recording id", "recx[201~rm -rf ~"),
            ("c", "call id", "callx[201~rm -rf ~"),
            ("s", "server call id", "srvx[201~rm -rf ~"),
            ("u", "content URL of chunk 0", "https://storage.asm.skype.com/v1/objects/docx[201~rm -rf ~/content/video"),
            ("m", "metadata URL of chunk 0", "https://storage.asm.skype.com/v1/objects/docx[201~rm -rf ~/content/acsmetadata"),
            ("d", "delete URL of chunk 0", "https://storage.asm.skype.com/v1/objects/docx[201~rm -rf ~/content/deletedata"),
            ("o", "document id of chunk 0", "docx[201~rm -rf ~"),
        ]
        for (key, label, value) in expected {
            try harness.press(.character("y"), thenWaitFor: "i  recording id")
            try harness.press(.character(key), thenWaitFor: "copied the \(label) without its 3 control characters")
            #expect(harness.backend.clipboard.last == value, "\(label)")
        }
        #expect(!harness.backend.clipboard.contains { $0.unicodeScalars.contains(where: SafeText.isUnsafe) })
    }
}
