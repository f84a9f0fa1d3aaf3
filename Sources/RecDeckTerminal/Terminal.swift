import CNcurses
import RecDeckUI
import Glibc

/// The terminal, through ncursesw: draws `Buffer`s, reads keys, mouse and resizes, and puts the
/// terminal back the way it was on every way out.
///
/// One at a time per process, used from one thread (the run loop's). Typical use:
///
/// ```swift
/// do { try Terminal.checkEnvironment() } catch { printToStandardError(error.description); exit(2) }
/// let terminal = try Terminal(mouse: true, colorMode: .automatic)
/// let signals = try SignalPipe()   // before or after the terminal, see SignalPipe
/// defer { terminal.restore() }
/// // poll(terminal.inputDescriptor, signals.readDescriptor, …); drain() the signals;
/// // readEvents() when input is readable or a SIGWINCH came; draw(_:)
/// ```
///
/// Restoring: `restore()` on a normal exit (and on SIGINT/SIGTERM/SIGHUP read from the
/// `SignalPipe`); an `atexit` handler does it if `exit()` is called while curses is active; a
/// handler for SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS and SIGFPE does it for a Swift trap or a
/// crash (see `CrashGuard`). While curses is active, standard error is held back and written out
/// when it lets go (see `StandardErrorCapture`), so stray messages cannot garble the screen and a
/// crash's "Fatal error" line is not lost with the alternate screen.
public final class Terminal: TerminalBackend {
    /// The colours this terminal shows (after `NO_COLOR` and the `ColorMode`). Themes can be
    /// reduced to it; `draw` reduces whatever it is given anyway.
    public let colorDepth: ColorDepth
    /// Whether mouse reporting was asked for.
    public let mouseEnabled: Bool
    /// Standard input: poll it for `POLLIN`, then call `readEvents()`.
    public var inputDescriptor: Int32 { 0 }

    private let screen: OpaquePointer
    private var active = true
    private var previous: Buffer?
    private var lastReportedSize: (width: Int, height: Int)
    private let palette: CursesPalette
    private var paste = BracketedPaste()
    /// Asks the terminal to mark pasted text (bracketed paste), and stops asking.
    private static let bracketedPasteOn = "\u{1B}[?2004h", bracketedPasteOff = "\u{1B}[?2004l"
    /// Asks the terminal for SGR mouse reports (columns past 223; read by `SGRMouseReport` when
    /// curses does not read them itself), and stops asking.
    private static let sgrMouseOn = "\u{1B}[?1006h", sgrMouseOff = "\u{1B}[?1006l"

    /// Starts curses on standard input/output (with `newterm`, which fails instead of exiting).
    /// Call `checkEnvironment()` first.
    ///
    /// Sets a UTF-8 locale (falling back to C.UTF-8 when the environment's is not UTF-8), raw
    /// input (Ctrl-C and Ctrl-Z arrive as keys), no echo, keypad keys, non-blocking reads, a 25 ms
    /// Escape delay and a hidden cursor; mouse reporting (button-1 press, wheel) when `mouse`.
    public init(mouse: Bool = true, colorMode: ColorMode = .automatic) throws(TerminalError) {
        Terminal.useUTF8Locale()
        CrashGuard.saveTermios()
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard let screen = newterm(nil, recdeck_stdout(), recdeck_stdin()) else {
            throw .startFailed(term)
        }
        self.screen = screen
        set_term(screen)
        raw()
        noecho()
        let window = recdeck_stdscr()
        keypad(window, true)
        nodelay(window, true)
        intrflush(window, false)
        leaveok(window, true)
        typeahead(-1)
        set_escdelay(25)
        curs_set(0)

        let noColor = getenv("NO_COLOR").map { String(cString: $0) }
        var depth = ColorDepth.detect(noColor: noColor, hasColors: has_colors(), colors: Int(recdeck_terminfo_colors()),
                                      directColor: recdeck_flag_capability("RGB") == 1)
        switch colorMode {
        case .automatic: break
        case .none: depth = .none
        case .limited(let limit): depth = min(depth, limit)
        }
        var defaultColors = false
        if depth != .none {
            start_color()
            defaultColors = use_default_colors() == OK
        }
        colorDepth = depth
        palette = CursesPalette(depth: depth, defaultColors: defaultColors,
                                pairLimit: depth == .none ? 1 : min(recdeck_color_pairs(), Int32(Int16.max)))

        mouseEnabled = mouse
        lastReportedSize = (Int(getmaxx(window)), Int(getmaxy(window)))
        enableMouse()
        Self.writeToTerminal(Self.bracketedPasteOn)
        StandardErrorCapture.begin()
        armCrashGuard()
        CrashGuard.registerAtExit(terminalAtExit)
    }

