/// Counts written for people: thousands grouped (`102,619`) and the noun agreeing with the number
/// (`1 recording`, `2 recordings`, `1 delivery`, `3 deliveries`).
public enum CountText {
    /// `1,284`, `-12,000`: thousands separated with commas.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = value < 0 ? "-" : ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }

    /// `value` grouped, then `singular` for exactly one and `plural` (default: `singular` + "s") otherwise.
    public static func of(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(grouped(value)) \(noun(value, singular, plural))"
    }

    /// `singular` for exactly one, else `plural` (default: `singular` + "s"), for text where the number stands apart.
    public static func noun(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        value == 1 ? singular : plural ?? singular + "s"
    }
}
