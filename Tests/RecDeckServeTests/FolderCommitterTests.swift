import Foundation
import RecDeckServe
import Synchronization
import Testing

/// The group commit of folder flushes, with a flush that counts its calls and ends only when told.
@Suite struct FolderCommitterTests {
    @Test func aCallerIsReleasedOnlyByAFlushThatBeganAfterItCalled() throws {
        let flush = GatedFlush()
        let committer = FolderCommitter(flush: flush.flush)
        let first = Caller("first", committer: committer, log: flush)
        try flush.waitUntil("the first flush began") { flush.began == 1 }
        let second = Caller("second", committer: committer, log: flush)
        try flush.waitUntil("the second caller waits") { committer.callers(in: "f") == 2 }
        flush.release()
        try flush.waitUntil("the first caller returned") { first.result != nil }
        try flush.waitUntil("the second flush began") { flush.began == 2 }
        #expect(second.result == nil, "the flush that was running when it called does not release it")
        flush.release()
        try flush.waitUntil("the second caller returned") { second.result != nil }
        #expect(first.result == .some(nil))
        #expect(second.result == .some(nil))
        #expect(flush.began == 2)
        let log = flush.entries
        let index = { (entry: String) in try #require(log.firstIndex(of: entry), "\(entry) in \(log)") }
        #expect(try index("first called") < index("flush 1 began"))
        #expect(try index("flush 1 began") < index("second called"))
        #expect(try index("second called") < index("flush 2 began"))
        #expect(try index("flush 1 ended") < index("first returned"))
        #expect(try index("flush 2 ended") < index("second returned"))
    }

    @Test func callersArrivingDuringAFlushShareTheNextOne() throws {
        let flush = GatedFlush()
        let committer = FolderCommitter(flush: flush.flush)
        let first = Caller("first", committer: committer, log: flush)
        try flush.waitUntil("the first flush began") { flush.began == 1 }
        let others = (0..<8).map { Caller("caller \($0)", committer: committer, log: flush) }
        try flush.waitUntil("nine callers wait") { committer.callers(in: "f") == 9 }
        flush.release()
        try flush.waitUntil("the second flush began") { flush.began == 2 }
        #expect(first.result == .some(nil))
        #expect(others.allSatisfy { $0.result == nil })
        flush.release()
        try flush.waitUntil("all callers returned") { others.allSatisfy { $0.result != nil } }
        #expect(others.allSatisfy { $0.result == .some(nil) })
        #expect(flush.began == 2, "eight callers, one flush")
        #expect(committer.callers(in: "f") == 0)
    }

    @Test func callersOneAfterAnotherEachGetAFlush() {
        let flush = GatedFlush()
        let committer = FolderCommitter(flush: flush.flush)
        for number in 1...3 {
            flush.release()
            #expect(committer.commit("f") == nil)
            #expect(flush.began == number)
        }
    }

    @Test func aFailedFlushReachesEveryCallerItReleases() throws {
        let flush = GatedFlush(failure: "Input/output error")
        let committer = FolderCommitter(flush: flush.flush)
        let first = Caller("first", committer: committer, log: flush)
        try flush.waitUntil("the first flush began") { flush.began == 1 }
        let second = Caller("second", committer: committer, log: flush)
        let third = Caller("third", committer: committer, log: flush)
        try flush.waitUntil("three callers wait") { committer.callers(in: "f") == 3 }
        flush.release()
        flush.release()
        try flush.waitUntil("all callers returned") { [first, second, third].allSatisfy { $0.result != nil } }
        #expect([first, second, third].map(\.result) == Array(repeating: .some("Input/output error"), count: 3))
        #expect(flush.began == 2)
    }

    @Test func differentFoldersFlushAtTheSameTime() throws {
        let flush = GatedFlush()
        let committer = FolderCommitter(flush: flush.flush)
        let day = Caller("day", folder: "received/2026/12/03", committer: committer, log: flush)
        let rejected = Caller("rejected", folder: "rejected/2026/12/03", committer: committer, log: flush)
        try flush.waitUntil("both flushes began, neither released") { flush.began == 2 }
        flush.release()
        flush.release()
        try flush.waitUntil("both callers returned") { day.result != nil && rejected.result != nil }
        #expect(Set(flush.entries.filter { $0.hasPrefix("flushing ") }) == ["flushing received/2026/12/03", "flushing rejected/2026/12/03"])
    }
}

/// A folder flush that writes what happens to a log, and ends each call only once the test has
/// called `release` (returning `failure`).
private final class GatedFlush: Sendable {
    private let gate = DispatchSemaphore(value: 0)
    private let log = Mutex<[String]>([])
    private let failure: String?

    init(failure: String? = nil) {
        self.failure = failure
    }

    var flush: @Sendable (String) -> String? {
        { [self] folder in
            let number = log.withLock { log in
                log.append("flushing \(folder)")
                let number = log.count { $0.hasPrefix("flushing ") }
                log.append("flush \(number) began")
                return number
            }
            // Never left waiting for ever should a test fail before it releases.
            _ = gate.wait(timeout: .now() + 30)
            note("flush \(number) ended")
            return failure
        }
    }

    func release() { gate.signal() }
    func note(_ entry: String) { log.withLock { $0.append(entry) } }
    var entries: [String] { log.withLock { $0 } }
    var began: Int { log.withLock { $0.count { $0.hasPrefix("flushing ") } } }

    /// Polls `condition` until it holds, failing after 20 s.
    func waitUntil(_ what: String, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(20)
        while !condition() {
            guard Date() < deadline else { throw TimedOut(what: what, log: entries) }
            usleep(1_000)
        }
    }

    struct TimedOut: Error, CustomStringConvertible {
        var what: String
        var log: [String]
        var description: String { "timed out waiting until \(what); log: \(log)" }
    }
}

/// A thread that calls `commit` once; `result` is `nil` until it returns, then what it returned.
private final class Caller: Sendable {
    private let outcome = Mutex<String??>(nil)

    init(_ name: String, folder: String = "f", committer: FolderCommitter, log: GatedFlush) {
        log.note("\(name) called")
        Thread { [self] in
            let result = committer.commit(folder)
            log.note("\(name) returned")
            outcome.withLock { $0 = .some(result) }
        }.start()
    }

    var result: String?? { outcome.withLock { $0 } }
}
