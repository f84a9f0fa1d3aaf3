import Dispatch
import RecDeckCore
import Synchronization

/// Runs slow effects (reading event text, writing an export) on worker threads and hands their
/// answers back as `Msg`s: `doorbell` turns readable when one waits, so the run loop polls it with
/// the keyboard and never blocks on disk or a hung mount.
final class EffectWorkers: Sendable {
    private let results = Mutex<(messages: [Msg], running: Int, answers: Int)>(([], 0, 0))
    private let doorbell: Doorbell
    private let queue = DispatchQueue(label: "recdeck.effects", qos: .userInitiated, attributes: .concurrent)
    private let orderedQueue = DispatchQueue(label: "recdeck.effects.ordered", qos: .utility)

    init() throws(WatchError) {
        doorbell = try Doorbell.open()
    }

    deinit {
        doorbell.close()
    }

    /// Readable while an answer waits to be taken.
    var readinessDescriptor: Int32 { doorbell.readEnd }

    /// Effects started whose answers have not been taken yet (an answer waiting in `take()` still
    /// counts: until the run loop has applied it, the screen does not show it).
    var running: Int { results.withLock { $0.running } }

    /// Runs `work` on a worker; its answer arrives through `take()`. Work started `inOrder` runs
    /// one at a time, in the order started (writes of the same file).
    func start(inOrder: Bool = false, _ work: @escaping @Sendable () -> Msg) {
        results.withLock { $0.running += 1 }
        (inOrder ? orderedQueue : queue).async { [self] in
            let message = work()
            results.withLock {
                $0.messages.append(message)
                $0.answers += 1
            }
            doorbell.ring()
        }
    }

    /// Hands `message` to the run loop from a running effect (a download's progress).
    func post(_ message: Msg) {
        results.withLock { $0.messages.append(message) }
        doorbell.ring()
    }

    /// The answers that arrived, in the order they finished.
    func take() -> [Msg] {
        doorbell.drain()
        return results.withLock { state in
            defer { state.messages = [] }
            state.running -= state.answers
            state.answers = 0
            return state.messages
        }
    }
}
