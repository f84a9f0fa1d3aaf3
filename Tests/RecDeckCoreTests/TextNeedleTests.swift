import Testing
@testable import RecDeckCore

/// The filter's case-insensitive search (sixteen positions at a time) against the plain definition.
@Suite struct TextNeedleTests {
    @Test func agreesWithLowercasedContains() {
        var seed: UInt64 = 11
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        let alphabet = Array("aAbB09-_/@[`{zZ:.".unicodeScalars)
        for _ in 0..<4000 {
            let haystack = String(String.UnicodeScalarView((0..<next(90)).map { _ in alphabet[next(alphabet.count)] }))
            let start = haystack.isEmpty ? 0 : next(haystack.unicodeScalars.count)
            let length = 1 + next(5)
            var needle = String(String.UnicodeScalarView(haystack.unicodeScalars.dropFirst(start).prefix(length)))
            if next(3) == 0 || needle.isEmpty {
                needle = String(String.UnicodeScalarView((0..<length).map { _ in alphabet[next(alphabet.count)] }))
            }
            let expected = haystack.lowercased().contains(needle.lowercased())
            #expect(TextNeedle(needle).isFound(in: haystack) == expected, "\(needle) in \(haystack)")
        }
    }
}
