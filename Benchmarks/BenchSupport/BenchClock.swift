import Glibc

/// Seconds on the monotonic clock, for timing what a benchmark measures.
public func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Waits until `descriptor` is readable; false after `seconds`.
public func waitReadable(_ descriptor: Int32, seconds: Double) -> Bool {
    var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    return poll(&entry, 1, Int32(seconds * 1000)) > 0
}

/// The kernel's part of an arrival, the baseline of every latency benchmark: `count` event files
/// written in `staging` and renamed into `directory`, each timed until a raw inotify descriptor
/// watching `directory` turns readable. Seconds, one sample a rename.
public func inotifyRenameBaseline(staging: String, directory: String, count: Int) -> [Double] {
    let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    defer { close(descriptor) }
    _ = inotify_add_watch(descriptor, directory, UInt32(IN_MOVED_TO | IN_CLOSE_WRITE))
    var samples: [Double] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    for number in 0..<count {
        writeFile(staging + "/b\(number).json", event(number, prefix: "baseline"))
        let start = now()
        guard rename(staging + "/b\(number).json", directory + "/b\(number).json") == 0 else {
            fail("cannot rename into \(directory): \(String(cString: strerror(errno)))")
        }
        guard waitReadable(descriptor, seconds: 5) else { fail("no inotify event") }
        samples.append(now() - start)
        while read(descriptor, &buffer, buffer.count) > 0 {}
    }
    return samples
}
