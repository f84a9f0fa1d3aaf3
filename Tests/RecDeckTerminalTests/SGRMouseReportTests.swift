import RecDeckTerminal
import RecDeckUI
import Testing

/// SGR mouse reports (`ESC [ < b ; x ; y M`) become mouse inputs, past column 223 too; anything
/// that is not one stays keys.
@Suite struct SGRMouseReportTests {
    func items(_ text: String) -> [BracketedPaste.Item] {
        text.unicodeScalars.map { .character($0.value) }
    }

    @Test func pressWheelAndReleaseFarRight() {
        var input = BracketedPaste()
        let events = input.feed(items("j\u{1B}[<0;251;5M\u{1B}[<0;251;5m\u{1B}[<64;300;2M\u{1B}[<65;1;1Mk")) + input.endOfRead()
        #expect(events == [.key(.character("j")), .mouse(MouseEvent(action: .press, column: 250, row: 4)),
                           .mouse(MouseEvent(action: .wheelUp, column: 299, row: 1)),
                           .mouse(MouseEvent(action: .wheelDown, column: 0, row: 0)), .key(.character("k"))])
    }

    @Test func modifiersStillPressOtherButtonsAndMovesAreDropped() {
        var input = BracketedPaste()
        // Ctrl-click (16) presses; the right button (2), a drag (32) and button 8 (128) are dropped.
        let events = input.feed(items("\u{1B}[<16;3;4M\u{1B}[<2;3;4M\u{1B}[<32;3;4M\u{1B}[<128;3;4M")) + input.endOfRead()
        #expect(events == [.mouse(MouseEvent(action: .press, column: 2, row: 3))])
    }

    @Test func aReportMaySpanReads() {
        var input = BracketedPaste()
        #expect(input.feed(items("\u{1B}[<0;25")) + input.endOfRead() == [])
        #expect(input.feed(items("1;5M")) + input.endOfRead() == [.mouse(MouseEvent(action: .press, column: 250, row: 4))])
    }

    @Test func whatIsNotAReportStaysKeys() {
        #expect(SGRMouseReport.match([0x1B]) == .prefix)
        #expect(SGRMouseReport.match(Array("\u{1B}[<0;1;".unicodeScalars.map(\.value))) == .prefix)
        #expect(SGRMouseReport.match(Array("\u{1B}[<0;1M".unicodeScalars.map(\.value))) == .mismatch, "two numbers")
        #expect(SGRMouseReport.match(Array("\u{1B}[<;1;1M".unicodeScalars.map(\.value))) == .mismatch, "an empty number")
        #expect(SGRMouseReport.match(Array("\u{1B}[<123456".unicodeScalars.map(\.value))) == .mismatch, "six digits")
        var input = BracketedPaste()
        #expect(input.feed(items("\u{1B}[<x")) + input.endOfRead()
            == [.key(.escape), .key(.character("[")), .key(.character("<")), .key(.character("x"))])
        // Garbage that starts like a report is keys once it cannot be one.
        let long = "\u{1B}[<" + String(repeating: "1;", count: 20)
        #expect((input.feed(items(long)) + input.endOfRead()).count == long.unicodeScalars.count)
    }
}
