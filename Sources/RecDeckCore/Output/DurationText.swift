/// Durations and ages written for people: `1h02m05s`, `0m06s`, `7s`, `2m`, `3h`, `4d`, `5y`.
public enum DurationText {
    /// A recording's length: `2m06s`, `1h02m05s` (minutes always shown), `3d 04h05m` from a day on.
    public static func length(milliseconds: Int64) -> String {
        let totalSeconds = max(0, milliseconds) / 1000
        let days = totalSeconds / 86_400, hours = totalSeconds / 3600 % 24
        let minutes = totalSeconds / 60 % 60, seconds = totalSeconds % 60
        if days > 0 { return "\(CountText.grouped(Int(days)))d \(two(hours))h\(two(minutes))m" }
        return hours > 0 ? "\(hours)h\(two(minutes))m\(two(seconds))s" : "\(minutes)m\(two(seconds))s"
    }

    /// A total such as the header's recorded time, to the unit that matters at its size:
    /// `7s` (rounded), `12m05s`, `97h12m` under 100 hours, then days: `5,791d 19h`.
    public static func total(milliseconds: Int64) -> String {
        // Rounded to the nearest second without adding first, which could overflow.
        let positive = max(0, milliseconds)
        let seconds = positive / 1000 + (positive % 1000 >= 500 ? 1 : 0)
        switch seconds {
        case ..<60: return "\(seconds)s"
        case ..<3600: return "\(seconds / 60)m\(two(seconds % 60))s"
        case ..<(100 * 3600): return "\(seconds / 3600)h\(two(seconds / 60 % 60))m"
        default: return "\(CountText.grouped(Int(seconds / 86_400)))d \(two(seconds / 3600 % 24))h"
        }
    }

    /// How long ago, one unit: `45s`, `2m`, `3h`, `4d` up to 999 days, then years of 365 days
    /// (`5y`); negative spans (clock skew) read `now`. Never more than 5 cells below 100,000 years.
    public static func age(nanoseconds: Int64) -> String {
        age(seconds: nanoseconds / 1_000_000_000)
    }

    /// The age of `time` at `now`, as `age(nanoseconds:)` writes it, counted in whole seconds so
    /// that a span wider than 64-bit nanoseconds (an event of 1700) still reads right (`326y`).
    public static func age(of time: Timestamp, at now: Timestamp) -> String {
        let span = now.nanoseconds(since: time)
        if span != .max && span != .min { return age(nanoseconds: span) }
        return age(seconds: now.nanoseconds / 1_000_000_000 - time.nanoseconds / 1_000_000_000)
    }

    private static func age(seconds: Int64) -> String {
        switch seconds {
        case ..<1: return "now"
        case ..<60: return "\(seconds)s"
        case ..<3600: return "\(seconds / 60)m"
        case ..<86_400: return "\(seconds / 3600)h"
        case ..<(1000 * 86_400): return "\(seconds / 86_400)d"
        default: return "\(seconds / (365 * 86_400))y"
        }
    }

    private static func two(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
