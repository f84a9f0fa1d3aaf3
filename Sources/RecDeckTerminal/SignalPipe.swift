import RecDeckUI
import Glibc

/// A self-pipe for the run loop's `poll()`: signal handlers write the signal number as one byte.
///
/// Handles SIGTSTP, SIGCONT, SIGWINCH and every signal whose default action ends the process
/// (`endingSignals`: INT, TERM, HUP, QUIT, USR1, USR2, ALRM, VTALRM, PROF, XCPU, XFSZ, IO, PWR,
/// SYS, STKFLT), so none of them can leave the terminal raw in the alternate screen, and SIGQUIT
/// no longer lets Swift's backtracer paint over the screen. The handlers only call
/// `write` (async-signal-safe) and keep `errno`. SIGWINCH is chained to the handler that was in
/// place before, if any (ncurses installs its own in `newterm` when none is set). Creating this
/// before or after the `Terminal` both work: `Terminal.readEvents()` also asks the kernel for the
/// window size on every call.
///
/// What the caller does with each signal: an ending one → `terminal.restore()` and exit 128 + n;
/// TSTP → `terminal.suspend()`; CONT → `terminal.invalidate()`; WINCH → `terminal.readEvents()`
/// (standard input is not readable after a resize: the `.resize` only comes out of `readEvents`).
/// Only one `SignalPipe` can be installed at a time; `uninstall()` (or deinit) puts the previous
/// handlers back.
public final class SignalPipe: SignalSource {
    /// The signals written to the pipe.
    public static let signals: [Int32] = endingSignals + [SIGTSTP, SIGCONT, SIGWINCH]

    /// The signals whose default action ends the process (SIGPIPE aside: a write error is reported
    /// where it happens; SIGKILL and SIGSTOP cannot be caught).
    public static let endingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
                                                 SIGPROF, SIGXCPU, SIGXFSZ, SIGIO, SIGPWR, SIGSYS, SIGSTKFLT]

    /// Poll this for `POLLIN`, then call `drain()`.
    public let readDescriptor: Int32
    private let writeDescriptor: Int32
    private var previous: [Int32: sigaction] = [:]
    private var installed = false

    /// Creates the pipe and installs the handlers.
    public init() throws(SignalPipeError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw SignalPipeError(errno: errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = fds[0]
        writeDescriptor = fds[1]
        install()
    }

    deinit {
        uninstall()
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// The signals received since the last call, in arrival order (repeats kept).
    public func drain() -> [Int32] {
        var received: [Int32] = []
        var bytes = [UInt8](repeating: 0, count: 64)
        while true {
            let count = bytes.withUnsafeMutableBytes { read(readDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                received.append(contentsOf: bytes[0..<count].map { Int32($0) })
                continue
            }
            if count < 0, errno == EINTR { continue }
            return received
        }
    }

    /// Puts back the handlers that were in place before; the pipe stays open.
    public func uninstall() {
        guard installed else { return }
        installed = false
        for (signal, var action) in previous { sigaction(signal, &action, nil) }
        previous = [:]
        SignalPipeState.writeDescriptor = -1
        SignalPipeState.chainedWinch = nil
    }

    private func install() {
        SignalPipeState.writeDescriptor = writeDescriptor
        for signal in Self.signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = signalPipeHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous[signal] = old
            if signal == SIGWINCH {
                let handler = old.__sigaction_handler.sa_handler
                // Chain only to a real function, not SIG_DFL (0) / SIG_IGN (1).
                if let handler, unsafeBitCast(handler, to: Int.self) > 1 { SignalPipeState.chainedWinch = handler }
            }
        }
        installed = true
    }
}

/// Why a `SignalPipe` could not be created.
public struct SignalPipeError: Error, Sendable, CustomStringConvertible {
    public let errno: Int32
    public var description: String { "recdeck: cannot create the signal pipe: \(String(cString: strerror(errno)))" }
}

/// What the handler may read: set before the handlers are installed, cleared after.
enum SignalPipeState {
    nonisolated(unsafe) static var writeDescriptor: Int32 = -1
    nonisolated(unsafe) static var chainedWinch: (@convention(c) (Int32) -> Void)? = nil
}

/// The handler: one byte to the pipe, then ncurses' own SIGWINCH handler if there was one.
private func signalPipeHandler(_ signal: Int32) {
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: signal)
    let fd = SignalPipeState.writeDescriptor
    if fd >= 0 { _ = write(fd, &byte, 1) }
    if signal == SIGWINCH, let chained = SignalPipeState.chainedWinch { chained(signal) }
    errno = savedErrno
}
