/// The operator of a comparison term: `>`, `<`, `>=`, `<=` or `=`.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case greater = ">"
    case less = "<"
    case greaterOrEqual = ">="
    case lessOrEqual = "<="
    case equal = "="
}

/// A comparison with a value typed in a query, such as the `>5m` of `dur>5m`.
///
/// Values are whole numbers: nanoseconds for durations and instants, a count for chunks.
/// `>`, `<`, `>=` and `<=` compare with the value as a point; `=` matches anything within the
/// precision the value was written with (`dur=5m` is 5m00s up to 5m59.999s, `start=2026-10-01`
/// the whole day, `chunks=2` exactly 2).
struct QueryComparison: Sendable, Hashable {
    var op: ComparisonOperator
    var value: Int64
    /// The width of the value's last written unit (1 for a count).
    var precision: Int64

    func holds(for actual: Int64) -> Bool {
        switch op {
        case .greater: return actual > value
        case .less: return actual < value
        case .greaterOrEqual: return actual >= value
        case .lessOrEqual: return actual <= value
        case .equal:
            guard actual >= value else { return false }
            let (distance, overflow) = actual.subtractingReportingOverflow(value)
            return !overflow && distance < precision
        }
    }
}
