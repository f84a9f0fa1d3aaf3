import Testing
@testable import RecDeckTerminal

@Suite struct OutputEncodingTests {
    @Test func osc52() {
        #expect(String(decoding: OSC52.sequence(for: "hello"), as: UTF8.self) == "\u{1B}]52;c;aGVsbG8=\u{07}")
        #expect(String(decoding: OSC52.sequence(for: "é"), as: UTF8.self) == "\u{1B}]52;c;w6k=\u{07}")
        // Whatever the text holds, the sequence itself has no other control character in it.
        let hostile = OSC52.sequence(for: "\u{1B}]2;x\u{07}\u{9B}")
        #expect(hostile.dropFirst().dropLast().allSatisfy { $0 >= 0x20 && $0 < 0x7F })
    }

    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
                      ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")])
    func base64(input: String, expected: String) {
        #expect(String(decoding: OSC52.base64(Array(input.utf8)), as: UTF8.self) == expected)
    }

    /// wcwidth stand-in: combining marks, variation selectors and ZWJ 0, emoji and CJK 2, controls -1.
    private func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: -1
        case 0x300...0x36F, 0x200D, 0xFE0F: 0
        case 0x1F300...0x1FAFF, 0x4E00...0x9FFF: 2
        case 0xE000...0xF8FF: -1 // pretend private use is unprintable
        default: 1
        }
    }

    @Test func cellGlyphs() {
        #expect(CellGlyph.scalars(for: "a", width: width) == ["a"])
        #expect(CellGlyph.scalars(for: "", width: width) == [" "])
        #expect(CellGlyph.scalars(for: "\u{1B}", width: width) == ["?"])
        #expect(CellGlyph.scalars(for: "\u{9B}", width: width) == ["?"])
        #expect(CellGlyph.scalars(for: "\u{7F}", width: width) == ["?"])
        #expect(CellGlyph.scalars(for: "\u{E000}", width: width) == ["?"])
        #expect(CellGlyph.scalars(for: "e\u{301}", width: width) == ["e", "\u{301}"])
        #expect(CellGlyph.scalars(for: "漢", width: width) == ["漢"])
        // A ZWJ sequence keeps its first emoji; the joiner left dangling goes too.
        #expect(CellGlyph.scalars(for: "👨\u{200D}👩\u{200D}👧", width: width) == ["👨"])
        // A control after the base is dropped, never passed on.
        #expect(CellGlyph.scalars(for: "a\u{1B}[2J", width: width) == ["a"])
        // At most five characters in a cchar_t.
        let stacked = "a" + String(repeating: "\u{301}", count: 8)
        #expect(CellGlyph.scalars(for: stacked, width: width).count == 5)
    }
}
