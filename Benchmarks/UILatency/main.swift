// recdeck-ui-bench: the dashboard's own costs at size, in process, without a terminal: what the run
// loop does (watcher batch or key → `update` → effects → `render` into a Buffer). A benchmark, not a
// test: it prints figures with their baselines and decides nothing. `bench/run-all.sh` runs it.
//
//   swift build -c release --product recdeck-ui-bench
//   .build/release/recdeck-ui-bench --root DIR [--renames 200] [--keys 200] [--sort-rounds 5]
//       [--burst 0 --burst-rate 1000] [--width 160 --height 48]
//
// DIR is a scratch tree (bench/run-all.sh makes it: a hard-linked copy of a corpus); the benchmark
// adds files under DIR/incoming and removes them at the end.
//
// Phases (each printed with its baseline, measured in the same run):
//  start  watcher start → first frame rendered, and → the fully indexed frame (status past
//         "scanning"); baseline: `DirectoryScanner.scan()` of DIR (at the end, so that its memory
//         does not count in the peak).
//  live   a file renamed into DIR/incoming → its batch taken, applied (update) and the frame
//         rendered, p50/p99; baseline: rename → a raw inotify descriptor readable (the kernel alone).
//  keys   one movement key (Down), one page (PgDn), the all-events overlay (`e`, Down in it), the
//         sort keys, one filter keystroke (typing a call id, then Backspace): Msg → update → effects (the event pane's read) → Buffer, p50/p99; baseline:
//         render of an unchanged state (the least any frame costs).
//  burst  (`--burst N`) the sort, `S`, Down and filter keys again while N new files are renamed
//         into DIR/incoming (`--burst-rate` a second, default 1000) and their batches applied.
//  rss    peak resident memory of this process with everything loaded (watcher store + state).

import Glibc
import Synchronization
import BenchSupport
import RecDeckCore
import RecDeckUI

/// A `/proc/self/status` figure, such as `VmHWM` (peak resident memory) or `VmRSS` (now).
func status(_ key: String) -> String {
    guard let file = fopen("/proc/self/status", "r") else { return "?" }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, file) != nil {
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if text.hasPrefix(key + ":") {
            return String(text.dropFirst(key.count + 1).filter { $0 != " " && $0 != "\t" && $0 != "\n" })
        }
    }
    return "?"
}

func peakRSS() -> String { "\(status("VmHWM")) (now \(status("VmRSS")))" }

/// glibc's per-arena summary (bytes the program holds vs. bytes the heap keeps), on standard error.
func mallocStats() {
    typealias Stats = @convention(c) () -> Void
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_stats") else { return }
    unsafeBitCast(symbol, to: Stats.self)()
}

guard let root = stringArgument("--root") else { fail("usage: recdeck-ui-bench --root DIR [--renames N] [--keys N] [--sort-rounds N] [--burst N] [--burst-rate N]") }
let renameCount = argument("--renames", default: 200)
let keyCount = argument("--keys", default: 200)
let width = argument("--width", default: 160)
let height = argument("--height", default: 48)
let incoming = root + "/incoming"
let staging = root + "/../ui-bench-staging"
mkdir(incoming, 0o755)
mkdir(staging, 0o755)

// The run loop's part: carry out effects the way Dashboard.perform does (the ones a benchmark meets).
/// How long the last calls listing took on its worker (here: this thread), for the calls phase.
nonisolated(unsafe) var lastListing = 0.0

/// Filters handed to a worker by the last key, run after the key's frame is timed (a worker
/// does them beside the run loop), and how long the last one took.
nonisolated(unsafe) var pendingFilters: [RecordingFilterRequest] = []
nonisolated(unsafe) var filterWork: [Double] = []
/// The same for sorts handed to a worker (an order not sorted before).
nonisolated(unsafe) var pendingSorts: [RecordingSortRequest] = []
nonisolated(unsafe) var sortWork: [(field: SortField, seconds: Double)] = []

/// Whether the workers' filters and sorts run on threads of their own (`startWorkers`, the burst)
/// rather than here after each key.
nonisolated(unsafe) var workersBeside = false
nonisolated(unsafe) var runningWork: [WorkerJob] = []

/// One request run on a thread of its own: its answer, once there.
final class WorkerJob: Sendable {
    private let answer = Mutex<Msg?>(nil)
    init(_ work: @escaping @Sendable () -> Msg) {
        startThread { [self] in
            let result = work()
            answer.withLock { $0 = result }
        }
    }
    /// The answer once the work is done (once: later calls answer nil).
    func take() -> Msg? {
        answer.withLock { stored in
            defer { stored = nil }
            return stored
        }
    }
}

