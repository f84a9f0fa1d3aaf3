#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import RecDeckCore
import RecDeckTerminal
import RecDeckUI

/// The interactive run loop: one thread owns the terminal and waits (poll) on the keyboard, the
/// watcher's batches, the signal pipe and a one-second timer; everything becomes a `Msg`, `update`
/// changes the state, `render` draws it and the terminal writes only what changed.
@MainActor
final class Dashboard {
    private let terminal: Terminal
    private let watcher: DirectoryWatcher
    private let signals: SignalPipe
    private var state: AppState
    private var initialLoadDone = false

    /// Starts the terminal and the watcher; prints one line and exits 2 when the terminal cannot be used.
    init(_ settings: DashboardSettings) {
        do {
            try Terminal.checkEnvironment()
        } catch {
            StandardOutput.message(error.description)
            Foundation.exit(2)
        }
        let watcher: DirectoryWatcher
        do {
            watcher = try DirectoryWatcher(root: settings.directory, options: settings.watchOptions)
        } catch {
            StandardOutput.message("recdeck: \(error.description)")
            Foundation.exit(2)
        }
        // Themes are read and resolved before the terminal starts, and reduced to its colours after.
        let environment = ProcessInfo.processInfo.environment
        let loader = ThemeLoader(locations: ThemeLocations(environment: environment,
                                                           executablePath: ThemeLocations.currentExecutablePath))
        let themes = loader.select(choice: settings.theme, environment: environment)
        do {
            signals = try SignalPipe()
            terminal = try Terminal(mouse: settings.mouse)
        } catch {
            StandardOutput.message("\(error)")
            Foundation.exit(2)
        }
        self.watcher = watcher
        let now = Timestamp.now()
        state = AppState(directory: settings.displayName, size: terminal.size, now: now,
                         localOffsetSeconds: TimeZone.current.secondsFromGMT(), utc: settings.utc, follow: settings.follow,
                         themes: themes.reduced(to: terminal.colorDepth), keymap: settings.keymap)
        if let query = settings.query { state.query = query }
        state.sort = settings.sort
        state.columns = settings.columns
        state.feedStatus = WatchStatus.scanning.description
        if let notice = themes.notice {
            // Held back while curses runs, printed when the terminal is given back.
            for error in themes.errors { StandardOutput.message("recdeck: theme \(error)") }
            _ = update(&state, .notice(notice, isError: true))
            state.message?.until = Timestamp(nanoseconds: now.nanoseconds + Self.themeNoticeNanoseconds)
        }
    }

    /// How long a theme problem stays in the status line (unless something newer replaces it).
    static let themeNoticeNanoseconds: Int64 = 10_000_000_000

    /// Runs until the user quits or a signal ends the program; returns the exit status.
    func run() -> Int32 {
        draw()
        var descriptors = [
            pollfd(fd: terminal.inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: watcher.fileDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signals.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        var nextTick = Timestamp.now().nanoseconds + 100_000_000
        while true {
            let wait = max(0, Int32((nextTick - Timestamp.now().nanoseconds) / 1_000_000))
            for index in descriptors.indices { descriptors[index].revents = 0 }
            let ready = poll(&descriptors, nfds_t(descriptors.count), wait)
            if ready < 0, errno != EINTR { break }
            var effects: [Effect] = []
            var readInput = descriptors[0].revents != 0
            for signal in signals.drain() {
                switch signal {
                case SIGINT, SIGTERM, SIGHUP:
                    return finish(status: 128 + signal)
                case SIGTSTP:
                    terminal.suspend()
                case SIGCONT:
                    terminal.invalidate()
                case SIGWINCH:
                    // The new size arrives through curses as a resize event.
                    readInput = true
                default:
                    break
                }
            }
            if readInput {
                for event in terminal.readEvents() {
                    if case .resize = event { terminal.invalidate() }
                    effects += update(&state, .input(event))
                }
            }
            if descriptors[1].revents != 0, let batch = watcher.takeBatch() {
                effects += apply(batch)
            }
            let now = Timestamp.now()
            if now.nanoseconds >= nextTick {
                effects += update(&state, .tick(now))
                // While files are being read, a progress line every 0.1 s; otherwise the clock every second.
                if let progress = watcher.progress {
                    effects += update(&state, .loadProgress(done: progress.done, total: progress.total))
                } else if state.loading != nil {
                    effects += update(&state, .loadFinished)
                }
                let scanning = state.loading != nil || !initialLoadDone
                nextTick = scanning ? now.nanoseconds + 100_000_000
                    : now.nanoseconds + 1_000_000_000 - now.nanoseconds % 1_000_000_000
            }
            for effect in effects {
                if case .quit = effect { return finish(status: 0) }
                perform(effect)
            }
            draw()
        }
        return finish(status: 1)
    }

    private func apply(_ batch: WatchBatch) -> [Effect] {
        var effects = update(&state, .feedStatus(batch.status.description, isLive: batch.status == .live))
        let initial = !initialLoadDone
        if batch.status != .scanning { initialLoadDone = true }
        effects += update(&state, .storeChanged(batch.delta, summary: batch.summary, problems: batch.problems,
                                                otherEvents: batch.otherEvents, initialLoad: initial))
        if let notice = batch.notice { effects += update(&state, .notice(notice, isError: true)) }
        return effects
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .quit:
            break
        case .redraw:
            terminal.invalidate()
        case .suspend:
            terminal.suspend()
        case .loadEvents(let subject, let events):
            let sections = events.enumerated().map { index, event -> (title: String, text: String) in
                let deliveries = event.deliveries.count
                let title = "── event \(CountText.grouped(index + 1)) of \(CountText.grouped(events.count)) · \(event.location.file) · "
                    + "\(CountText.of(deliveries, "delivery", "deliveries")) ──"
                switch EventText.read(event.location, under: watcher.root) {
                case .success(let text): return (title, text)
                case .failure(let error): return (title, "cannot read the event: \(error.description)")
                }
            }
            _ = update(&state, .eventLoaded(subject: subject, sections: sections))
        case .copy(let text, let what):
            let copied = terminal.copyToClipboard(text)
            _ = update(&state, .notice(copied ? "copied the \(what)" : "the terminal does not accept clipboard writes",
                                       isError: !copied))
        case .export(let path, let ids):
            let recordings = ids.compactMap { state.recordings[$0] }
            let result = RecordingExport.write(recordings, to: path, now: state.now)
            _ = update(&state, .notice(result, isError: result.hasPrefix("cannot")))
        }
    }

    private func draw() {
        terminal.draw(render(state))
    }

    private func finish(status: Int32) -> Int32 {
        terminal.restore()
        signals.uninstall()
        watcher.stop()
        return status
    }
}
