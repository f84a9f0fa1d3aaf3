import Foundation
import RecDeckTestSupport
import Testing

/// Event text is untrusted: escape sequences, C0/C1 controls, OSC 52 clipboard writes, OSC 0/2
/// title changes, bidi overrides and zero-width characters in any field, in the JSON text, and in
/// file and directory names must show as visible escapes and never act on the terminal.
@Suite(.tags(.terminal)) struct TerminalInjectionTests {
    /// JSON-escaped attack text: a title change, a clipboard write, a screen clear, a CSI in C1
    /// form, a bidi override and a zero-width space.
    static let attack = #"\u001b]0;pwned\u0007\u001b]2;pwned2\u0007\u001b]52;c;aGFja2Vk\u0007\u001b[2J\u009b31m\u202egnp.exe\u200b"#
    /// The same, as raw characters, for file and directory names.
    static let rawAttack = "\u{1B}]0;pwned\u{07}\u{1B}]52;c;aGFja2Vk\u{07}\u{9B}31m\u{202E}"

    func hostileDirectory() -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        let a = Self.attack
        let chunk = """
        {"documentId": "doc\(a)", "index": 0, "endReason": "Reason\(a)",
         "contentLocation": "https://x/\(a)/video", "metadataLocation": "https://x/\(a)/meta", "deleteLocation": "https://x/\(a)"}
        """
        let event = EventFixture.recording(id: "id\(a)", call: "call\(a)", recording: "rec\(a)", serverCallId: "srv\(a)",
                                           endReason: "End\(a)", chunks: [chunk])
            .replacingOccurrences(of: "\"AudioVideo\"", with: "\"Type\(a)\"")
            .replacingOccurrences(of: "\"Mp4\"", with: "\"Fmt\(a)\"")
        directory.write("dir\(Self.rawAttack)/file\(Self.rawAttack).json", "[\(event)]")
        directory.write("other\(Self.rawAttack).json", EventFixture.other(id: "o\(a)", type: "Type.\(a)"))
        // A raw ESC inside a string is not valid JSON: the file is a problem, shown by its name and raw text.
        directory.write("broken\(Self.rawAttack).json", "[{\"id\": \"\u{1B}]0;pwned\u{07}\"")
        return directory
    }

    func expectUntouched(_ session: TmuxSession, _ context: String) {
        #expect(!session.windowTitle().contains("pwned"), "\(context): title changed to \(session.windowTitle())")
        #expect(session.clipboard() == nil, "\(context): clipboard written")
        let screen = session.capture()
        #expect(screen.contains("recdeck"), "\(context): the screen was cleared:\n\(screen)")
        #expect(!screen.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x200B }, "\(context): invisible characters reached the screen")
    }

    @Test func everyPaneShowsHostileTextEscaped() throws {
        let directory = hostileDirectory()
        let session = try TmuxSession(recdeck: [directory.path + "/", "--utc"], width: 200, height: 50)
        try session.waitFor("1 recording ·")
        try session.waitFor(#"\u001b]0;pwned\u0007"#)
        expectUntouched(session, "recordings")
        // The event pane: the JSON text, re-escaped.
        try session.waitFor(#""subject": "/recording/call/call\u001b]0;pwned"#)
        // The chunks pane and a chunk's every field.
        session.sendKeys("Enter", "Enter")
        try session.waitFor(#"https://x/\u001b]0;pwned"#)
        expectUntouched(session, "chunk detail")
        // Problems: the file name and its reason.
        session.sendKeys("Escape", "Escape", "p")
        let problems = try session.waitFor(#"broken\u001b]0;pwned\u0007"#, timeout: 15)
        #expect(problems.contains(#"\u009b31m\u202e"#))
        expectUntouched(session, "problems")
        // All events: other types, ids and files.
        session.sendKeys("Escape", "e")
        try session.waitFor(#"other\u001b]0;pwned"#)
        expectUntouched(session, "all events")
        // The copy menu lists what it would copy; nothing is copied until a choice is made.
        session.sendKeys("Escape", "y")
        try session.waitFor("recording id")
        session.sendKeys("Escape", "q")
        #expect(session.exitStatus() == 0)
        #expect(!session.windowTitle().contains("pwned"))
        #expect(session.clipboard() == nil)
    }

    @Test func listAndCheckEscapeFileNamesToo() {
        let directory = hostileDirectory()
        for arguments in [["list", directory.path], ["check", directory.path], ["list", directory.path, "--format", "tsv"]] {
            let result = CommandRunner.run([CommandRunner.binary] + arguments, environment: [:], deadline: 30)
            for output in [result.stdout, result.stderr] {
                #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E },
                        "\(arguments): \(output.debugDescription)")
            }
        }
    }
}