/// The workers' filters and sorts: each answer goes through `update` (and may ask for the next).
func finishFilters(_ state: inout AppState) {
    guard !workersBeside else { return startWorkers() }
    while !pendingFilters.isEmpty || !pendingSorts.isEmpty {
        if !pendingSorts.isEmpty {
            let request = pendingSorts.removeFirst()
            let start = now()
            let answer = request.run()
            sortWork.append((request.sort.field, now() - start))
            perform(update(&state, answer), &state)
            continue
        }
        let request = pendingFilters.removeFirst()
        let start = now()
        let answer = request.run()
        filterWork.append(now() - start)
        perform(update(&state, answer), &state)
    }
}

/// Starts the work asked for on threads of its own, each request as it comes.
func startWorkers() {
    for request in pendingSorts {
        let field = request.sort.field
        runningWork.append(WorkerJob {
            let start = now()
            let answer = request.run()
            let took = now() - start
            return answer.withTime(field, took)
        })
    }
    for request in pendingFilters { runningWork.append(WorkerJob { request.run() }) }
    pendingSorts.removeAll()
    pendingFilters.removeAll()
}

/// The answers of work done on threads so far, each through `update`.
func takeAnswers(_ state: inout AppState) {
    var still: [WorkerJob] = []
    for job in runningWork {
        if let answer = job.take() { perform(update(&state, answer), &state) } else { still.append(job) }
    }
    runningWork = still
    startWorkers()
}

extension Msg {
    /// Notes how long a worker's sort took, as the inline runs note it.
    func withTime(_ field: SortField, _ seconds: Double) -> Msg {
        timedSorts.withLock { $0.append((field, seconds)) }
        return self
    }
}
let timedSorts = Mutex<[(field: SortField, seconds: Double)]>([])

func perform(_ effects: [Effect], _ state: inout AppState) {
    for effect in effects {
        if case .filterRecordings(let request) = effect {
            pendingFilters.append(request)
            continue
        }
        if case .sortRecordings(let request) = effect {
            pendingSorts.append(request)
            continue
        }
        if case .listCalls(let request) = effect {
            let start = now()
            let answer = request.run()
            lastListing = now() - start
            perform(update(&state, answer), &state)
            continue
        }
        guard case .loadEvents(let subject, let events) = effect else { continue }
        let sections = events.enumerated().map { index, event -> JSONDocument.Section in
            let title = "── event \(index + 1) of \(events.count) · \(event.location.file) ──"
            switch EventText.read(event.location, under: root) {
            case .success(let text): return JSONDocument.Section(title: title, text: text)
            case .failure(let error): return JSONDocument.Section(title: title, text: "cannot read the event: \(error.description)")
            }
        }
        _ = update(&state, .eventLoaded(subject: subject, sections: sections))
    }
}

nonisolated(unsafe) var sink = 0
@inline(never) func consume(_ buffer: Buffer) { sink &+= buffer.width }

// MARK: start

// How many recordings the tree holds: the files, counted without reading them here (the
// one-shot scan baseline runs at the end, so that its memory does not count in this process's peak).
let total = argument("--expect", default: 0)
print("recdeck-ui-bench: \(root); frame \(width)x\(height)")

let startTime = now()
let watcher: DirectoryWatcher
do {
    watcher = try DirectoryWatcher(root: root)
} catch {
    fail("\(error)")
}
var state = AppState(directory: root, size: (width, height), now: Timestamp.now())
consume(render(state))
let firstFrame = now() - startTime
var indexedFrame = 0.0
var applyTimes: [(count: Int, seconds: Double, at: Double)] = []
var batches = 0
var initialLoadDone = false
while true {
    if waitReadable(watcher.fileDescriptor, seconds: 0.1), let batch = watcher.takeBatch() {
        batches += 1
        let applyStart = now()
        defer { if batch.delta.added.count > 1000 { applyTimes.append((batch.delta.added.count, now() - applyStart, applyStart - startTime)) } }
        var effects = update(&state, .feedStatus(batch.status, notice: batch.notice))
        let initial = !initialLoadDone
        if batch.status != .scanning { initialLoadDone = true }
        effects += update(&state, .storeChanged(batch.delta, summary: batch.summary, problems: batch.problems,
                                                otherEvents: batch.delta.otherEventsChanged ? watcher.snapshot().otherEvents : nil,
                                                initialLoad: initial))
        perform(effects, &state)
    } else if let progress = watcher.progress {
        _ = update(&state, .loadProgress(done: progress.done, total: progress.total))
    }
    if initialLoadDone && state.loading != nil { _ = update(&state, .loadFinished) }
    consume(render(state))
    if initialLoadDone && state.list.all.count >= total && !state.list.all.isEmpty {
        indexedFrame = now() - startTime
        break
    }
    if now() - startTime > 600 { fail("the first scan did not finish") }
}
print("start     watcher start → first frame rendered:           \(ms(firstFrame))")
print("start     watcher start → fully indexed frame rendered:   \(ms(indexedFrame))  (\(state.visible.count) rows, \(batches) batches)")
for (count, seconds, at) in applyTimes {
    print("profile   a batch of \(count) recordings arrived at \(ms(at)); update + render took \(ms(seconds))")
}
print("rss       peak with \(state.list.all.count) recordings loaded (store + state): \(peakRSS())")
if CommandLine.arguments.contains("--malloc-stats") { mallocStats() }

