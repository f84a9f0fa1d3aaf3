/// Writes JSON text with keys in the order given, as the output contracts fix them.
///
/// Strings are escaped so the output is valid JSON and safe on a terminal: control characters,
/// bidirectional overrides and invisible formatting characters become `\uXXXX`.
public struct JSONWriter {
    /// What has been written.
    public private(set) var output = OutputBytes()
    private var needsComma: [Bool] = [false]

    public init() {}

    /// Writes at the end of `bytes` (taken over until `finish(into:)` hands them back), so that
    /// many values share one buffer.
    public init(appendingTo bytes: inout OutputBytes) {
        output = bytes
        bytes = OutputBytes()
    }

    /// Hands the bytes, with what was written, back.
    public mutating func finish(into bytes: inout OutputBytes) {
        bytes = output
        output = OutputBytes()
    }

    /// What has been written, as text.
    public var text: String { output.text }

    public mutating func beginObject() { open("{") }
    public mutating func endObject() { close("}") }
    public mutating func beginArray() { open("[") }
    public mutating func endArray() { close("]") }

    /// Writes `"key":` inside an object; the next value call writes its value.
    public mutating func key(_ name: String) {
        separate()
        output.append(jsonString: name)
        output.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = false
    }

    /// A key escaped once (`"name":`), for a key written many times (a field of every row).
    public struct PreparedKey: Sendable {
        fileprivate let text: OutputBytes

        public init(_ name: String) {
            var text = OutputBytes()
            text.append(jsonString: name)
            text.append(UInt8(ascii: ":"))
            self.text = text
        }
    }

    /// `key(_:)` of a prepared key.
    public mutating func key(_ prepared: PreparedKey) {
        separate()
        output.append(prepared.text)
        needsComma[needsComma.count - 1] = false
    }

    public mutating func string(_ value: String?) {
        separate()
        if let value { output.append(jsonString: value) } else { output.append("null") }
    }

    public mutating func integer(_ value: Int64?) {
        separate()
        if let value { output.append(integer: value) } else { output.append("null") }
    }

    public mutating func integer(_ value: Int) { integer(Int64(value)) }

    /// Convenience: `"key": "value"` (or null).
    public mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    /// A time as the contract writes it (`2021-07-27T15:20:23.608Z`), or null.
    public mutating func time(_ value: Timestamp?) {
        separate()
        if let value {
            output.append(UInt8(ascii: "\""))
            output.append(iso8601: value)
            output.append(UInt8(ascii: "\""))
        } else {
            output.append("null")
        }
    }

    /// Convenience: `"key": "2021-07-27T15:20:23.608Z"` (or null).
    public mutating func field(_ name: String, _ value: Timestamp?) {
        key(name)
        time(value)
    }

    /// Convenience: `"key": 123` (or null).
    public mutating func field(_ name: String, _ value: Int64?) {
        key(name)
        integer(value)
    }

    public mutating func bool(_ value: Bool) {
        separate()
        if value { output.append("true") } else { output.append("false") }
    }

    /// Convenience: `"key": true` or `false`.
    public mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// Convenience: `"key": 0.75` (or null): `decimal(_:fractionDigits:)`.
    public mutating func field(_ name: String, _ value: Double?, fractionDigits: Int) {
        key(name)
        separate()
        output.append(raw: value.flatMap { Self.decimal($0, fractionDigits: fractionDigits) } ?? "null")
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
    public mutating func newline() { output.append(UInt8(ascii: "\n")) }

    private mutating func open(_ bracket: Character) {
        separate()
        output.append(bracket.asciiValue!)
        needsComma.append(false)
    }

    private mutating func close(_ bracket: Character) {
        needsComma.removeLast()
        output.append(bracket.asciiValue!)
        needsComma[needsComma.count - 1] = true
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { output.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    /// Appends `value` as a JSON string literal.
    public static func appendQuoted(_ value: String, to text: inout String) {
        var literal = OutputBytes()
        literal.append(jsonString: value)
        text += literal.text
    }
}
