/// `12.34 ms` from seconds.
public func ms(_ seconds: Double) -> String {
    let value = (seconds * 100_000).rounded() / 100
    return "\(value) ms"
}

/// p50, p90, p99 and the maximum of `samples` (seconds), in milliseconds.
public func percentiles(_ samples: [Double]) -> String {
    guard !samples.isEmpty else { return "no samples (n=0)" }
    let sorted = samples.sorted()
    func at(_ fraction: Double) -> Double { sorted[min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))] }
    return "p50 \(ms(at(0.5)))  p90 \(ms(at(0.9)))  p99 \(ms(at(0.99)))  max \(ms(sorted.last!))  (n=\(sorted.count))"
}
