/// A running sum of `Int64` values kept exactly in 128 bits, so adding and later subtracting the
/// same values always returns to where it was, and read as an `Int64` held at its bounds: a total of
/// many huge durations from hostile files saturates instead of wrapping or trapping.
public struct ExactSum: Sendable, Hashable {
    private var high: Int64 = 0
    private var low: UInt64 = 0

    public init() {}

    /// Adds `value`.
    public mutating func add(_ value: Int64) {
        let (sum, carry) = low.addingReportingOverflow(UInt64(bitPattern: value))
        low = sum
        high = high &+ (value < 0 ? -1 : 0) &+ (carry ? 1 : 0)
    }

    /// Subtracts `value`.
    public mutating func subtract(_ value: Int64) {
        let (difference, borrow) = low.subtractingReportingOverflow(UInt64(bitPattern: value))
        low = difference
        high = high &- (value < 0 ? -1 : 0) &- (borrow ? 1 : 0)
    }

    /// The sum, or `Int64.max` / `Int64.min` when it does not fit.
    public var value: Int64 {
        if high == 0, low <= UInt64(Int64.max) { return Int64(low) }
        if high == -1, low >= UInt64(bitPattern: Int64.min) { return Int64(bitPattern: low) }
        return high < 0 ? .min : .max
    }
}
