import Glibc

/// An instant, as nanoseconds since 1970-01-01T00:00:00Z, parsed from ISO 8601 / RFC 3339 text.
///
/// recdeck parses timestamps itself rather than through `DateFormatter` so that 0 to 9 fractional
/// digits and `Z` or `±hh:mm` offsets all work the same on every platform, and so that sorting and
/// display use the very same value.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Nanoseconds since the Unix epoch (UTC).
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// `milliseconds` since the epoch, held at the ends of what 64-bit nanoseconds hold.
    public init(milliseconds: Int64) {
        let (scaled, overflow) = milliseconds.multipliedReportingOverflow(by: 1_000_000)
        self.nanoseconds = overflow ? (milliseconds < 0 ? .min : .max) : scaled
    }

    /// `seconds` plus `nanoseconds` since the epoch (a `timespec`, a file time), held at the ends
    /// of what 64-bit nanoseconds hold (before 1677-09-21, after 2262-04-11) instead of overflowing.
    public init(seconds: Int64, nanoseconds: Int64) {
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, carry) = scaled.addingReportingOverflow(nanoseconds)
        self.nanoseconds = overflow || carry ? (seconds < 0 ? .min : .max) : total
    }

    /// The earliest and latest instants recdeck holds: 1677-09-21T00:12:43.145Z to 2262-04-11T23:47:16.854Z.
    public static let earliest = Timestamp(nanoseconds: .min), latest = Timestamp(nanoseconds: .max)

    /// The current time of the system clock.
    public static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(seconds: Int64(spec.tv_sec), nanoseconds: Int64(spec.tv_nsec))
    }

    /// Nanoseconds from `earlier` to this instant (negative when `earlier` is later), held at
    /// `Int64`'s bounds: the span from 1700 to now does not fit in 64 bits and must not trap.
    public func nanoseconds(since earlier: Timestamp) -> Int64 {
        let (span, overflow) = nanoseconds.subtractingReportingOverflow(earlier.nanoseconds)
        return overflow ? (earlier.nanoseconds < 0 ? .max : .min) : span
    }

    /// This instant moved by `span` nanoseconds, held at `earliest` / `latest`.
    public func advanced(by span: Int64) -> Timestamp {
        let (moved, overflow) = nanoseconds.addingReportingOverflow(span)
        return overflow ? (span < 0 ? .earliest : .latest) : Timestamp(nanoseconds: moved)
    }

    /// Milliseconds since the epoch, rounded toward negative infinity.
    public var milliseconds: Int64 {
        // Floored without subtracting first, which would overflow at the earliest instant.
        nanoseconds % 1_000_000 < 0 ? nanoseconds / 1_000_000 - 1 : nanoseconds / 1_000_000
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.f…](Z|±HH:MM|±HHMM)`; `T` may be a space, letters any case.
    /// Instants outside what 64-bit nanoseconds hold (about 1678 to 2262) are rejected.
    /// With `zonelessAsUTC`, text without a zone (`2018-10-12T15:14:11.3028183`, valid ISO 8601
    /// though not RFC 3339; SDK tests have it) is read as UTC.
    public init?(iso8601 text: String, zonelessAsUTC: Bool = false) {
        var text = text
        guard let value = text.withUTF8({ Timestamp.parse($0, zonelessAsUTC: zonelessAsUTC) }) else { return nil }
        self = value
    }

    /// Whether `text` is a valid ISO 8601 time (years 0000 to 9999, with a zone or, with
    /// `zonelessAsUTC`, without) that lies outside `earliest...latest`, so it can be reported as such.
    static func isOutOfRange(_ text: String, zonelessAsUTC: Bool = true) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            if case .outOfRange = parseFields(bytes, zonelessAsUTC: zonelessAsUTC) { return true }
            return false
        }
    }

    /// The problem to report for a `key` whose `text` is not a time recdeck can hold: out of range
    /// (a valid time of year 0001, 9999, …) or not ISO 8601 at all.
    static func problem(key: String, text: String) -> String {
        isOutOfRange(text)
            ? "\"\(key)\" \(SafeText.quoted(text)) is outside the times recdeck holds (\(earliest) to \(latest))"
            : "\"\(key)\" is not an ISO 8601 timestamp: \(SafeText.quoted(text))"
    }

    /// Parses UTF-8 bytes as `init?(iso8601:zonelessAsUTC:)` parses text.
    static func parse(_ b: UnsafeBufferPointer<UInt8>, zonelessAsUTC: Bool = false) -> Timestamp? {
        if case .time(let time) = parseFields(b, zonelessAsUTC: zonelessAsUTC) { return time }
        return nil
    }

    private enum Parsed { case time(Timestamp), outOfRange, invalid }

    private static func parseFields(_ b: UnsafeBufferPointer<UInt8>, zonelessAsUTC: Bool) -> Parsed {
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= b.count else { return nil }
            var value = 0
            for _ in 0..<digits {
                let byte = b[i]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                i += 1
            }
            return value
        }
        func take(_ byte: UInt8) -> Bool {
            guard i < b.count, b[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = number(4), take(0x2D), let month = number(2), take(0x2D), let day = number(2) else { return .invalid }
        guard i < b.count, b[i] == 0x54 || b[i] == 0x74 || b[i] == 0x20 else { return .invalid }
        i += 1
        guard let hour = number(2), take(0x3A), let minute = number(2), take(0x3A), let second = number(2) else { return .invalid }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second <= 60 else { return .invalid }
        var fraction: Int64 = 0
        if take(0x2E) || take(0x2C) {
            var digits = 0
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                if digits < 9 { fraction = fraction * 10 + Int64(b[i] - 0x30) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return .invalid }
            for _ in min(digits, 9)..<9 { fraction *= 10 }
        }
        var offsetSeconds = 0
        if i == b.count {
            guard zonelessAsUTC else { return .invalid }
        } else if b[i] == 0x5A || b[i] == 0x7A {
            i += 1
        } else if b[i] == 0x2B || b[i] == 0x2D {
            let sign = b[i] == 0x2D ? -1 : 1
            i += 1
            guard let offsetHours = number(2) else { return .invalid }
            _ = take(0x3A)
            guard let offsetMinutes = number(2), offsetHours < 24, offsetMinutes < 60 else { return .invalid }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        } else {
            return .invalid
        }
        guard i == b.count else { return .invalid }
        let days = Int64(daysFromCivil(year: year, month: month, day: day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetSeconds)
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, carry) = scaled.addingReportingOverflow(fraction)
        guard !overflow, !carry else { return .outOfRange }
        return .time(Timestamp(nanoseconds: total))
    }

    /// The UTC instant of these calendar fields; nil when one is out of its range.
    init?(utcYear year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanoseconds: Int64 = 0) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Timestamp.daysIn(month: month, year: year)).contains(day),
              (0..<24).contains(hour), (0..<60).contains(minute), (0...60).contains(second),
              (0..<1_000_000_000).contains(nanoseconds) else { return nil }
        let days = Int64(Timestamp.daysFromCivil(year: year, month: month, day: day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return nil }
        self.init(nanoseconds: scaled + nanoseconds)
    }

    /// UTC calendar fields of this instant, shifted by `offsetSeconds`.
    public func components(offsetSeconds: Int = 0) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int) {
        let shifted = milliseconds + Int64(offsetSeconds) * 1000
        var days = shifted / 86_400_000
        var msOfDay = shifted % 86_400_000
        if msOfDay < 0 {
            msOfDay += 86_400_000
            days -= 1
        }
        let (year, month, day) = Timestamp.civilFromDays(Int(days))
        let ms = Int(msOfDay)
        return (year, month, day, ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
    }

    /// `2021-07-27T15:20:23.608Z`: UTC, milliseconds, as the JSON output contract says.
    public var iso8601UTC: String {
        let c = components()
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second)).\(pad(c.millisecond, 3))Z"
    }

    /// `2021-07-27 15:20:23`, for tables, shifted by `offsetSeconds` from UTC.
    public func display(offsetSeconds: Int) -> String {
        let c = components(offsetSeconds: offsetSeconds)
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day)) \(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
    }

    public var description: String { iso8601UTC }

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
