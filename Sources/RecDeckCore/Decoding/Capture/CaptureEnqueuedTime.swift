/// Reads `EnqueuedTimeUtc` as Event Hubs Capture writes it, `M/d/yyyy h:mm:ss AM|PM` in UTC (or
/// with a 24-hour clock), or as ISO 8601.
enum CaptureEnqueuedTime {
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        if let iso = Timestamp.parse(b) { return iso }
        var i = 0
        func number(maxDigits: Int) -> Int? {
            var value = 0
            var digits = 0
            while i < b.count, digits < maxDigits, b[i] >= 0x30, b[i] <= 0x39 {
                value = value * 10 + Int(b[i] - 0x30)
                digits += 1
                i += 1
            }
            return digits > 0 ? value : nil
        }
        func take(_ byte: UInt8) -> Bool {
            guard i < b.count, b[i] == byte else { return false }
            i += 1
            return true
        }
        guard let month = number(maxDigits: 2), take(0x2F), let day = number(maxDigits: 2), take(0x2F),
              let year = number(maxDigits: 4), take(0x20), var hour = number(maxDigits: 2), take(0x3A),
              let minute = number(maxDigits: 2), take(0x3A), let second = number(maxDigits: 2) else { return nil }
        if take(0x20) {
            guard i + 2 == b.count, b[i + 1] | 0x20 == 0x6D, hour >= 1, hour <= 12 else { return nil }
            switch b[i] | 0x20 {
            case 0x61: if hour == 12 { hour = 0 }  // AM
            case 0x70: if hour != 12 { hour += 12 }  // PM
            default: return nil
            }
            i += 2
        }
        guard i == b.count else { return nil }
        return Timestamp(utcYear: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }
}
