// recdeck-watch-bench: how long a file renamed into a watched directory takes to reach the
// consumer as a batch, with a large store already loaded. A benchmark, not a test: it prints
// figures and decides nothing.
//
//   swift build -c release --product recdeck-watch-bench
//   .build/release/recdeck-watch-bench [--files 100000] [--renames 500] [--gap-ms 25] [--dir /tmp]
//                                      [--coalescing-ms 16]
//
// Phases:
//  1. baseline: the kernel alone — rename → a raw inotify descriptor readable (no watcher involved);
//  2. load: 100,000 recording files (100 directories of 1,000), watcher started → first batch,
//     after a one-shot `DirectoryScanner.scan()` of the same tree as its baseline;
//  3. isolated arrivals: each file written to a staging directory, renamed into the watched tree,
//     timed until a batch holding its recording is taken from `fileDescriptor`; a gap between
//     renames (longer than the 16 ms coalescing interval), as files from a webhook arrive;
//  4. back-to-back arrivals: the same without the gap, where coalescing deliberately gathers
//     changes for up to one interval (the consumer is not woken more than ~60 times a second);
//  5. served arrivals: each event POSTed to `recdeck serve`'s receiver (in process, storing into
//     the watched tree: body written, fsynced, renamed, directory fsynced, then 200), timed from
//     the request sent until a batch holding its recording is taken; beside it the POST → 200 part.

import Glibc
import BenchSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RecDeckCore
import RecDeckServe

func makeDirectory(_ path: String) {
    guard mkdir(path, 0o755) == 0 || errno == EEXIST else { fail("cannot create \(path): \(String(cString: strerror(errno)))") }
}

func move(_ from: String, _ to: String) {
    guard rename(from, to) == 0 else { fail("cannot rename \(from): \(String(cString: strerror(errno)))") }
}

let fileCount = argument("--files", default: 100_000)
let renameCount = argument("--renames", default: 500)
let gap = Double(argument("--gap-ms", default: 25)) / 1000
let base = stringArgument("--dir") ?? "/tmp"
let coalescing = argument("--coalescing-ms", default: 16)

var template = Array((base + "/recdeck-watch-bench-XXXXXX").utf8CString)
guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { fail("cannot create a directory under \(base)") }
let work = String(cString: made)
let root = work + "/root", staging = work + "/staging", baselineDirectory = work + "/baseline"
for directory in [root, staging, baselineDirectory, root + "/incoming"] { makeDirectory(directory) }

print("recdeck-watch-bench: \(fileCount) files, \(renameCount) renames, coalescing \(coalescing) ms, in \(work)")

// 1. Baseline: the kernel's part.
do {
    let samples = inotifyRenameBaseline(staging: staging, directory: baselineDirectory, count: renameCount)
    print("baseline  rename → raw inotify event readable:     \(percentiles(samples))")
}

// 2. Load.
let generateStart = now()
let perDirectory = 1000
for number in 0..<fileCount {
    let directory = root + "/d\(number / perDirectory)"
    if number % perDirectory == 0 { makeDirectory(directory) }
    writeFile(directory + "/eventgrid-\(number).json", event(number, prefix: "load"))
}
print("generated \(fileCount) files in \(Int((now() - generateStart) * 1000)) ms")

// Baseline for the load: a one-shot scan of the same tree (what `recdeck list` does).
let scanStart = now()
guard let scanned = try? DirectoryScanner(root: root).scan() else { fail("cannot scan \(root)") }
print("baseline  DirectoryScanner.scan() of the same tree:  \(Int((now() - scanStart) * 1000)) ms (\(scanned.summary.recordings) recordings)")

let loadStart = now()
let watcher: DirectoryWatcher
do {
    watcher = try DirectoryWatcher(root: root, options: WatchOptions(coalescingInterval: .milliseconds(coalescing)))
} catch {
    fail("\(error)")
}
var loaded = 0
while loaded < fileCount {
    guard let batch = watcher.waitForBatch(timeout: .seconds(600)) else { fail("the first scan did not finish") }
    loaded = batch.summary.recordings
}
let loadTime = now() - loadStart
print("load      watcher start → \(loaded) recordings delivered: \(Int(loadTime * 1000)) ms (status: \(watcher.status))")

