import Foundation
import RecDeckCore
import RecDeckUI
import Testing

/// A terminal whose input has hung up: a pipe whose write end is closed reports POLLHUP, as a
/// terminal that went away without a SIGHUP does (and reads then fail with EIO).
private final class HungUpTerminal: TerminalBackend {
    let size = (width: 80, height: 24)
    let inputDescriptor: Int32
    private(set) var reads = 0

    init() {
        var ends: [Int32] = [-1, -1]
        _ = pipe(&ends)
        close(ends[1])
        inputDescriptor = ends[0]
    }

    deinit { close(inputDescriptor) }

    func readEvents() -> [InputEvent] {
        reads += 1
        return []
    }

    func draw(_ buffer: Buffer) {}
    func invalidate() {}
    func suspend() {}
    func copyToClipboard(_ text: String) -> Bool { false }
}

@Suite struct HangUpTests {
    @Test func aHungUpTerminalEndsTheProgramAsAHangUp() throws {
        let backend = HungUpTerminal()
        let state = AppState(directory: "~/events", size: backend.size, now: Timestamp(nanoseconds: 0), utc: true)
        let program = try Program(state: state, backend: backend, source: nil, clock: { Timestamp(nanoseconds: 0) })
        // A hung-up input is ready at once (poll reports POLLHUP), so the first step ends the
        // program: one that waited or read on would need more steps.
        #expect(program.step(maximumWait: 1000) == .signal(SIGHUP))
    }
}