    deinit {
        restore()
        delscreen(screen)
    }

    /// The size curses uses now, in cells.
    public var size: (width: Int, height: Int) {
        let window = recdeck_stdscr()
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    // MARK: drawing

    /// Writes `buffer`, top-left at the screen's top-left, clipped to the screen. Only the cells
    /// `Buffer.diff` finds changed since the last drawn buffer are given to curses (everything
    /// after `invalidate()` or a size change); a wide grapheme is written once at its lead. Then
    /// one `doupdate`, which sends the terminal only what changed. The screen is never cleared here.
    public func draw(_ buffer: Buffer) {
        guard active else { return }
        let window = recdeck_stdscr()
        let old = previous.flatMap { $0.width == buffer.width && $0.height == buffer.height ? $0 : nil }
        if old == nil { werase(window) }
        let screenSize = size
        for change in buffer.diff(from: old) where change.row < screenSize.height && change.column < screenSize.width {
            if change.width == 2 && change.column + 1 >= screenSize.width {
                // A wide grapheme cut by the screen's right edge.
                put(" ", style: change.cell.style, column: change.column, row: change.row)
            } else if put(change.cell.text, style: change.cell.style, column: change.column, row: change.row) < change.width {
                // The buffer counts 2 cells where the C library counts 1 (a flag, an emoji
                // with U+FE0F, a character newer than glibc's tables): blank the second cell
                // so nothing stale stays there and the columns after it stay aligned.
                put(" ", style: change.cell.style, column: change.column + 1, row: change.row)
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
    }

    /// Forces the next `draw` to repaint everything from a cleared screen (Ctrl-L, after a resize,
    /// after resuming).
    public func invalidate() {
        previous = nil
        if active { clearok(recdeck_stdscr(), true) }
    }

    /// Puts one cell's grapheme into curses' window; returns the cells curses counts for it.
    @discardableResult
    private func put(_ text: String, style: Style, column: Int, row: Int) -> Int {
        let look = palette.look(of: style)
        let scalars = CellGlyph.scalars(for: text) { Int(recdeck_wcwidth($0.value)) }
        var characters = scalars.map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        var cell = cchar_t()
        setcchar(&cell, characters, look.attributes, look.pair, nil)
        mvwadd_wch(recdeck_stdscr(), Int32(row), Int32(column), &cell)
        return max(1, Int(recdeck_wcwidth(scalars[0].value)))
    }

    // MARK: input

    /// Everything the terminal has to say right now (never blocks): keys, mouse actions, and one
    /// `.resize` with the new size when the size changed (which also invalidates the screen).
    ///
    /// Call it when `inputDescriptor` is readable and also after a SIGWINCH from the
    /// `SignalPipe`: a resize does not make standard input readable.
    public func readEvents() -> [InputEvent] {
        guard active else { return [] }
        let window = recdeck_stdscr()
        var events: [InputEvent] = []
        var resized = false
        // A long paste is many characters but one event: bound what one call reads, not the events.
        for _ in 0..<(1 << 20) {
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == ERR { break }
            if result == KEY_CODE_YES {
                let code = Int32(bitPattern: character)
                if code == KEY_RESIZE {
                    resized = true
                } else if code == KEY_MOUSE {
                    var mouse = MEVENT()
                    if getmouse(&mouse) == OK, let action = KeyDecoder.mouseAction(buttonState: UInt(mouse.bstate)) {
                        events.append(.mouse(MouseEvent(action: action, column: Int(mouse.x), row: Int(mouse.y))))
                    }
                } else {
                    events += paste.feed([.keyCode(code)])
                }
            } else {
                events += paste.feed([.character(UInt32(character))])
            }
        }
        events += paste.endOfRead()
        // The kernel's size wins: ncurses only notices a resize when its own SIGWINCH handler ran.
        var rows: Int32 = 0
        var columns: Int32 = 0
        if recdeck_window_size(1, &rows, &columns) == 1, Int(columns) != size.width || Int(rows) != size.height {
            resize_term(rows, columns)
            resized = true
        }
        let now = size
        if resized || now != lastReportedSize {
            lastReportedSize = now
            invalidate()
            events.append(.resize(width: now.width, height: now.height))
        }
        return events
    }

    // MARK: leaving

    /// Puts the terminal back: mouse reporting off, cursor visible, `endwin` (which leaves the
    /// alternate screen and restores the saved modes). Safe to call more than once; after it the
    /// terminal draws and reads nothing.
    public func restore() {
        guard active else { return }
        active = false
        leaveCurses()
    }

    /// For SIGTSTP: restores the terminal, stops the process (as Ctrl-Z would), and when it is
    /// continued enters curses again with a full repaint pending. The size may have changed
    /// meanwhile: the next `readEvents()` reports it.
    public func suspend() {
        guard active else { return }
        leaveCurses()
        raise(SIGSTOP)
        // Continued.
        let window = recdeck_stdscr()
        reset_prog_mode()
        doupdate()
        keypad(window, true)
        nodelay(window, true)
        curs_set(0)
        enableMouse()
        Self.writeToTerminal(Self.bracketedPasteOn)
        StandardErrorCapture.begin()
        armCrashGuard()
        invalidate()
    }

    /// Asks the terminal to put `text` on the clipboard with OSC 52 (see `OSC52`), written to
    /// standard output after everything curses had to write. Returns whether it was written;
    /// whether the terminal acted on it cannot be known.
    @discardableResult
    public func copyToClipboard(_ text: String) -> Bool {
        guard active else { return false }
        recdeck_fflush_stdout()
        let bytes = OSC52.sequence(for: text)
        return bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(1, raw.baseAddress! + offset, raw.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    /// Mouse reporting for button-1 press and the wheel, when asked for. The click interval is
    /// 1 ms rather than 0: with 0, ncurses drops a press that is read together with its release;
    /// with 1 they become a click, which `KeyDecoder` reports as a press too.
    ///
    /// Reports in the SGR encoding (`?1006h`), whatever terminfo says: curses reads them itself
    /// when the terminal's `kmous` is `ESC [ <` (xterm), and `SGRMouseReport` does when it is
    /// `ESC [ M` (tmux, screen), whose X10 reports stop at column 223.
    private func enableMouse() {
        guard mouseEnabled else { return }
        mousemask(KeyDecoder.reportedButtons, nil)
        mouseinterval(1)
        Self.writeToTerminal(Self.sgrMouseOn)
    }

    private func leaveCurses() {
        Terminal.endCurses(mouse: mouseEnabled)
    }

    /// The sequence the crash handler writes: what `endwin` would send, from terminfo.
    private func armCrashGuard() {
        var bytes: [UInt8] = []
        func capability(_ name: String) {
            if let value = recdeck_string_capability(name) { bytes += Array(String(cString: value).utf8) }
        }
        capability("sgr0")
        bytes += Array(Self.bracketedPasteOff.utf8)
        if mouseEnabled { bytes += Array((Self.sgrMouseOff + "\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000l").utf8) }
        capability("cnorm")
        capability("rmkx")
        capability("rmcup")
        CrashGuard.arm(restoreSequence: bytes)
    }

    /// Leaves curses mode (shared by `restore`, `suspend` and the `atexit` handler).
    fileprivate static func endCurses(mouse: Bool) {
        if mouse {
            mousemask(0, nil)
            writeToTerminal(sgrMouseOff)
        }
        writeToTerminal(bracketedPasteOff)
        curs_set(1)
        endwin()
        recdeck_fflush_stdout()
        CrashGuard.disarm()
        StandardErrorCapture.end()
    }

    /// Writes `sequence` to standard output after whatever curses has buffered.
    private static func writeToTerminal(_ sequence: String) {
        recdeck_fflush_stdout()
        var bytes = Array(sequence.utf8)
        _ = write(1, &bytes, bytes.count)
    }

    /// Selects the user's locale, and C.UTF-8 for characters when that is not UTF-8 (LANG unset
    /// in CI or a tmux server gives ASCII, which garbles wide text).
    static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        if codeset.uppercased().filter({ $0 != "-" }) != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}

/// `exit()` while curses is active (a `fatalError`-free error path that calls `exit`): restore.
private func terminalAtExit() {
    if CrashGuard.state.pointee.active == 1 { Terminal.endCurses(mouse: true) }
}
