import Glibc

/// While curses owns the screen, standard error (when it is the terminal) is sent to an unlinked
/// temporary file instead, and copied to the real standard error when curses lets go.
///
/// A line written to the terminal behind curses' back would garble the dashboard, and whatever
/// lands on the alternate screen is lost when it is left: without this, the Swift runtime's
/// "Fatal error: …" message would vanish with the crash that follows it. Warnings printed while the
/// dashboard runs therefore appear after it exits. Standard error that is a file or a pipe is left
/// alone.
enum StandardErrorCapture {
    /// Starts capturing, unless standard error is not a terminal or capture is already on.
    static func begin() {
        let state = CrashGuard.state
        guard state.pointee.captureDescriptor < 0, isatty(2) == 1 else { return }
        if state.pointee.scratch == nil { state.pointee.scratch = .allocate(capacity: 4096) }
        var template = Array("/tmp/recdeck-stderr-XXXXXX".utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else { return }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        let saved = dup(2)
        guard saved >= 0 else {
            close(file)
            return
        }
        _ = fcntl(saved, F_SETFD, FD_CLOEXEC)
        _ = fcntl(file, F_SETFD, FD_CLOEXEC)
        state.pointee.savedStandardError = saved
        state.pointee.captureDescriptor = file
        dup2(file, 2)
    }

    /// Puts standard error back and writes out what was captured.
    static func end() {
        replayStandardError(CrashGuard.state)
    }
}

/// Puts standard error back and copies the capture to it. Async-signal-safe (dup2, lseek, read,
/// write, close), so the crash handler uses it too.
func replayStandardError(_ state: UnsafeMutablePointer<CrashGuard.State>) {
    let file = state.pointee.captureDescriptor
    let saved = state.pointee.savedStandardError
    guard file >= 0, saved >= 0 else { return }
    state.pointee.captureDescriptor = -1
    state.pointee.savedStandardError = -1
    dup2(saved, 2)
    close(saved)
    if let scratch = state.pointee.scratch, lseek(file, 0, SEEK_SET) == 0 {
        while true {
            let count = read(file, scratch, 4096)
            if count <= 0 { break }
            var offset = 0
            while offset < count {
                let written = write(2, scratch + offset, count - offset)
                if written <= 0 { break }
                offset += written
            }
            if offset < count { break }
        }
    }
    close(file)
}
