import Testing
import RecDeckTerminal

@Suite struct StartupRefusalTests {
    @Test func order() {
        #expect(Terminal.refusal(stdinIsTTY: false, stdoutIsTTY: false, term: nil) == .standardInputNotTerminal)
        #expect(Terminal.refusal(stdinIsTTY: true, stdoutIsTTY: false, term: "dumb") == .standardOutputNotTerminal)
        #expect(Terminal.refusal(stdinIsTTY: true, stdoutIsTTY: true, term: nil) == .termNotSet)
        #expect(Terminal.refusal(stdinIsTTY: true, stdoutIsTTY: true, term: "") == .termNotSet)
        #expect(Terminal.refusal(stdinIsTTY: true, stdoutIsTTY: true, term: "dumb") == .dumbTerminal)
        #expect(Terminal.refusal(stdinIsTTY: true, stdoutIsTTY: true, term: "xterm-256color") == nil)
    }

    @Test func terminfoOutcomes() {
        #expect(Terminal.refusal(term: "foo", terminfoLoaded: false, setuptermError: 0, hasCursorAddress: false) == .unknownTerminal("foo"))
        #expect(Terminal.refusal(term: "foo", terminfoLoaded: false, setuptermError: -1, hasCursorAddress: false) == .noTerminfoDatabase("foo"))
        #expect(Terminal.refusal(term: "lpr", terminfoLoaded: false, setuptermError: 1, hasCursorAddress: false) == .cannotAddressCursor("lpr"))
        #expect(Terminal.refusal(term: "glass", terminfoLoaded: true, setuptermError: 1, hasCursorAddress: false) == .cannotAddressCursor("glass"))
        #expect(Terminal.refusal(term: "xterm", terminfoLoaded: true, setuptermError: 1, hasCursorAddress: true) == nil)
    }

    @Test func standardOutputMessage() {
        #expect(TerminalError.standardOutputNotTerminal.description
            == "recdeck: standard output is not a terminal; for a non-interactive listing use: recdeck list DIR")
    }

    @Test(arguments: [
        TerminalError.standardInputNotTerminal, .standardOutputNotTerminal, .termNotSet, .dumbTerminal,
        .unknownTerminal("foo"), .noTerminfoDatabase("foo"), .cannotAddressCursor("foo"), .startFailed("foo"),
    ])
    func everyMessageIsOneSafeLine(error: TerminalError) {
        let message = error.description
        #expect(message.hasPrefix("recdeck: "))
        #expect(message.contains("recdeck list DIR"))
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test func hostileTermIsShownSafely() {
        let message = TerminalError.unknownTerminal("x\u{1B}]2;pwned\u{07}\n").description
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 })
        #expect(message.contains("x?]2;pwned??"))
    }
}
