/// What the `Program` needs from a terminal: draw frames, read input, and the few terminal
/// operations effects ask for. `RecDeckTerminal.Terminal` is the ncurses backend; `TestBackend`
/// keeps the screen in memory for tests and benchmarks.
///
/// Used from the one thread that runs the `Program`.
public protocol TerminalBackend: AnyObject {
    /// The screen's size in cells now.
    var size: (width: Int, height: Int) { get }
    /// Readable (`POLLIN`) when input waits; then `readEvents()` returns it.
    var inputDescriptor: Int32 { get }
    /// Everything that arrived (keys, pastes, mouse, a resize), never blocking.
    func readEvents() -> [InputEvent]
    /// Shows `buffer`, writing only what differs from the last frame drawn (`Buffer.diff`).
    func draw(_ buffer: Buffer)
    /// The next `draw` repaints every cell (Ctrl-L, after a resize or a suspend).
    func invalidate()
    /// Gives the terminal back until the process is continued (Ctrl-Z).
    func suspend()
    /// Asks the terminal to put `text` on the clipboard; whether the request could be written.
    func copyToClipboard(_ text: String) -> Bool
}

/// Signals the `Program` reacts to, as a descriptor to poll and the numbers that arrived
/// (`RecDeckTerminal.SignalPipe`; tests pass none).
public protocol SignalSource: AnyObject {
    var readDescriptor: Int32 { get }
    /// The signal numbers received since the last call.
    func drain() -> [Int32]
}
