/// Writes JSON text with keys in the order given, as the output contracts fix them.
///
/// Strings are escaped so the output is valid JSON and safe on a terminal: control characters,
/// bidirectional overrides and invisible formatting characters become `\uXXXX`.
public struct JSONWriter {
    public private(set) var text = ""
    private var needsComma: [Bool] = [false]

    public init() {}

    public mutating func beginObject() { open("{") }
    public mutating func endObject() { close("}") }
    public mutating func beginArray() { open("[") }
    public mutating func endArray() { close("]") }

    /// Writes `"key":` inside an object; the next value call writes its value.
    public mutating func key(_ name: String) {
        separate()
        Self.appendQuoted(name, to: &text)
        text += ":"
        needsComma[needsComma.count - 1] = false
    }

    public mutating func string(_ value: String?) {
        separate()
        if let value { Self.appendQuoted(value, to: &text) } else { text += "null" }
    }

    public mutating func integer(_ value: Int64?) {
        separate()
        text += value.map(String.init) ?? "null"
    }

    public mutating func integer(_ value: Int) { integer(Int64(value)) }

    /// Convenience: `"key": "value"` (or null).
    public mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    /// Convenience: `"key": 123` (or null).
    public mutating func field(_ name: String, _ value: Int64?) {
        key(name)
        integer(value)
    }

    /// Convenience: `"key": true` or `false`.
    public mutating func field(_ name: String, _ value: Bool) {
        key(name)
        separate()
        text += value ? "true" : "false"
    }

    /// Convenience: `"key": 0.75` (or null): `decimal(_:fractionDigits:)`.
    public mutating func field(_ name: String, _ value: Double?, fractionDigits: Int) {
        key(name)
        separate()
        text += value.flatMap { Self.decimal($0, fractionDigits: fractionDigits) } ?? "null"
    }

    /// `value` rounded to `fractionDigits` decimals, without trailing zeros (`1`, `0.5`, `0.3333`);
    /// nil when it is not finite or too large to write that way.
    public static func decimal(_ value: Double, fractionDigits: Int) -> String? {
        guard value.isFinite, abs(value) < 1e12, (1...6).contains(fractionDigits) else { return nil }
        var scale: Int64 = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        let scaled = Int64((abs(value) * Double(scale)).rounded())
        var fraction = String(scaled % scale)
        fraction = String(repeating: "0", count: fractionDigits - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (value < 0 && scaled > 0 ? "-" : "") + String(scaled / scale) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A raw line break between top-level items, for readable arrays.
    public mutating func newline() { text += "\n" }

    private mutating func open(_ bracket: String) {
        separate()
        text += bracket
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        needsComma.removeLast()
        text += bracket
        needsComma[needsComma.count - 1] = true
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    /// Appends `value` as a JSON string literal.
    public static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if SafeText.isUnsafe(scalar) {
                    text += SafeText.escape(scalar)
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
