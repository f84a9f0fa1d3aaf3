import Foundation

/// Pure colour arithmetic: reduces a theme `Color` to what a `ColorDepth` can show.
///
/// The one implementation of colour reduction in recdeck: themes are reduced with `reduce` when
/// they are loaded, the curses backend turns the result into colour numbers (`cursesColor`, in
/// RecDeckTerminal, built on `reduce`), and `recdeck themes` writes it as SGR codes.
///
/// truecolor → the nearest of the 256 (xterm's 6×6×6 cube and grey ramp, 16–255) → the nearest
/// of the 16 (or 8) ANSI colours → none; never a random or first-match fallback, ties go to the
/// lower number. Two perceptual distances, one per step:
///
/// - to the 256: Euclidean distance in Oklab (Björn Ottosson's perceptually uniform space), so
///   hues survive (Solarized's red #dc322f stays red, 160, where sRGB-based distances pick orange;
///   Gruvbox's blue and aqua stay two colours, 109 and 107);
/// - to the 16: the "redmean" weighted sRGB distance (see `distance`), measured against xterm's
///   default values for the 16, because the real values are the user's palette and unknown:
///   redmean keeps saturated blues blue (#5fafff → bright blue 12), and greys only go to the
///   four achromatic ANSI colours.
///
/// ANSI colours given by name or number 0–15 are passed through untouched wherever they fit.
public enum ColorReduction {
    /// `color` as `depth` can show it: `.default` at `.none` (only attributes remain), `.ansi`
    /// at `.ansi8` (0–7) and `.ansi16` (0–15), `.ansi`/`.indexed` at `.indexed256`; nothing changes
    /// at `.direct`. Idempotent: reducing a reduced colour again gives the same colour.
    public static func reduce(_ color: Color, to depth: ColorDepth) -> Color {
        switch (color, depth) {
        case (_, .none):
            return .default
        case (.default, _), (_, .direct):
            return color
        case (.ansi(let index), .ansi8):
            return .ansi(index & 7)
        case (.ansi(let index), _):
            return .ansi(index & 15)
        case (.indexed(let index), .ansi8), (.indexed(let index), .ansi16):
            if index < 16 { return reduce(.ansi(index), to: depth) }
            return .ansi(nearestANSI(rgb(ofIndexed: index), count: depth == .ansi8 ? 8 : 16))
        case (.indexed(let index), .indexed256):
            return index < 16 ? .ansi(index) : .indexed(index)
        case (.rgb(let r, let g, let b), .indexed256):
            return .indexed(nearestIndexed((r, g, b)))
        case (.rgb(let r, let g, let b), _):
            return .ansi(nearestANSI((r, g, b), count: depth == .ansi8 ? 8 : 16))
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

    /// The RGB value `color` stands for (xterm's palette for ANSI and indexed colours), or nil
    /// for `.default`, which only the terminal knows.
    public static func rgb(of color: Color) -> (UInt8, UInt8, UInt8)? {
        switch color {
        case .default: return nil
        case .ansi(let index): return rgb(ofIndexed: index & 15)
        case .indexed(let index): return rgb(ofIndexed: index)
        case .rgb(let r, let g, let b): return (r, g, b)
        }
    }

    /// The nearest colour to `rgb` among xterm's 16–255 (cube and greys; 0–15 are left out
    /// because they follow the user's palette), by Euclidean distance in Oklab; ties go to the
    /// lower index.
    public static func nearestIndexed(_ rgb: (UInt8, UInt8, UInt8)) -> UInt8 {
        let target = Oklab(rgb)
        var best = 16
        var bestDistance = Double.infinity
        for index in 16...255 {
            let d = target.distanceSquared(to: indexedOklab[index - 16])
            if d < bestDistance {
                best = index
                bestDistance = d
            }
        }
        return UInt8(best)
    }

    /// A colour in Oklab (L lightness, a green–red, b blue–yellow), from sRGB.
    struct Oklab {
        var l: Double
        var a: Double
        var b: Double

        init(_ rgb: (UInt8, UInt8, UInt8)) {
            func linear(_ channel: UInt8) -> Double {
                let c = Double(channel) / 255
                return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            }
            let r = linear(rgb.0), g = linear(rgb.1), bl = linear(rgb.2)
            let lms = (cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * bl),
                       cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * bl),
                       cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * bl))
            l = 0.2104542553 * lms.0 + 0.7936177850 * lms.1 - 0.0040720468 * lms.2
            a = 1.9779984951 * lms.0 - 2.4285922050 * lms.1 + 0.4505937099 * lms.2
            b = 0.0259040371 * lms.0 + 0.7827717662 * lms.1 - 0.8086757660 * lms.2
        }

        func distanceSquared(to other: Oklab) -> Double {
            let dl = l - other.l, da = a - other.a, db = b - other.b
            return dl * dl + da * da + db * db
        }
    }

    /// Oklab values of xterm colours 16–255, computed once.
    private static let indexedOklab: [Oklab] = (16...255).map { Oklab(rgb(ofIndexed: UInt8($0))) }

    /// The nearest of the first `count` (8 or 16) ANSI colours to `rgb`, by xterm's palette and
    /// `distance`.
    ///
    /// A grey (channels within 32 of each other) only considers the achromatic ANSI colours
    /// (black, white, and with 16 colours bright black and bright white): a mid grey must not
    /// become yellow or cyan with 8 colours.
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

    /// The "redmean" colour distance (squared, scaled by 256), used among the 16 ANSI colours: a
    /// weighted Euclidean distance in sRGB whose weights follow the mean red level,
    /// `(2 + r̄/256)·ΔR² + 4·ΔG² + (2 + (255 − r̄)/256)·ΔB²` (T. Riemersma, compuphase.com/cmetric.htm).
    /// Against the 16's widely spaced, palette-dependent values it keeps saturated blues blue,
    /// where Lab-based distances send #5fafff to grey (CIE76) or cyan (CIEDE2000, Oklab).
    public static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let meanRed = (Int(a.0) + Int(b.0)) / 2
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return (512 + meanRed) * dr * dr + 1024 * dg * dg + (767 - meanRed) * db * db
    }

    /// xterm's default values for the 16 ANSI colours.
    static let ansiPalette: [(UInt8, UInt8, UInt8)] = [
        (0x00, 0x00, 0x00), (0xcd, 0x00, 0x00), (0x00, 0xcd, 0x00), (0xcd, 0xcd, 0x00),
        (0x00, 0x00, 0xee), (0xcd, 0x00, 0xcd), (0x00, 0xcd, 0xcd), (0xe5, 0xe5, 0xe5),
        (0x7f, 0x7f, 0x7f), (0xff, 0x00, 0x00), (0x00, 0xff, 0x00), (0xff, 0xff, 0x00),
        (0x5c, 0x5c, 0xff), (0xff, 0x00, 0xff), (0x00, 0xff, 0xff), (0xff, 0xff, 0xff),
    ]

    static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]
}
