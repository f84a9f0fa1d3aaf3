import RecDeckUI
import Testing
import RecDeckTerminal

@Suite struct KeyDecoderTests {
    @Test func characters() {
        #expect(KeyDecoder.key(character: 3) == .control("c"))
        #expect(KeyDecoder.key(character: 1) == .control("a"))
        #expect(KeyDecoder.key(character: 4) == .control("d"))
        #expect(KeyDecoder.key(character: 12) == .control("l"))
        #expect(KeyDecoder.key(character: 21) == .control("u"))
        #expect(KeyDecoder.key(character: 26) == .control("z"))
        #expect(KeyDecoder.key(character: 9) == .tab)
        #expect(KeyDecoder.key(character: 10) == .enter)
        #expect(KeyDecoder.key(character: 13) == .enter)
        #expect(KeyDecoder.key(character: 27) == .escape)
        #expect(KeyDecoder.key(character: 127) == .backspace)
        #expect(KeyDecoder.key(character: 8) == .backspace)
        #expect(KeyDecoder.key(character: 0x71) == .character("q"))
        #expect(KeyDecoder.key(character: 0x20) == .character(" "))
        #expect(KeyDecoder.key(character: 0x2F) == .character("/"))
        #expect(KeyDecoder.key(character: 0xE9) == .character("é"))
        #expect(KeyDecoder.key(character: 0x6F22) == .character("漢"))
        #expect(KeyDecoder.key(character: 0x1F389) == .character("🎉"))
    }

    @Test func controlsThatAreNotKeys() {
        for code: UInt32 in [0, 28, 29, 30, 31, 0x80, 0x9B, 0x9F, 0xD800, 0x110000] {
            #expect(KeyDecoder.key(character: code) == nil, "\(code)")
        }
    }

    @Test func functionKeys() {
        // Values from <ncurses.h>.
        #expect(KeyDecoder.key(keyCode: 0o402) == .down)
        #expect(KeyDecoder.key(keyCode: 0o403) == .up)
        #expect(KeyDecoder.key(keyCode: 0o404) == .left)
        #expect(KeyDecoder.key(keyCode: 0o405) == .right)
        #expect(KeyDecoder.key(keyCode: 0o406) == .home)
        #expect(KeyDecoder.key(keyCode: 0o550) == .end)
        #expect(KeyDecoder.key(keyCode: 0o523) == .pageUp)
        #expect(KeyDecoder.key(keyCode: 0o522) == .pageDown)
        #expect(KeyDecoder.key(keyCode: 0o527) == .enter)
        #expect(KeyDecoder.key(keyCode: 0o407) == .backspace)
        #expect(KeyDecoder.key(keyCode: 0o512) == .delete)
        #expect(KeyDecoder.key(keyCode: 0o541) == .backTab)
        #expect(KeyDecoder.key(keyCode: 0o411) == .function(1))
        #expect(KeyDecoder.key(keyCode: 0o410 + 12) == .function(12))
        #expect(KeyDecoder.key(keyCode: 0o632) == nil) // KEY_RESIZE
        #expect(KeyDecoder.key(keyCode: 0o631) == nil) // KEY_MOUSE
        #expect(KeyDecoder.key(keyCode: 0o777) == nil)
    }

    @Test func mouseButtons() {
        // NCURSES_MOUSE_VERSION 2: button b's PRESSED bit is 2 << ((b - 1) * 5).
        #expect(KeyDecoder.mouseAction(buttonState: 0x2) == .press)
        #expect(KeyDecoder.mouseAction(buttonState: 0x4) == .press) // clicked
        #expect(KeyDecoder.mouseAction(buttonState: 0x2 << 15) == .wheelUp)
        #expect(KeyDecoder.mouseAction(buttonState: 0x2 << 20) == .wheelDown)
        #expect(KeyDecoder.mouseAction(buttonState: 0x1) == nil) // released
        #expect(KeyDecoder.mouseAction(buttonState: 0) == nil)
    }
}
