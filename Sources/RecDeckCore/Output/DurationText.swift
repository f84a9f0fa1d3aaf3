/// Durations and ages written for people: `1h02m05s`, `0m06s`, `2m`, `3h`, `4d`.
public enum DurationText {
    /// A recording's length, `1h02m05s` or `2m06s` (minutes always shown).
    public static func length(milliseconds: Int64) -> String {
        let totalSeconds = max(0, milliseconds) / 1000
        let hours = totalSeconds / 3600, minutes = totalSeconds / 60 % 60, seconds = totalSeconds % 60
        let mmss = "\(two(minutes))m\(two(seconds))s"
        return hours > 0 ? "\(hours)h\(mmss)" : "\(minutes)m\(two(seconds))s"
    }

    /// A total such as the header's recorded time: `97h12m`.
    public static func total(milliseconds: Int64) -> String {
        let minutes = max(0, milliseconds) / 60_000
        return "\(minutes / 60)h\(two(minutes % 60))m"
    }

    /// How long ago, one unit: `45s`, `2m`, `3h`, `4d`; negative spans (clock skew) read `now`.
    public static func age(nanoseconds: Int64) -> String {
        let seconds = nanoseconds / 1_000_000_000
        switch seconds {
        case ..<1: return "now"
        case ..<60: return "\(seconds)s"
        case ..<3600: return "\(seconds / 60)m"
        case ..<86_400: return "\(seconds / 3600)h"
        default: return "\(seconds / 86_400)d"
        }
    }

    private static func two(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
