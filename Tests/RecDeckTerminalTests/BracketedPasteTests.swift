import RecDeckTerminal
import RecDeckUI
import Testing

@Suite struct BracketedPasteTests {
    func items(_ text: String) -> [BracketedPaste.Item] {
        text.unicodeScalars.map { .character($0.value) }
    }

    @Test func aPasteIsOneInput() {
        var paste = BracketedPaste()
        let events = paste.feed(items("/\u{1B}[200~call:99ab\u{1B}[201~x")) + paste.endOfRead()
        #expect(events == [.key(.character("/")), .paste("call:99ab"), .key(.character("x"))])
    }

    @Test func aPasteMaySpanReads() {
        var paste = BracketedPaste()
        var events = paste.feed(items("\u{1B}[20")) + paste.feed(items("0~abc"))
        #expect(events.isEmpty)
        events += paste.endOfRead()
        #expect(events.isEmpty, "inside a paste nothing is a key")
        events += paste.feed(items("dé\r\u{1B}[201~")) + paste.endOfRead()
        #expect(events == [.paste("abcdé\r")])
    }

    @Test func escapeAndOtherSequencesStayKeys() {
        var paste = BracketedPaste()
        #expect(paste.feed(items("\u{1B}")) + paste.endOfRead() == [.key(.escape)])
        #expect(paste.feed(items("\u{1B}[2x")) + paste.endOfRead()
            == [.key(.escape), .key(.character("[")), .key(.character("2")), .key(.character("x"))])
        #expect(paste.feed([.keyCode(0o402)]) == [.key(.down)])
        #expect(paste.feed(items("\u{1B}OM")) + paste.endOfRead() == [.key(.escape), .key(.character("O")), .key(.character("M"))])
    }

    @Test func escapeReadWithACharacterIsThatCharacterWithAlt() {
        var paste = BracketedPaste()
        #expect(paste.feed(items("\u{1B}b\u{1B}F")) + paste.endOfRead() == [.key(.alt("b")), .key(.alt("F"))])
        #expect(paste.feed(items("\u{1B}\u{1B}q")) + paste.endOfRead() == [.key(.escape), .key(.alt("q"))])
        #expect(paste.feed(items("\u{1B}")) + paste.endOfRead() + paste.feed(items("b")) + paste.endOfRead()
            == [.key(.escape), .key(.character("b"))], "read apart, they are two keys")
    }
}