// MARK: live

do {
    let baselineDirectory = staging + "/baseline"
    mkdir(baselineDirectory, 0o755)
    let samples = inotifyRenameBaseline(staging: staging, directory: baselineDirectory, count: renameCount)
    print("baseline  rename → raw inotify event readable:             \(percentiles(samples))")
}

var live: [Double] = []
var applyOnly: [Double] = []
for number in 0..<renameCount {
    let name = "live-\(number).json"
    writeFile(staging + "/" + name, event(number, prefix: "live"))
    let id = "live-rec-\(number)"
    let start = now()
    rename(staging + "/" + name, incoming + "/" + name)
    var seen = false
    while !seen {
        guard waitReadable(watcher.fileDescriptor, seconds: 10) else { fail("no batch for \(id)") }
        guard let batch = watcher.takeBatch() else { continue }
        let applyStart = now()
        var effects = update(&state, .feedStatus(batch.status, notice: batch.notice))
        effects += update(&state, .storeChanged(batch.delta, summary: batch.summary, problems: batch.problems,
                                                otherEvents: nil, initialLoad: false))
        perform(effects, &state)
        consume(render(state))
        if batch.delta.added[PackedID(id)] != nil || batch.delta.updated[PackedID(id)] != nil {
            seen = true
            applyOnly.append(now() - applyStart)
        }
    }
    live.append(now() - start)
    usleep(25_000)
}
print("live      rename → batch → update → frame rendered:        \(percentiles(live))")
print("live      of which batch → update → frame rendered:        \(percentiles(applyOnly))")

// MARK: keys

_ = update(&state, .tick(Timestamp.now()))
var floor: [Double] = []
for _ in 0..<keyCount {
    let start = now()
    consume(render(state))
    floor.append(now() - start)
}
print("baseline  render(state) with nothing changed:               \(percentiles(floor))")

@MainActor func timeKey(_ key: Key) -> Double {
    let start = now()
    let effects = update(&state, .input(.key(key)))
    perform(effects, &state)
    consume(render(state))
    let took = now() - start
    finishFilters(&state)
    return took
}

var moves: [Double] = []
for _ in 0..<keyCount { moves.append(timeKey(.down)) }
print("keys      Down (move one row) → frame:                      \(percentiles(moves))")
var pages: [Double] = []
for _ in 0..<max(10, keyCount / 4) { pages.append(timeKey(.pageDown)) }
print("keys      PgDn (page) → frame:                              \(percentiles(pages))")

// The all-events overlay: `e` the first time (builds its rows), moving in it, `e` again.
do {
    let first = timeKey(.character("e"))
    var inside: [Double] = []
    for _ in 0..<keyCount { inside.append(timeKey(.down)) }
    _ = timeKey(.escape)
    let again = timeKey(.character("e"))
    _ = timeKey(.escape)
    print("keys      e (all \(state.eventList?.count ?? 0) events) first → frame: \(ms(first)); again: \(ms(again))")
    print("keys      Down inside the all-events overlay → frame:       \(percentiles(inside))")
}

