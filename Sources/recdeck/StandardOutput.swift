import Glibc
import RecDeckCore

/// Buffered writes to standard output and standard error.
///
/// A closed pipe (`recdeck list | head -1`) ends the program quietly with status 0 instead of
/// an error or a SIGPIPE death; any other failed write (ENOSPC, EIO: `> /dev/full`) is said on
/// standard error and ends it with status 2.
enum StandardOutput {
    nonisolated(unsafe) private static var buffer: [UInt8] = []

    /// Ignores SIGPIPE so a closed pipe shows up as EPIPE, handled in `flush()`.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        buffer.reserveCapacity(1 << 16)
    }

    /// Queues `text` and a line break for standard output.
    static func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Queues whole lines already in bytes for standard output.
    static func lines(_ lines: OutputBytes) {
        buffer.append(contentsOf: lines.bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes what is queued.
    static func flush() {
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { raw in
                write(1, raw.baseAddress! + written, raw.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(0) }
                // A full disk or a failing device: the output is lost, so this is an error.
                message("recdeck: cannot write to standard output: \(String(cString: strerror(errno)))")
                exit(2)
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes a message for a person to standard error at once.
    static func message(_ text: String) {
        raw(text + "\n")
    }

    /// Writes `text` to standard error at once, without a line break (a progress line redrawn in place).
    static func raw(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { raw in _ = write(2, raw.baseAddress!, raw.count) }
    }

    /// Whether standard output is a terminal.
    static var isTerminal: Bool { isatty(1) == 1 }

    /// The terminal's width in cells when standard output is a terminal (`$COLUMNS`, then 80,
    /// when the terminal does not say); `nil` for a pipe or a file, which get whole lines.
    static var terminalWidth: Int? {
        guard isTerminal else { return nil }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 { return columns }
        return 80
    }
}
