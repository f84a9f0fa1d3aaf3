import Glibc

/// Restores the terminal when the process dies without `Terminal.restore()` running: a Swift
/// runtime trap (SIGILL on x86_64, SIGTRAP on arm64), a fault (SIGSEGV, SIGBUS, SIGFPE) or
/// `abort()` (SIGABRT).
///
/// Everything the handler needs is prepared while curses is active (`arm`): the escape strings
/// that undo curses' screen modes (from terminfo: `sgr0`, `cnorm`, `rmkx`, mouse reporting off,
/// `rmcup`) in a malloc'ed buffer, and the termios saved before curses started. The handler then
/// only uses async-signal-safe calls: `write` to standard output, `tcsetattr` on standard input,
/// `sigaction` to put back the handler that was there before (the default, or the Swift runtime's
/// backtracer), and `raise`, so the process still dies of the same signal (and the backtracer
/// still prints, now on the normal screen). Faults re-execute the faulting instruction instead of
/// raising, so the previous handler sees the real fault context. Before that, what was written to
/// standard error while curses was active (such as the Swift runtime's "Fatal error: …" line) is
/// copied to the real standard error, on the normal screen (see `StandardErrorCapture`).
enum CrashGuard {
    static let signals: [Int32] = [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE]

    /// Prepared state, read by the handler. `active` is 1 while curses owns the screen.
    struct State {
        var active: Int32 = 0
        var restoreBytes: UnsafeMutablePointer<UInt8>? = nil
        var restoreCount: Int = 0
        var termios = Glibc.termios()
        var hasTermios: Int32 = 0
        /// Standard error as it was, while it is being captured (see `StandardErrorCapture`).
        var savedStandardError: Int32 = -1
        /// The unlinked file standard error goes to while captured.
        var captureDescriptor: Int32 = -1
        /// Room for copying the capture back (4 KiB).
        var scratch: UnsafeMutablePointer<UInt8>? = nil
    }

    nonisolated(unsafe) static let state: UnsafeMutablePointer<State> = {
        let pointer = UnsafeMutablePointer<State>.allocate(capacity: 1)
        pointer.initialize(to: State())
        return pointer
    }()

    /// The handlers that were installed before ours, one per entry of `signals`.
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: signals.count)
        pointer.initialize(repeating: sigaction(), count: signals.count)
        return pointer
    }()

    nonisolated(unsafe) private static var handlersInstalled = false
    nonisolated(unsafe) private static var atexitRegistered = false
    nonisolated(unsafe) private static var alternateStack: UnsafeMutableRawPointer? = nil

    /// Saves the terminal modes to return to; call before curses changes them.
    static func saveTermios() {
        var saved = termios()
        if tcgetattr(0, &saved) == 0 {
            state.pointee.termios = saved
            state.pointee.hasTermios = 1
        }
    }

    /// Prepares the restore bytes, installs the handlers (once) and marks curses active.
    static func arm(restoreSequence: [UInt8]) {
        let old = state.pointee.restoreBytes
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, restoreSequence.count))
        bytes.initialize(from: restoreSequence, count: restoreSequence.count)
        // Not active while the pointers change, so a handler never reads a half-set pair.
        state.pointee.active = 0
        state.pointee.restoreBytes = bytes
        state.pointee.restoreCount = restoreSequence.count
        old?.deallocate()
        installHandlers()
        state.pointee.active = 1
    }

    /// Curses has been left normally: the handler has nothing to undo.
    static func disarm() {
        state.pointee.active = 0
    }

    /// Registers `body` to run at `exit()` (once per process).
    static func registerAtExit(_ body: @escaping @convention(c) () -> Void) {
        guard !atexitRegistered else { return }
        atexitRegistered = true
        atexit(body)
    }

    private static func installHandlers() {
        guard !handlersInstalled else { return }
        handlersInstalled = true
        installAlternateStack()
        _ = state
        _ = previous
        for (slot, signal) in signals.enumerated() {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = crashGuardHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigaction(signal, &action, previous + slot)
        }
    }

    /// A stack for the handler, so a stack overflow (SIGSEGV) can still restore the terminal.
    /// Left alone when the thread already has one (the Swift runtime's backtracer sets one up).
    private static func installAlternateStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        let size = 64 * 1024
        guard let memory = malloc(size) else { return }
        alternateStack = memory
        var stack = stack_t(ss_sp: memory, ss_flags: 0, ss_size: size)
        if sigaltstack(&stack, nil) != 0 {
            free(memory)
            alternateStack = nil
        }
    }

    /// The slot of `signal` in `previous`, or -1.
    fileprivate static func slot(of signal: Int32) -> Int {
        switch signal {
        case SIGSEGV: 0
        case SIGILL: 1
        case SIGTRAP: 2
        case SIGABRT: 3
        case SIGBUS: 4
        case SIGFPE: 5
        default: -1
        }
    }
}

private func crashGuardHandler(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    let state = CrashGuard.state
    if state.pointee.active == 1 {
        state.pointee.active = 0
        if let bytes = state.pointee.restoreBytes {
            var offset = 0
            while offset < state.pointee.restoreCount {
                let written = write(1, bytes + offset, state.pointee.restoreCount - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        if state.pointee.hasTermios == 1 { tcsetattr(0, TCSADRAIN, &state.pointee.termios) }
    }
    // The runtime's "Fatal error: …" went to the captured standard error: show it now.
    replayStandardError(state)
    // A fault from the kernel (si_code > 0) re-executes the faulting instruction on return, now
    // with the previous disposition (the Swift runtime's backtracer, which reports it and ends the
    // process). A sent signal (kill, raise, abort: si_code <= 0) goes to the default disposition
    // and is raised again: the runtime's handler would report it and then let the process go on.
    // SIGTRAP is raised again too, since the trap instruction would not repeat.
    let code = info?.pointee.si_code ?? 0
    let slot = CrashGuard.slot(of: signal)
    if slot >= 0, code > 0 {
        _ = sigaction(signal, CrashGuard.previous + slot, nil)
    } else {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        _ = sigaction(signal, &action, nil)
    }
    if signal == SIGTRAP || code <= 0 { raise(signal) }
}
