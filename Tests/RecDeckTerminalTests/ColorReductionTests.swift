import RecDeckUI
import Testing
@testable import RecDeckTerminal

@Suite struct ColorReductionTests {
    @Test(arguments: [
        (0xff8700, 208), (0xff8000, 208), (0x5fafff, 75), (0x262626, 235), (0x808080, 244),
        (0x000000, 16), (0xffffff, 231), (0xff0000, 196), (0x5fd7ff, 81), (0x87d787, 114),
        (0xeeeeee, 255), (0x0a0a0a, 232),
    ])
    func rgbToNearest256(hex: Int, index: Int) {
        let rgb = (UInt8(hex >> 16 & 0xff), UInt8(hex >> 8 & 0xff), UInt8(hex & 0xff))
        #expect(ColorReduction.nearestIndexed(rgb) == UInt8(index))
        #expect(ColorReduction.cursesColor(.rgb(rgb.0, rgb.1, rgb.2), depth: .indexed256) == Int32(index))
    }

    @Test func paletteValues() {
        #expect(ColorReduction.rgb(ofIndexed: 208) == (0xff, 0x87, 0x00))
        #expect(ColorReduction.rgb(ofIndexed: 75) == (0x5f, 0xaf, 0xff))
        #expect(ColorReduction.rgb(ofIndexed: 16) == (0, 0, 0))
        #expect(ColorReduction.rgb(ofIndexed: 231) == (0xff, 0xff, 0xff))
        #expect(ColorReduction.rgb(ofIndexed: 232) == (8, 8, 8))
        #expect(ColorReduction.rgb(ofIndexed: 255) == (0xee, 0xee, 0xee))
        #expect(ColorReduction.rgb(ofIndexed: 9) == (0xff, 0, 0))
    }

    @Test func every256ColourMapsBackToItselfFromItsRGB() {
        for index in 16...255 {
            let rgb = ColorReduction.rgb(ofIndexed: UInt8(index))
            let back = ColorReduction.rgb(ofIndexed: ColorReduction.nearestIndexed(rgb))
            #expect(back == rgb, "index \(index)")
        }
    }

    @Test func indexedToANSI() {
        // 75 #5fafff: nearest of 16 is bright blue 12 (#5c5cff); of 8, cyan 6.
        #expect(ColorReduction.cursesColor(.indexed(75), depth: .ansi16) == 12)
        #expect(ColorReduction.cursesColor(.indexed(75), depth: .ansi8) == 6)
        // 214 #ffaf00 → yellow 3 (#cdcd00) in both.
        #expect(ColorReduction.cursesColor(.indexed(214), depth: .ansi16) == 3)
        #expect(ColorReduction.cursesColor(.indexed(214), depth: .ansi8) == 3)
        // 235 #262626 → black.
        #expect(ColorReduction.cursesColor(.indexed(235), depth: .ansi16) == 0)
        // 245 #8a8a8a → bright black 8 with 16 colours, white 7 with 8.
        #expect(ColorReduction.cursesColor(.indexed(245), depth: .ansi16) == 8)
        #expect(ColorReduction.cursesColor(.indexed(245), depth: .ansi8) == 7)
        // 0–15 are ANSI colours already.
        #expect(ColorReduction.cursesColor(.indexed(9), depth: .ansi16) == 9)
        #expect(ColorReduction.cursesColor(.indexed(9), depth: .ansi8) == 1)
    }

    @Test func rgbToANSI() {
        #expect(ColorReduction.cursesColor(.rgb(0xff, 0, 0), depth: .ansi16) == 9)
        #expect(ColorReduction.cursesColor(.rgb(0xff, 0, 0), depth: .ansi8) == 1)
        #expect(ColorReduction.cursesColor(.rgb(0xcd, 0, 0), depth: .ansi16) == 1)
        #expect(ColorReduction.cursesColor(.rgb(0x80, 0x80, 0x80), depth: .ansi16) == 8)
        #expect(ColorReduction.cursesColor(.rgb(0x80, 0x80, 0x80), depth: .ansi8) == 7)
        #expect(ColorReduction.nearestANSI((0x10, 0x10, 0x10), count: 16) == 0)
    }

    @Test func ansiAndDefault() {
        #expect(ColorReduction.cursesColor(.ansi(9), depth: .indexed256) == 9)
        #expect(ColorReduction.cursesColor(.ansi(9), depth: .ansi16) == 9)
        #expect(ColorReduction.cursesColor(.ansi(9), depth: .ansi8) == 1)
        #expect(ColorReduction.cursesColor(.indexed(200), depth: .indexed256) == 200)
        for depth in [ColorDepth.ansi8, .ansi16, .indexed256, .direct] {
            #expect(ColorReduction.cursesColor(.default, depth: depth) == -1)
        }
        for color in [Color.default, .ansi(1), .indexed(75), .rgb(1, 2, 3)] {
            #expect(ColorReduction.cursesColor(color, depth: .none) == nil)
        }
    }

    @Test func directColour() {
        #expect(ColorReduction.cursesColor(.rgb(0xff, 0x80, 0x00), depth: .direct) == 0xff8000)
        #expect(ColorReduction.cursesColor(.indexed(75), depth: .direct) == 0x5fafff)
        #expect(ColorReduction.cursesColor(.indexed(3), depth: .direct) == 3)
        #expect(ColorReduction.cursesColor(.ansi(12), depth: .direct) == 0x5c5cff)
        // 0–7 mean the palette's ANSI colours in direct mode, so black is sent as 8.
        #expect(ColorReduction.cursesColor(.rgb(0, 0, 0), depth: .direct) == 8)
    }

    @Test func depthDetection() {
        #expect(ColorDepth.detect(noColor: "1", hasColors: true, colors: 256, directColor: false) == .none)
        #expect(ColorDepth.detect(noColor: "", hasColors: true, colors: 256, directColor: false) == .indexed256)
        #expect(ColorDepth.detect(noColor: nil, hasColors: false, colors: 256, directColor: false) == .none)
        #expect(ColorDepth.detect(noColor: nil, hasColors: true, colors: 8, directColor: false) == .ansi8)
        #expect(ColorDepth.detect(noColor: nil, hasColors: true, colors: 16, directColor: false) == .ansi16)
        #expect(ColorDepth.detect(noColor: nil, hasColors: true, colors: 88, directColor: false) == .ansi16)
        #expect(ColorDepth.detect(noColor: nil, hasColors: true, colors: 0x1000000, directColor: true) == .direct)
        #expect(ColorDepth.detect(noColor: nil, hasColors: true, colors: 256, directColor: true) == .indexed256)
        #expect(ColorDepth.detect(noColor: nil, hasColors: true, colors: 2, directColor: false) == .none)
    }
}
