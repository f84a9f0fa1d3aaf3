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

    /// A few large files are read a file or a few at a time, so every core gets several blocks;
    /// many small ones in blocks of the most a block may hold.
    @Test func blocksAreSmallEnoughForEveryCoreToHaveSeveral() {
        let cores = Parallel.cores
        #expect(Parallel.blockSize(for: 0, atMost: 64) == 1)
        #expect(Parallel.blockSize(for: 20, atMost: 64) == max(1, 20 / (cores * 8)))
        #expect(Parallel.blockSize(for: 100_000, atMost: 64) == 64)
        for count in [1, 7, 20, 200, 2_000] {
            let block = Parallel.blockSize(for: count, atMost: 64)
            #expect(block >= 1 && block <= 64)
            #expect((count + block - 1) / block >= min(count, cores * 8), "\(count) indexes in blocks of \(block)")
        }
    }
}
