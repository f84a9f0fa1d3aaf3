import RecDeckCore

/// A terminal in memory, for running the whole dashboard in tests and benchmarks: input is queued
/// by the test (and makes `inputDescriptor` readable, so the `Program` polls it like a keyboard),
/// frames are applied through `Buffer.diff` onto `screen`, the way a terminal would show them.
///
/// ```swift
/// let backend = try TestBackend(width: 120, height: 40)
/// let program = try Program(state: state, backend: backend, source: watcher, clock: clock.now)
/// backend.press(.character("j"))
/// program.step(maximumWait: 0)
/// #expect(backend.screen.text.contains("rec-2"))
/// ```
///
/// Used from one thread: the one that runs the program.
public final class TestBackend: TerminalBackend {
    public private(set) var size: (width: Int, height: Int)
    /// What the screen shows after the last frame.
    public private(set) var screen: Buffer
    /// The changes the last frame wrote (everything after `invalidate()` or a resize).
    public private(set) var lastChanges: [BufferChange] = []
    /// Frames drawn so far.
    public private(set) var frames = 0
    /// Texts the program asked to put on the clipboard.
    public private(set) var clipboard: [String] = []
    /// Whether clipboard writes succeed (a terminal that refuses them answers false).
    public var acceptsClipboard = true
    /// How many times the program gave the terminal back (Ctrl-Z).
    public private(set) var suspensions = 0
    private var queued: [InputEvent] = []
    private var lastDrawn: Buffer?
    private let doorbell: Doorbell

    public init(width: Int, height: Int) throws(WatchError) {
        size = (width, height)
        screen = Buffer(width: width, height: height)
        doorbell = try Doorbell.open()
    }

    deinit {
        doorbell.close()
    }

    // MARK: What the test does

    /// Queues input for the program's next round.
    public func send(_ events: [InputEvent]) {
        queued += events
        doorbell.ring()
    }

    /// Queues key presses.
    public func press(_ keys: Key...) {
        send(keys.map { .key($0) })
    }

    /// Queues `text` typed one character at a time.
    public func type(_ text: String) {
        send(text.map { .key(.character($0)) })
    }

    /// Queues `text` as one bracketed paste.
    public func paste(_ text: String) {
        send([.paste(text)])
    }

    /// The terminal window changes size: the screen is cleared and a resize event queued.
    public func resize(width: Int, height: Int) {
        size = (width, height)
        send([.resize(width: width, height: height)])
    }

    /// The screen's rows joined with line breaks, trailing spaces trimmed.
    public var text: String { screen.text }

    // MARK: TerminalBackend

    public var inputDescriptor: Int32 { doorbell.readEnd }

    public func readEvents() -> [InputEvent] {
        doorbell.drain()
        defer { queued = [] }
        return queued
    }

    public func draw(_ buffer: Buffer) {
        let blank = Buffer(width: buffer.width, height: buffer.height)
        let base = lastDrawn.flatMap { $0.width == buffer.width && $0.height == buffer.height ? screen : nil } ?? blank
        lastChanges = buffer.diff(from: lastDrawn)
        screen = base.applying(lastChanges)
        lastDrawn = buffer
        frames += 1
    }

    public func invalidate() {
        lastDrawn = nil
    }

    public func suspend() {
        suspensions += 1
        invalidate()
    }

    public func copyToClipboard(_ text: String) -> Bool {
        guard acceptsClipboard else { return false }
        clipboard.append(text)
        return true
    }
}
