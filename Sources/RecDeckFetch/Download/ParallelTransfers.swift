import Foundation
import Synchronization

/// Runs `body` for each index of `0..<count` on `parallel` threads, each taking the next index
/// when it is free; returns when all are done.
public enum ParallelTransfers {
    public static func run(count: Int, parallel: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let next = Mutex(0)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(parallel, count)) {
            group.enter()
            let thread = Thread {
                while true {
                    let index = next.withLock { value -> Int in
                        defer { value += 1 }
                        return value
                    }
                    guard index < count else { break }
                    body(index)
                }
                group.leave()
            }
            thread.start()
        }
        group.wait()
    }
}