// Sort: `s` opens the column chooser, its letter sorts by that field, `S` flips the direction.
// The first round is each field's first sort since the load (the first of all also puts the ids
// in order, once); the later rounds (`--sort-rounds`) come back to fields sorted before.
let sortRounds = max(1, argument("--sort-rounds", default: 5))
var opens: [Double] = []
var firstSorts: [String] = []
var sortsAgain: [SortField: [Double]] = [:]
for round in 0..<sortRounds {
    for choice in SortChooser.choices.dropFirst() + SortChooser.choices.prefix(1) {
        opens.append(timeKey(.character("s")))
        let elapsed = timeKey(.character(choice.key))
        if round == 0 { firstSorts.append("\(choice.field.rawValue) \(ms(elapsed))") } else { sortsAgain[choice.field, default: []].append(elapsed) }
    }
}
print("keys      s (the column chooser opens) → frame:             \(percentiles(opens))")
print("keys      its letter, each field's first sort → frame:      \(firstSorts.joined(separator: ", "))")
if sortRounds > 1 {
    for choice in SortChooser.choices {
        print("keys      its letter, \(choice.field.rawValue) sorted by again → frame: \(percentiles(sortsAgain[choice.field] ?? []))")
    }
    print("keys      its letter, any field sorted by again → frame:  \(percentiles(sortsAgain.values.flatMap { $0 }))")
}
// Where a sort key's time goes: the sort alone, against the whole key.
do {
    let all = Array(state.list.all)
    for field in [SortField.start, .rec] {
        let sort = RecordingSort(field: field, ascending: false)
        let start = now()
        let sorted = sort.sorted(all, now: state.now)
        print("profile   RecordingSort(\(field.rawValue)).sorted over \(sorted.count) recordings alone: \(ms(now() - start))")
    }
}
var flips: [Double] = []
for _ in 0..<20 { flips.append(timeKey(.character("S"))) }
print("keys      S (sort direction) → frame:                       \(percentiles(flips))")
print("worker    sorts handed to a worker (not sorted before), each: \(sortWork.isEmpty ? "none" : sortWork.map { "\($0.field.rawValue) \(ms($0.seconds))" }.joined(separator: ", "))")
sortWork.removeAll()

// What one full pass of a filter costs (one core), for the profile in BENCHMARKS.md.
do {
    let all = Array(state.list.all)
    for text in ["3", "3f2a", "call:3f2a", "reason:upload", "dur>10m"] {
        guard let query = try? RecordingQuery(parsing: text) else { continue }
        let start = now()
        var matched = 0
        for recording in all where query.matches(recording, now: state.now) { matched += 1 }
        print("profile   RecordingQuery(\"\(text)\").matches over \(all.count) recordings, one core: \(ms(now() - start)) (\(matched) match)")
    }
}

// Filter: type the first characters of a call id one at a time (each keystroke re-filters the
// 100,000 rows), then delete them again, several rounds with different ids.
var typing: [Double] = []
var deleting: [Double] = []
let calls = state.visible.prefix(2000).compactMap { state.list[id: $0]?.callId }.filter { $0.count >= 8 }
for round in 0..<min(10, calls.count) {
    _ = timeKey(.character("/"))
    let word = calls[round * max(1, calls.count / 10) % calls.count].prefix(8)
    var round: [String] = []
    for character in word {
        typing.append(timeKey(.character(character)))
        round.append("\(character) \(ms(typing.last!)) \(state.visible.count)")
    }
    if CommandLine.arguments.contains("--verbose") { print("          " + round.joined(separator: ", ")) }
    for _ in word { deleting.append(timeKey(.backspace)) }
    _ = timeKey(.escape)
}
print("keys      filter keystroke (typing a call id) → frame:      \(percentiles(typing))")
print("keys      filter keystroke (Backspace, widening) → frame:   \(percentiles(deleting))")
print("worker    a filter too large for the key, on the worker:    \(filterWork.isEmpty ? "none" : percentiles(filterWork)) (\(filterWork.count) of them)")

