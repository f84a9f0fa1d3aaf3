import CMalloc
import Glibc
import Foundation
import RecDeckCore
import RecDeckTerminal
import RecDeckUI

/// The interactive dashboard: starts the terminal, the watcher and the signal pipe, hands them to
/// a `Program` (the run loop), and gives the terminal back when it ends.
@MainActor
final class Dashboard {
    private let terminal: Terminal
    private let watcher: DirectoryWatcher
    private let signals: SignalPipe
    private let program: Program

    /// Starts the terminal and the watcher; prints one line and exits 2 when the terminal cannot be used.
    /// `source`, when given, makes the run loop's source from the watcher (`recdeck serve` adds its counts).
    init(_ settings: DashboardSettings, source: ((DirectoryWatcher) -> EventSource)? = nil) {
        Self.holdMapThreshold()
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
        let terminal: Terminal
        do {
            signals = try SignalPipe()
            terminal = try Terminal(mouse: settings.mouse)
        } catch {
            StandardOutput.message("\(error)")
            Foundation.exit(2)
        }
        self.terminal = terminal
        self.watcher = watcher
        let now = Timestamp.now()
        var state = AppState(directory: settings.displayName, size: terminal.size, now: now,
                             localOffsetSeconds: TimeZone.current.secondsFromGMT(), utc: settings.utc, follow: settings.follow,
                             themes: themes.reduced(to: terminal.colorDepth), keymap: settings.keymap)
        if let query = settings.query { state.setQuery(query) }
        state.setSort(settings.sort)
        state.columns = settings.columns
        if let notice = themes.notice {
            // Held back while curses runs, printed when the terminal is given back.
            for error in themes.errors { StandardOutput.message("recdeck: theme \(error)") }
            _ = update(&state, .notice(notice, isError: true))
            state.message?.until = now.advanced(by: Self.themeNoticeNanoseconds)
        }
        do {
            let downloads = DashboardDownloads.make(connectionStringFile: settings.connectionStringFile, folder: settings.downloadDir)
            program = try Program(state: state, backend: terminal, source: source?(watcher) ?? watcher, signals: signals,
                                  downloads: downloads.runner, downloadsUnavailable: downloads.unavailable,
                                  history: PromptHistoryFile.defaultPath(environment: environment).map(PromptHistoryFile.init))
        } catch {
            terminal.restore()
            StandardOutput.message("recdeck: \(error.description)")
            Foundation.exit(2)
        }
    }

    /// How long a theme problem stays in the status line (unless something newer replaces it).
    static let themeNoticeNanoseconds: Int64 = 10_000_000_000

    /// Runs until the user quits or a signal ends the program; returns the exit status.
    ///
    /// The terminal is given back at once; the watcher and the loaded recordings are left for the
    /// process's exit to reclaim (the caller exits right after): freeing 100,000 recordings one by
    /// one, or waiting for the watcher to finish a scan, would only delay it.
    func run() -> Int32 {
        let exit = program.run()
        terminal.restore()
        signals.uninstall()
        _ = Unmanaged.passRetained(self)
        switch exit {
        case .quit: return 0
        case .signal(let number): return 128 + number
        case .failed: return 1
        }
    }

    /// Holds glibc's mmap threshold at its default, 128 KiB, instead of letting it rise (up to
    /// 32 MiB) each time a large block is freed. The store's tables and the dashboard's lists grow
    /// by doubling; with a risen threshold every outgrown one stays behind as a hole in the heap that
    /// is never given back, while a held threshold maps and unmaps large blocks whole. Measured at
    /// 100,000 files: the dashboard's peak 176 → 165 MB. Only for the dashboard, which stays up for
    /// days: mapping every large block afresh costs a one-shot `list` of 1,000,000 events about a
    /// tenth more time (6.4 → 7.0 s) for 4 MB less at 100,000 files.
    private static func holdMapThreshold() {
        mallopt(M_MMAP_THRESHOLD, 128 * 1024)
    }
}
