import Glibc
import RecDeckCore

/// How a `Program` ended.
public enum ProgramExit: Sendable, Hashable {
    /// The user quit (`q`).
    case quit
    /// A signal that ends the program arrived (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1…), or the
    /// terminal hung up (reported as SIGHUP); the exit status is 128 + the number.
    case signal(Int32)
    /// `poll()` failed for a reason other than a signal.
    case failed(errno: Int32)
}

/// The dashboard's run loop, owning everything that happens: it waits (`poll`) on the terminal's
/// input, the event source's batches, the effect workers' answers, the signals and a timer; each
/// becomes a `Msg`; `update` changes the state and returns effects, which are carried out (slow
/// ones on workers, answering with more `Msg`s; every effect of every `update` is carried out);
/// then the state is rendered and the backend draws what changed.
///
/// The same loop runs on a real terminal (`Terminal`) and in tests and benchmarks (`TestBackend`,
/// with a fake clock): `run()` loops until the end, `step(maximumWait:)` does one round.
public final class Program {
    /// The state as of the last round.
    public private(set) var state: AppState
    private let backend: TerminalBackend
    private let source: EventSource?
    private let signals: SignalSource?
    private let clock: () -> Timestamp
    private let workers: EffectWorkers
    private var nextTick: Int64
    private var initialLoadDone = false
    /// How long a round waits for effects it just started (an event's text, usually under a
    /// millisecond) before drawing, so moving the selection does not flash "loading…".
    private let effectGraceMilliseconds: Int32
    /// What downloads for `d`; `nil` answers each with `downloadsUnavailable`.
    private let downloads: DownloadRunner?
    private let downloadsUnavailable: String
    /// Where the prompts' history is kept across runs; `nil`: only for this run.
    private let history: PromptHistoryFile?

    /// A program over `state`, drawing on `backend`, following `source` (none: nothing arrives).
    /// `clock` gives the time for ticks; tests pass a fake one and move it themselves. `downloads`
    /// carries out `d` (without one, `d` answers `downloadsUnavailable`). `history`, when given,
    /// is read at once (on a worker) and written each time a prompt adds to it.
    public init(state: AppState, backend: TerminalBackend, source: EventSource?, signals: SignalSource? = nil,
                clock: @escaping () -> Timestamp = { Timestamp.now() }, effectGraceMilliseconds: Int32 = 10,
                downloads: DownloadRunner? = nil, downloadsUnavailable: String = "downloads are not available here",
                history: PromptHistoryFile? = nil) throws(WatchError) {
        self.state = state
        self.state.canDownload = downloads != nil
        self.downloads = downloads
        self.downloadsUnavailable = downloadsUnavailable
        self.backend = backend
        self.source = source
        self.signals = signals
        self.clock = clock
        self.effectGraceMilliseconds = effectGraceMilliseconds
        workers = try EffectWorkers()
        nextTick = clock().advanced(by: 100_000_000).nanoseconds
        if source == nil { initialLoadDone = true }
        self.history = history
        if let history { workers.start(inOrder: true) { .historyLoaded(history.load()) } }
    }

    /// Draws the first frame, then runs rounds until the user quits or a signal ends the program.
    public func run() -> ProgramExit {
        draw()
        while true {
            if let exit = step(maximumWait: -1) { return exit }
        }
    }

    /// Effects started and not answered yet (tests wait for none before asserting a frame).
    public var effectsRunning: Int { workers.running }

