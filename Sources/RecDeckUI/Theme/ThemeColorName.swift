/// A colour as a theme file writes it, before names are looked up in the palette.
enum ThemeColorSpec: Hashable, Sendable {
    /// `#rrggbb`, a number 0–255 or `default`.
    case literal(Color)
    /// A palette name, or one of the 16 ANSI names when the palette has no such name.
    case name(String)
}

/// The colour syntax of theme files: `#rrggbb`, 0–255 (0–15 are the ANSI colours), the 16 ANSI
/// names (`black` … `white`, `brightblack` … `brightwhite`; `bright-black` and `bright_black`
/// too, any case), `default` (the terminal's own), or a palette name.
enum ThemeColorName {
    /// The 16 ANSI names, in colour-number order.
    static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                            "brightblack", "brightred", "brightgreen", "brightyellow",
                            "brightblue", "brightmagenta", "brightcyan", "brightwhite"]

    /// The ANSI colour number `name` stands for (`red` → 1, `bright-white` → 15), or nil.
    static func ansiIndex(_ name: String) -> UInt8? {
        let folded = name.lowercased().filter { $0 != "-" && $0 != "_" }
        return ansiNames.firstIndex(of: folded).map { UInt8($0) }
    }

    /// A number written in a theme: 0–15 are the ANSI colours (they follow the user's palette),
    /// 16–255 the xterm colours. Nil when out of range.
    static func color(number: Int) -> Color? {
        guard (0...255).contains(number) else { return nil }
        return number < 16 ? .ansi(UInt8(number)) : .indexed(UInt8(number))
    }

    /// Parses a colour written as a string. `.failure` holds the kind and the reason.
    static func spec(_ text: String) -> Result<ThemeColorSpec, ThemeColorFailure> {
        let trimmed = String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        if trimmed.hasPrefix("#") {
            let digits = trimmed.dropFirst()
            guard digits.count == 6, let value = UInt32(digits, radix: 16) else {
                return .failure(.init(.badColor, "\"\(text)\" is not a colour: write #rrggbb with six hex digits"))
            }
            return .success(.literal(.rgb(UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff))))
        }
        if !trimmed.isEmpty, trimmed.allSatisfy({ ("0"..."9").contains($0) }) {
            guard let number = Int(trimmed), let color = color(number: number) else {
                return .failure(.init(.badColor, "\(trimmed) is not a colour number: use 0–255"))
            }
            return .success(.literal(color))
        }
        if trimmed.lowercased() == "default" { return .success(.literal(.default)) }
        guard !trimmed.isEmpty else {
            return .failure(.init(.badColor, "an empty colour: write #rrggbb, 0–255, an ANSI name, default or a palette name"))
        }
        return .success(.name(trimmed))
    }

    /// Parses a colour that must not name the palette (palette entries themselves): `#rrggbb`,
    /// 0–255, an ANSI name or `default`.
    static func literal(_ text: String) -> Result<Color, ThemeColorFailure> {
        switch spec(text) {
        case .failure(let failure): return .failure(failure)
        case .success(.literal(let color)): return .success(color)
        case .success(.name(let name)):
            if let index = ansiIndex(name) { return .success(.ansi(index)) }
            return .failure(.init(.badColor, "\"\(name)\" is not a colour: a palette colour is #rrggbb, 0–255, an ANSI name (red, brightblue, …) or default"))
        }
    }
}

/// Why a colour value was refused.
struct ThemeColorFailure: Error {
    var kind: ThemeError.Kind
    var reason: String
    init(_ kind: ThemeError.Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }
}

