import Testing
@testable import RecDeckCore

/// `Parallel.stream`: every result reaches the consumer once, in index order, while the workers
/// may still be computing later ones.
@Suite struct ParallelStreamTests {
    @Test(arguments: [0, 1, 7, 64, 1000])
    func everyResultArrivesOnceInIndexOrder(count: Int) {
        var seen: [Int] = []
        var values: [String] = []
        // Each block's state counts the indexes it has computed, so a block's results tell their place in it.
        Parallel.stream(count, block: 7, state: { 0 }) { computed, index in
            computed += 1
            return "\(index):\(computed)"
        } consume: { index, value in
            seen.append(index)
            values.append(value)
        }
        #expect(seen == Array(0..<count))
        #expect(values == (0..<count).map { "\($0):\($0 % 7 + 1)" })
    }
}
