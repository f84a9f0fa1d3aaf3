/// Parsers for the values comparison terms take: durations, counts and instants.
///
/// Each returns the value and the precision it was written with (see `QueryComparison`), or `nil`
/// when the text is not such a value.
enum QueryValue {
    /// A value and the width of its last written unit.
    typealias Amount = (value: Int64, precision: Int64)

    private static let nanosecondsPerSecond: Int64 = 1_000_000_000

    /// `500ms`, `10s`, `5m`, `1h30m`, `2d`, `1.5h`; a bare number is seconds. Case does not matter.
    /// Nanoseconds.
    static func duration(_ text: String) -> Amount? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        var index = 0
        var total: Int64 = 0
        var precision: Int64 = 1
        var components = 0
        while index < bytes.count {
            var whole: Int64 = 0, wholeDigits = 0
            while index < bytes.count, let digit = digit(bytes[index]) {
                let (shifted, overflow) = whole.multipliedReportingOverflow(by: 10)
                guard !overflow, shifted <= .max - digit else { return nil }
                whole = shifted + digit
                wholeDigits += 1
                index += 1
            }
            var fraction: Int64 = 0, fractionDigits = 0, scale: Int64 = 1
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                while index < bytes.count, let digit = digit(bytes[index]) {
                    if fractionDigits < 9 {
                        fraction = fraction * 10 + digit
                        fractionDigits += 1
                        scale *= 10
                    }
                    index += 1
                }
                guard fractionDigits > 0 else { return nil }
            }
            guard wholeDigits + fractionDigits > 0 else { return nil }
            let unitStart = index
            while index < bytes.count, bytes[index] | 0x20 >= UInt8(ascii: "a"), bytes[index] | 0x20 <= UInt8(ascii: "z") {
                index += 1
            }
            let unitName = String(decoding: bytes[unitStart..<index], as: UTF8.self).lowercased()
            let unit: Int64
            switch unitName {
            case "ms": unit = 1_000_000
            case "s": unit = nanosecondsPerSecond
            case "m": unit = 60 * nanosecondsPerSecond
            case "h": unit = 3600 * nanosecondsPerSecond
            case "d": unit = 86_400 * nanosecondsPerSecond
            case "" where components == 0 && index == bytes.count: unit = nanosecondsPerSecond
            default: return nil
            }
            let (wholePart, overflow) = whole.multipliedReportingOverflow(by: unit)
            // fraction < scale, so the quotient is below `unit` and cannot overflow.
            let fractionPart = scale.dividingFullWidth(fraction.multipliedFullWidth(by: unit)).quotient
            guard !overflow else { return nil }
            let (part, carry) = wholePart.addingReportingOverflow(fractionPart)
            let (sum, carry2) = total.addingReportingOverflow(part)
            guard !carry, !carry2 else { return nil }
            total = sum
            precision = max(1, unit / scale)
            components += 1
        }
        return (total, precision)
    }

    /// A whole number of at most 18 digits.
    static func count(_ text: String) -> Amount? {
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ digit($0) != nil }),
              let value = Int64(text) else { return nil }
        return (value, 1)
    }

    /// `2026-10-01`, `2026-10-01T08:00`, `2026-10-01T08:00:00`, with or without fractional seconds
    /// and a zone (`Z`, `+02:00`, `+0200`); `T` may be a space. Without a zone the text is local
    /// time at `utcOffsetSeconds` east of UTC. Nanoseconds since the epoch.
    static func instant(_ text: String, utcOffsetSeconds: Int) -> Amount? {
        let characters = Array(text.utf8)
        guard characters.count >= 10 else { return nil }
        let date = String(decoding: characters[0..<10], as: UTF8.self)
        var rest = characters[10...]
        var clock = "00:00:00"
        var zone: String?
        var precision = 86_400 * nanosecondsPerSecond
        if let separator = rest.first {
            guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ") else {
                return nil
            }
            rest = rest.dropFirst()
            if let last = rest.last, last == UInt8(ascii: "Z") || last == UInt8(ascii: "z") {
                zone = "Z"
                rest = rest.dropLast()
            } else if let sign = rest.firstIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }) {
                zone = String(decoding: rest[sign...], as: UTF8.self)
                rest = rest[..<sign]
            }
            let time = String(decoding: rest, as: UTF8.self)
            switch rest.count {
            case 5:
                clock = time + ":00"
                precision = 60 * nanosecondsPerSecond
            case 8:
                clock = time
                precision = nanosecondsPerSecond
            default:
                guard rest.count > 9, let dot = rest.firstIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }),
                      dot == rest.startIndex + 8 else { return nil }
                clock = time
                precision = 1
                for _ in min(rest.count - 9, 9)..<9 { precision *= 10 }
            }
        }
        guard let parsed = Timestamp(iso8601: "\(date)T\(clock)\(zone ?? "Z")") else { return nil }
        guard zone == nil else { return (parsed.nanoseconds, precision) }
        let (shift, overflow) = Int64(utcOffsetSeconds).multipliedReportingOverflow(by: nanosecondsPerSecond)
        let (value, carry) = parsed.nanoseconds.subtractingReportingOverflow(shift)
        guard !overflow, !carry else { return nil }
        return (value, precision)
    }

    private static func digit(_ byte: UInt8) -> Int64? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int64(byte - UInt8(ascii: "0")) : nil
    }
}
