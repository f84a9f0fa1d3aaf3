import RecDeckUI

/// Pure colour arithmetic: reduces a theme `Color` to a curses colour number for a `ColorDepth`.
///
/// No terminal needed, so it is unit-tested directly. Distances are squared Euclidean in sRGB;
/// the 16 ANSI colours are measured with xterm's default palette (the user's palette may differ,
/// which is why ANSI colours given by number are passed through untouched where they fit).
public enum ColorReduction {
    /// The curses colour number for `color` at `depth`: -1 for `.default` (the terminal's own, via
    /// `use_default_colors`), nil at `.none`. At `.direct` the number is 0xRRGGBB, except ANSI
    /// 0–7 which direct-colour terminfo entries still send as the palette colours.
    public static func cursesColor(_ color: Color, depth: ColorDepth) -> Int32? {
        if depth == .none { return nil }
        switch color {
        case .default:
            return -1
        case .ansi(let index):
            let index = index & 15
            switch depth {
            case .none: return nil
            case .ansi8: return Int32(index & 7)
            case .ansi16, .indexed256: return Int32(index)
            case .direct: return index < 8 ? Int32(index) : packed(rgb(ofIndexed: index))
            }
        case .indexed(let index):
            switch depth {
            case .none: return nil
            case .ansi8, .ansi16:
                if index < 16 { return cursesColor(.ansi(index), depth: depth) }
                return Int32(nearestANSI(rgb(ofIndexed: index), count: depth == .ansi8 ? 8 : 16))
            case .indexed256: return Int32(index)
            case .direct: return index < 8 ? Int32(index) : packed(rgb(ofIndexed: index))
            }
        case .rgb(let r, let g, let b):
            switch depth {
            case .none: return nil
            case .ansi8: return Int32(nearestANSI((r, g, b), count: 8))
            case .ansi16: return Int32(nearestANSI((r, g, b), count: 16))
            case .indexed256: return Int32(nearestIndexed((r, g, b)))
            case .direct: return packed((r, g, b))
            }
        }
    }

    /// The RGB value of xterm colour `index` (0–15 xterm's defaults, 16–231 the 6×6×6 cube,
    /// 232–255 the grey ramp).
    public static func rgb(ofIndexed index: UInt8) -> (UInt8, UInt8, UInt8) {
        switch index {
        case 0..<16:
            return ansiPalette[Int(index)]
        case 16..<232:
            let n = Int(index) - 16
            return (cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
        default:
            let level = UInt8(8 + 10 * (Int(index) - 232))
            return (level, level, level)
        }
    }

    /// The nearest colour to `rgb` among xterm's 16–255 (cube and greys; 0–15 are left out
    /// because they follow the user's palette).
    public static func nearestIndexed(_ rgb: (UInt8, UInt8, UInt8)) -> UInt8 {
        let (r, g, b) = rgb
        let ri = nearestCubeStep(r), gi = nearestCubeStep(g), bi = nearestCubeStep(b)
        let cubeIndex = UInt8(16 + 36 * ri + 6 * gi + bi)
        let cube = (cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
        // Grey ramp 232–255: 8, 18, …, 238. Nearest to the mean.
        let mean = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = min(23, max(0, (mean - 8 + 5) / 10))
        let greyLevel = UInt8(8 + 10 * greyStep)
        let greyIndex = UInt8(232 + greyStep)
        let cubeDistance = distance(rgb, cube)
        let greyDistance = distance(rgb, (greyLevel, greyLevel, greyLevel))
        return greyDistance < cubeDistance ? greyIndex : cubeIndex
    }

    /// The nearest of the first `count` (8 or 16) ANSI colours to `rgb`, by xterm's palette.
    ///
    /// A grey (channels within 32 of each other) only considers the achromatic ANSI colours
    /// (black, white, and with 16 colours bright black and bright white): plain RGB distance would
    /// turn a mid grey into yellow with 8 colours.
    public static func nearestANSI(_ rgb: (UInt8, UInt8, UInt8), count: Int) -> UInt8 {
        let count = count >= 16 ? 16 : 8
        let channels = [rgb.0, rgb.1, rgb.2]
        let isGrey = Int(channels.max()!) - Int(channels.min()!) <= 32
        let candidates = isGrey ? (count == 16 ? [0, 8, 7, 15] : [0, 7]) : Array(0..<count)
        var best = candidates[0]
        var bestDistance = Int.max
        for index in candidates {
            let d = distance(rgb, ansiPalette[index])
            if d < bestDistance {
                best = index
                bestDistance = d
            }
        }
        return UInt8(best)
    }

    /// xterm's default values for the 16 ANSI colours.
    static let ansiPalette: [(UInt8, UInt8, UInt8)] = [
        (0x00, 0x00, 0x00), (0xcd, 0x00, 0x00), (0x00, 0xcd, 0x00), (0xcd, 0xcd, 0x00),
        (0x00, 0x00, 0xee), (0xcd, 0x00, 0xcd), (0x00, 0xcd, 0xcd), (0xe5, 0xe5, 0xe5),
        (0x7f, 0x7f, 0x7f), (0xff, 0x00, 0x00), (0x00, 0xff, 0x00), (0xff, 0xff, 0x00),
        (0x5c, 0x5c, 0xff), (0xff, 0x00, 0xff), (0x00, 0xff, 0xff), (0xff, 0xff, 0xff),
    ]

    static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    private static func nearestCubeStep(_ value: UInt8) -> Int {
        var best = 0
        for step in 1..<cubeLevels.count where abs(Int(cubeLevels[step]) - Int(value)) < abs(Int(cubeLevels[best]) - Int(value)) {
            best = step
        }
        return best
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }

    /// 0xRRGGBB; values below 8 (black to rgb(0,0,7)) become 8, because direct-colour terminfo
    /// entries send 0–7 as the palette's ANSI colours.
    private static func packed(_ rgb: (UInt8, UInt8, UInt8)) -> Int32 {
        max(8, Int32(rgb.0) << 16 | Int32(rgb.1) << 8 | Int32(rgb.2))
    }
}