    /// One round: waits up to `maximumWait` milliseconds (-1: until the next tick) for something
    /// to happen, handles everything that did, and draws. Returns how the program ended, if it did.
    @discardableResult
    public func step(maximumWait: Int32) -> ProgramExit? {
        var descriptors = [
            pollfd(fd: backend.inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: workers.readinessDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: source?.readinessDescriptor ?? -1, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signals?.readDescriptor ?? -1, events: Int16(POLLIN), revents: 0),
        ]
        let untilTick = Int32(clamping: max(0, Timestamp(nanoseconds: nextTick).nanoseconds(since: clock()) / 1_000_000))
        let wait = maximumWait < 0 ? untilTick : min(maximumWait, untilTick)
        let ready = poll(&descriptors, nfds_t(descriptors.count), wait)
        if ready < 0, errno != EINTR { return .failed(errno: errno) }

        var messages: [Msg] = []
        var readInput = descriptors[0].revents != 0
        for signal in signals?.drain() ?? [] {
            switch signal {
            case SIGTSTP:
                backend.suspend()
            case SIGCONT:
                backend.invalidate()
            case SIGWINCH:
                readInput = true // the new size arrives as a resize event
            default:
                return .signal(signal) // every other signal the source passes ends the program
            }
        }
        // The terminal went away without a SIGHUP (the shell ignores HUP, `disown -h`): its input
        // reports a hang-up (reads fail with EIO) forever, so polling it again would spin.
        if descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .signal(SIGHUP) }
        if readInput {
            for event in backend.readEvents() {
                if case .resize = event { backend.invalidate() }
                messages.append(.input(event))
            }
        }
        if descriptors[2].revents != 0, let batch = source?.takeBatch() {
            messages += self.messages(for: batch)
        }
        if descriptors[1].revents != 0 { messages += workers.take() }
        let now = clock()
        if now.nanoseconds >= nextTick {
            messages.append(.tick(now))
            if let receiving = source?.receiving { messages.append(.receiving(receiving)) }
            // While files are being read, a progress line every 0.1 s; otherwise the clock every second.
            if let progress = source?.progress {
                messages.append(.loadProgress(done: progress.done, total: progress.total))
            } else if state.loading != nil {
                messages.append(.loadFinished)
            }
            let scanning = state.loading != nil || !initialLoadDone
            nextTick = now.advanced(by: scanning ? 100_000_000 : 1_000_000_000 - now.nanoseconds % 1_000_000_000).nanoseconds
        }
        guard !messages.isEmpty else { return nil }
        let started = workers.running
        if let exit = handle(messages) { return exit }
        if workers.running > started, effectGraceMilliseconds > 0 {
            var answer = pollfd(fd: workers.readinessDescriptor, events: Int16(POLLIN), revents: 0)
            if poll(&answer, 1, effectGraceMilliseconds) > 0, let exit = handle(workers.take()) { return exit }
        }
        draw()
        return nil
    }

    /// Applies `messages` in order, and every message their effects answer with, until none is left.
    private func handle(_ messages: [Msg]) -> ProgramExit? {
        var queue = messages[...]
        while let message = queue.popFirst() {
            for effect in update(&state, message) {
                switch perform(effect) {
                case .exit(let exit): return exit
                case .answer(let answer): queue.append(answer)
                case .none: break
                }
            }
        }
        return nil
    }

    private func messages(for batch: WatchBatch) -> [Msg] {
        var messages: [Msg] = [.feedStatus(batch.status, notice: batch.notice)]
        // Counts of what was received change with the files it wrote: show both in the same frame.
        if let receiving = source?.receiving { messages.append(.receiving(receiving)) }
        if let callEvents = batch.callEvents { messages.append(.callEventsChanged(callEvents)) }
        let initial = !initialLoadDone
        if batch.status != .scanning { initialLoadDone = true }
        messages.append(.storeChanged(batch.delta, summary: batch.summary, problems: batch.problems,
                                      otherEvents: batch.otherEvents, initialLoad: initial))
        return messages
    }

    private enum Outcome {
        case none
        case exit(ProgramExit)
        case answer(Msg)
    }

    private func perform(_ effect: Effect) -> Outcome {
        switch effect {
        case .quit:
            return .exit(.quit)
        case .redraw:
            backend.invalidate()
        case .suspend:
            backend.suspend()
        case .loadEvents(let subject, let events):
            let source = source
            workers.start { EventSections.message(for: events, from: source, subject: subject, delivery: 0) }
        case .loadDelivery(let subject, let events, let delivery):
            let source = source
            workers.start { EventSections.message(for: events, from: source, subject: subject, delivery: delivery) }
        case .listCalls(let request):
            workers.start { request.run() }
        case .filterRecordings(let request):
            workers.start { request.run() }
        case .listPaths(let listing):
            workers.start { listing.run() }
        case .sortRecordings(let request):
            workers.start { request.run() }
        case .copy(let text, let what, let keepsLayout):
            // What is pasted must not act: an id holding ESC [201~, a newline and a command would
            // run the command in a shell. Every copy target loses its control characters, and says so
            // (line breaks and tabs stay where they are the layout of the event JSON).
            let layout: Set<Unicode.Scalar> = keepsLayout ? ["\n", "\t"] : []
            let (clean, removed) = SafeText.strippingUnsafe(text, keeping: layout)
            let told = removed == 0 ? what : "\(what) without its \(CountText.of(removed, "control character"))"
            return .answer(.copied(what: told, written: backend.copyToClipboard(clean)))
        case .export(let path, let ids, let replace):
            let recordings = ids.compactMap { state.list[id: $0] }
            let now = state.now
            workers.start { .exported(RecordingExport.write(recordings, to: path, now: now, replace: replace)) }
        case .saveHistory(let entries):
            guard let history else { break }
            workers.start(inOrder: true) { .historySaved(history.save(entries)) }
        case .download(let request):
            let failed = DownloadOutcome(saved: 0, failed: 1, message: downloadsUnavailable)
            guard let runner = downloads, let recording = state.list[id: request.recordingId] else {
                return .answer(.download(id: request.id, bytes: 0, total: nil, outcome: failed))
            }
            let workers = workers
            workers.start {
                let outcome = runner.download(recording, chunkPosition: request.chunkPosition, metadataOnly: request.metadataOnly) { bytes, total in
                    workers.post(.download(id: request.id, bytes: bytes, total: total, outcome: nil))
                }
                return .download(id: request.id, bytes: 0, total: nil, outcome: outcome)
            }
        }
        return .none
    }

    private func draw() {
        backend.draw(render(state))
    }
}
