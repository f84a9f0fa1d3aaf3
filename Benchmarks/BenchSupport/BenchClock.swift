#if canImport(Glibc)
import Glibc
#endif

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
