import RecDeckCore

/// A one-line bar chart of counts (`▁▂▃▄▅▆▇█`), for arrivals per minute.
public enum Sparkline {
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Counts of `times` per minute over the `minutes` minutes up to `now`, oldest first.
    public static func perMinute(_ times: [Timestamp], now: Timestamp, minutes: Int) -> [Int] {
        var counts = Array(repeating: 0, count: max(0, minutes))
        for time in times {
            let age = now.nanoseconds(since: time) / 60_000_000_000
            guard age >= 0, age < Int64(minutes) else { continue }
            counts[minutes - 1 - Int(age)] += 1
        }
        return counts
    }

    /// The bars for `counts`, scaled to the largest (zero is a space).
    public static func text(_ counts: [Int]) -> String {
        let top = counts.max() ?? 0
        guard top > 0 else { return String(repeating: " ", count: counts.count) }
        return String(counts.map { count in
            count == 0 ? " " : bars[min(bars.count - 1, (count * bars.count - 1) / top)]
        })
    }
}