// Burst: `--burst N` new files renamed into the tree (`--burst-rate` a second) while keys are
// timed: sorting (a letter of the chooser, every field but age), `S`, Down and filter keystrokes,
// each key after a batch that arrived was applied and drawn (batch → update → frame, timed on its
// own); the workers' filters and sorts run on threads of their own meanwhile.
let burstCount = argument("--burst", default: 0)
if burstCount > 0 {
    let burstStaging = staging + "/burst"
    let burst = RenameBurst(count: burstCount, prefix: "burst", staging: burstStaging, directory: incoming,
                            perSecond: argument("--burst-rate", default: 1000))
    let wanted = state.list.all.count + burstCount
    var batchTimes: [Double] = []
    var sortKeys: [Double] = [], flipKeys: [Double] = [], downKeys: [Double] = [], typingKeys: [Double] = [], deletingKeys: [Double] = []
    // One batch at most before each key, as the run loop alternates between its sources and the keyboard.
    func drain() {
        takeAnswers(&state)
        if waitReadable(watcher.fileDescriptor, seconds: 0), let batch = watcher.takeBatch() {
            let start = now()
            var effects = update(&state, .feedStatus(batch.status, notice: batch.notice))
            effects += update(&state, .storeChanged(batch.delta, summary: batch.summary, problems: batch.problems,
                                                    otherEvents: nil, initialLoad: false))
            perform(effects, &state)
            consume(render(state))
            batchTimes.append(now() - start)
            finishFilters(&state)
        }
    }
    let begin = now()
    workersBeside = true
    burst.start()
    var cycle = 0
    while state.list.all.count < wanted {
        if now() - begin > 300 { fail("the burst did not arrive: \(state.list.all.count) of \(wanted) recordings") }
        // Not age: an order on the clock is sorted again by every batch (BENCHMARKS.md says so).
        let choices = SortChooser.choices.filter { $0.field != state.sort.field && $0.field != .age }
        drain()
        _ = timeKey(.character("s"))
        drain()
        sortKeys.append(timeKey(.character(choices[cycle % choices.count].key)))
        drain()
        flipKeys.append(timeKey(.character("S")))
        drain()
        downKeys.append(timeKey(.down))
        if cycle % 4 == 3, !calls.isEmpty {
            _ = timeKey(.character("/"))
            for character in calls[cycle % calls.count].prefix(8) {
                drain()
                typingKeys.append(timeKey(.character(character)))
            }
            for _ in 0..<8 {
                drain()
                deletingKeys.append(timeKey(.backspace))
            }
            _ = timeKey(.escape)
        }
        cycle += 1
    }
    let took = now() - begin
    while !runningWork.isEmpty { takeAnswers(&state); usleep(1000) }
    workersBeside = false
    sortWork += timedSorts.withLock { $0 }
    print("burst     \(burstCount) files renamed in and applied in \(ms(took)) while these keys were timed:")
    print("burst     its letter (sort by a field) → frame:             \(percentiles(sortKeys))")
    print("burst     S (sort direction) → frame:                       \(percentiles(flipKeys))")
    print("burst     Down → frame:                                     \(percentiles(downKeys))")
    if !typingKeys.isEmpty {
        print("burst     filter keystroke (typing a call id) → frame:      \(percentiles(typingKeys))")
        print("burst     filter keystroke (Backspace) → frame:             \(percentiles(deletingKeys))")
    }
    print("burst     a batch of the burst → update → frame:            \(percentiles(batchTimes))")
    print("burst     sorts handed to a worker meanwhile:               \(sortWork.isEmpty ? "none" : percentiles(sortWork.map(\.seconds))) (\(sortWork.count) of them)")
    burst.cleanUp(staging: burstStaging)
}

// Calls: `c` lists the calls on a worker (timed here on this thread: the join, filter and sort),
// then moving and filtering in the calls view; baseline: the table and listing `recdeck calls` builds.
do {
    var listings: [String] = []
    let toggle = timeKey(.character("c"))
    listings.append("c \(ms(toggle)) of which the worker's listing \(ms(lastListing)) (\(state.calls.rows.count) calls)")
    print("calls     c (calls view, first listing) → frame:            \(listings.joined())")
    var callMoves: [Double] = []
    for _ in 0..<keyCount { callMoves.append(timeKey(.down)) }
    print("calls     Down in the calls view → frame:                   \(percentiles(callMoves))")
    var callTyping: [Double] = []
    var workerTimes: [Double] = []
    _ = timeKey(.character("/"))
    for character in "call:3f" {
        callTyping.append(timeKey(.character(character)) - lastListing)
        workerTimes.append(lastListing)
    }
    _ = timeKey(.escape)
    print("calls     filter keystroke, the run loop's part → frame:    \(percentiles(callTyping))")
    print("calls     filter keystroke, the worker's listing:           \(percentiles(workerTimes))")
    _ = timeKey(.character("c"))
    let store = watcher.snapshot()
    let start = now()
    let listing = CallListing(table: CallTable(source: store), query: nil, sort: CallSort(), now: state.now)
    print("baseline  CallTable + CallListing of the store (as `recdeck calls`): \(ms(now() - start)) (\(listing.calls.count) calls)")
}
print("rss       peak of the whole run: \(peakRSS())")

watcher.stop()
let scanStart = now()
guard let scanned = try? DirectoryScanner(root: root).scan() else { fail("cannot scan \(root)") }
print("baseline  DirectoryScanner.scan() of the same tree (what `recdeck list` reads): \(ms(now() - scanStart)) (\(scanned.summary.recordings) recordings)")
for number in 0..<renameCount { unlink(incoming + "/live-\(number).json") }
rmdir(incoming)
for number in 0..<renameCount { unlink(staging + "/baseline/b\(number).json") }
rmdir(staging + "/baseline")
rmdir(staging)
if sink == 42 { print("") }