// 3 and 4. Renames into the watched tree.
func measure(prefix: String, gap: Double) -> [Double] {
    var samples: [Double] = []
    for number in 0..<renameCount {
        let name = "\(prefix)-\(number).json"
        writeFile(staging + "/" + name, event(number, prefix: prefix))
        let id = "\(prefix)-rec-\(number)"
        let start = now()
        move(staging + "/" + name, root + "/incoming/" + name)
        var seen = false
        while !seen {
            guard waitReadable(watcher.fileDescriptor, seconds: 10) else { fail("no batch for \(id)") }
            if let batch = watcher.takeBatch(), batch.delta.added[PackedID(id)] != nil || batch.delta.updated[PackedID(id)] != nil {
                seen = true
            }
        }
        samples.append(now() - start)
        if gap > 0 { usleep(useconds_t(gap * 1_000_000)) }
    }
    return samples
}

let isolated = measure(prefix: "isolated", gap: gap)
print("isolated  rename → batch taken (\(Int(gap * 1000)) ms apart):      \(percentiles(isolated))")
let burst = measure(prefix: "backtoback", gap: 0)
print("back-to-back rename → batch taken (no gap):        \(percentiles(burst))")

// 5. Served arrivals: the receiver stores into the watched tree.
func post(_ body: [UInt8], to url: URL) -> Int {
    var request = URLRequest(url: url)
    request.httpMethod = "POST"
    request.httpBody = Data(body)
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue("Notification", forHTTPHeaderField: "aeg-event-type")
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var status = 0
    URLSession.shared.dataTask(with: request) { _, response, _ in
        status = (response as? HTTPURLResponse)?.statusCode ?? 0
        done.signal()
    }.resume()
    done.wait()
    return status
}

do {
    let key = ServeKey.generate()
    let server = try WebhookServer.start(.init(directory: root, listen: ListenAddress(host: "127.0.0.1", port: 0), key: key),
                                         log: ServeLog(perRequest: false) { _ in })
    let url = URL(string: "http://127.0.0.1:\(server.port)/api/events?key=\(key.queryText)")!
    var served: [Double] = [], answered: [Double] = []
    for number in 0..<renameCount {
        let id = "served-rec-\(number)"
        let start = now()
        guard post(event(number, prefix: "served"), to: url) == 200 else { fail("the receiver did not answer 200") }
        answered.append(now() - start)
        var seen = false
        while !seen {
            guard waitReadable(watcher.fileDescriptor, seconds: 10) else { fail("no batch for \(id)") }
            if let batch = watcher.takeBatch(), batch.delta.added[PackedID(id)] != nil || batch.delta.updated[PackedID(id)] != nil {
                seen = true
            }
        }
        served.append(now() - start)
        if gap > 0 { usleep(useconds_t(gap * 1_000_000)) }
    }
    server.shutdown()
    print("served    POST → 200 (stored, fsynced):              \(percentiles(answered))")
    print("served    POST → batch taken (\(Int(gap * 1000)) ms apart):         \(percentiles(served))")
} catch {
    fail("cannot start the receiver: \(error)")
}

// What publishing a batch costs at this size: the totals are recomputed for each batch.
let store = watcher.snapshot()
let summaryStart = now()
var checksum = 0
for _ in 0..<20 { checksum &+= store.summary.recordings }
print("store.summary on \(store.summary.recordings) recordings: \(((now() - summaryStart) / 20 * 100_000).rounded() / 100) ms each")

watcher.stop()
// Clean up.
func removeTree(_ path: String) {
    guard let handle = opendir(path) else { return }
    var names: [String] = []
    while let entry = readdir(handle) {
        // Read the name in place: a record is shorter than `struct dirent`, never copy `d_name`.
        let start = UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let name = String(cString: start.assumingMemoryBound(to: CChar.self))
        if name != "." && name != ".." { names.append(name) }
    }
    closedir(handle)
    for name in names {
        let child = path + "/" + name
        if unlink(child) != 0 { removeTree(child) }
    }
    rmdir(path)
}
removeTree(work)
