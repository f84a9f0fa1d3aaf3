import Dispatch
import Glibc
import Synchronization

/// Work spread over the cores with `DispatchQueue.concurrentPerform`: the one place where results
/// written by several threads are gathered. Each result slot is written by exactly one worker and
/// read only after every worker has finished, so the slots need no lock.
public enum Parallel {
    /// The cores work is spread over.
    public static let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    /// A block size for `count` indexes: `atMost`, or fewer so that every core gets several blocks
    /// (a few large files read in blocks of 64 would leave all but one core idle).
    public static func blockSize(for count: Int, atMost: Int) -> Int {
        max(1, min(atMost, count / (cores * 8)))
    }

    /// `transform` of each index in `0..<count`, in order; on all cores in blocks of `block`
    /// indexes once `count` reaches `threshold`, on the calling thread below it.
    public static func map<Result>(_ count: Int, block: Int, threshold: Int = 0,
                                   _ transform: @Sendable (Int) -> Result) -> [Result] {
        guard count >= max(threshold, 2) else { return (0..<count).map(transform) }
        return gather(count) { slots in
            DispatchQueue.concurrentPerform(iterations: (count + block - 1) / block) { blockIndex in
                for index in blockIndex * block..<min(count, (blockIndex + 1) * block) {
                    slots.write(transform(index), at: index)
                }
            }
        }
    }

    /// `transform` of each block of `0..<count` (ranges of `block` indexes, the last one shorter),
    /// in block order, on all cores: for work that wants something of its own per block.
    public static func blocks<Result>(_ count: Int, block: Int, _ transform: @Sendable (Range<Int>) -> Result) -> [Result] {
        let blocks = (count + block - 1) / block
        return gather(blocks) { slots in
            DispatchQueue.concurrentPerform(iterations: blocks) { blockIndex in
                slots.write(transform(blockIndex * block..<min(count, (blockIndex + 1) * block)), at: blockIndex)
            }
        }
    }

    /// `transform` of each index in `0..<count`, in order, on all cores in blocks of `block`
    /// indexes, each block with a `State` of its own (made by `makeState`, passed to each of its
    /// indexes in turn): `map` for work that shares something within a block, such as an interner.
    /// The results go straight into the one array answered (no array per block to join).
    public static func map<State, Result>(_ count: Int, block: Int, state makeState: @Sendable () -> State,
                                          _ transform: @Sendable (inout State, Int) -> Result) -> [Result] {
        gather(count) { slots in
            DispatchQueue.concurrentPerform(iterations: (count + block - 1) / block) { blockIndex in
                var state = makeState()
                for index in blockIndex * block..<min(count, (blockIndex + 1) * block) {
                    slots.write(transform(&state, index), at: index)
                }
            }
        }
    }

    /// `transform` of each index in `0..<count` on all cores, in blocks of `block` indexes that
    /// each have a `State` (as `map(_:block:state:_:)`), handed to `consume` on the calling thread
    /// in index order: between the blocks it computes itself, the calling thread consumes the
    /// blocks finished so far, so that its work on the results runs beside the other workers' on
    /// later ones instead of after them. It never waits for a worker until every block is done.
    /// Returns once every result is consumed.
    public static func stream<State, Result>(_ count: Int, block: Int, state makeState: @Sendable () -> State,
                                             _ transform: @Sendable (inout State, Int) -> Result,
                                             consume: (Int, consuming Result) -> Void) {
        let blocks = (count + block - 1) / block
        guard blocks > 0 else { return }
        let buffer = UnsafeMutableBufferPointer<Result>.allocate(capacity: count)
        defer { buffer.deallocate() }
        let slots = Slots(buffer: buffer)
        // Which blocks are written; a block's results are written before it is marked and read after.
        let finished = Mutex([Bool](repeating: false, count: blocks))
        var next = 0
        /// Consumes the finished blocks that come next in order.
        func drain() {
            while next < blocks, finished.withLock({ $0[next] }) {
                for index in next * block..<min(count, (next + 1) * block) {
                    consume(index, (buffer.baseAddress! + index).move())
                }
                next += 1
            }
        }
        let caller = pthread_self()
        withoutActuallyEscaping(drain) { drain in
            let drainer = CallerOnly(drain)
            DispatchQueue.concurrentPerform(iterations: blocks) { blockIndex in
                var state = makeState()
                for index in blockIndex * block..<min(count, (blockIndex + 1) * block) {
                    slots.write(transform(&state, index), at: index)
                }
                finished.withLock { $0[blockIndex] = true }
                if pthread_equal(pthread_self(), caller) != 0 { drainer.body() }
            }
        }
        drain()
    }

    /// A closure that only the thread that made it calls (checked by the caller), handed through
    /// a `@Sendable` closure that other threads run too.
    private struct CallerOnly: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// The elements of `list` the test holds for, in order, 16 blocks filtered at once (on the
    /// calling thread under `threshold` elements). `makeTest` is called once per block for the test
    /// that block runs, so a block can use its own copy of what it compares against (threads that
    /// share one keep retaining and releasing the same objects and fight over their reference counts).
    public static func filter<Element: Sendable>(_ list: [Element], threshold: Int = 4096,
                                                 makeTest: @Sendable () -> @Sendable (Element) -> Bool) -> [Element] {
        guard list.count >= threshold else { return list.filter(makeTest()) }
        let parts = blocks(list.count, block: (list.count + 15) / 16) { range in list[range].filter(makeTest()) }
        return Array(parts.joined())
    }

    /// `first()` and `second()` at the same time, on two cores.
    public static func pair<First, Second>(_ first: @Sendable () -> First, _ second: @Sendable () -> Second) -> (First, Second) {
        var one: First?
        var two: Second?
        withUnsafeMutablePointer(to: &one) { onePointer in
            withUnsafeMutablePointer(to: &two) { twoPointer in
                let slots = (Slot(onePointer), Slot(twoPointer))
                DispatchQueue.concurrentPerform(iterations: 2) { part in
                    if part == 0 { slots.0.pointer.pointee = first() } else { slots.1.pointer.pointee = second() }
                }
            }
        }
        return (one!, two!)
    }

    /// `count` results filled in by `fill` through its slots, which must write every index once.
    private static func gather<Result>(_ count: Int, _ fill: (Slots<Result>) -> Void) -> [Result] {
        Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(Slots(buffer: buffer))
            initialized = count
        }
    }

    /// Result slots handed to the workers; each index is written by one worker only.
    private struct Slots<Result>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Result>
        /// Initializes the uninitialized slot `index`.
        func write(_ result: Result, at index: Int) { (buffer.baseAddress! + index).initialize(to: result) }
    }

    /// One result slot handed to a worker.
    private struct Slot<Result>: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<Result?>
        init(_ pointer: UnsafeMutablePointer<Result?>) { self.pointer = pointer }
    }
}
