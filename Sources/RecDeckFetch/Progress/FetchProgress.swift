import Foundation
import Synchronization

/// What a running `fetch` has done so far, shared by the transfer threads and the progress
/// display: per file in flight (bytes, size when known), and totals.
public final class FetchProgress: Sendable {
    /// One file being fetched.
    public struct Active: Sendable {
        public var name: String
        public var bytes: Int64
        public var total: Int64?
        /// Bytes it had on disk when it started (a resumed `.part`), not counted in the rate.
        public var startBytes: Int64
        public var started: Date
    }

    /// A consistent copy for one frame.
    public struct Snapshot: Sendable {
        public var filesDone: Int
        public var filesTotal: Int
        /// Bytes of finished files plus what the active ones have on disk.
        public var bytes: Int64
        /// Bytes that arrived in this run (for the rate).
        public var arrived: Int64
        public var active: [Active]
        public var elapsed: TimeInterval
    }

    private struct State {
        var filesDone = 0
        var finishedBytes: Int64 = 0
        var finishedArrived: Int64 = 0
        var active: [Int: Active] = [:]
    }

    private let state = Mutex(State())
    private let started: Date
    public let filesTotal: Int

    public init(files: Int, started: Date = Date()) {
        filesTotal = files
        self.started = started
    }

    /// File `slot` (its index in the plan) has `bytes` on disk, of `total` when known.
    public func update(slot: Int, name: String, bytes: Int64, total: Int64?) {
        state.withLock { state in
            if state.active[slot] == nil {
                state.active[slot] = Active(name: name, bytes: bytes, total: total, startBytes: bytes, started: Date())
            }
            state.active[slot]?.bytes = bytes
            state.active[slot]?.total = total
        }
    }

    /// File `slot` ended with `bytes` on disk (0 when it failed); `arrived` of them came in this run.
    public func finish(slot: Int, bytes: Int64, arrived: Int64) {
        state.withLock { state in
            state.active[slot] = nil
            state.filesDone += 1
            state.finishedBytes += bytes
            state.finishedArrived += arrived
        }
    }

    public func snapshot(now: Date = Date()) -> Snapshot {
        state.withLock { state in
            let active = state.active.sorted { $0.key < $1.key }.map(\.value)
            return Snapshot(filesDone: state.filesDone, filesTotal: filesTotal,
                            bytes: state.finishedBytes + active.reduce(0) { $0 + $1.bytes },
                            arrived: state.finishedArrived + active.reduce(0) { $0 + $1.bytes - $1.startBytes },
                            active: active, elapsed: now.timeIntervalSince(started))
        }
    }
}
