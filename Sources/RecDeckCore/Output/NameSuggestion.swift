/// "Did you mean …?": the known name closest to a misspelt one, by Levenshtein distance.
public enum NameSuggestion {
    /// The name of `names` closest to `name`, when it is close enough to be what was meant
    /// (at most 2 edits, or a third of the name's length for long names); `nil` otherwise.
    public static func closest(to name: String, among names: some Sequence<String>) -> String? {
        let target = name.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in names {
            let distance = editDistance(candidate.lowercased(), target)
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        guard let best, best.distance <= max(2, name.count / 3) else { return nil }
        return best.name
    }

    /// Levenshtein distance: insertions, deletions and substitutions of characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
