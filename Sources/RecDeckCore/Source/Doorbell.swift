import Glibc

/// A non-blocking pipe used as a doorbell: one side rings it, the other side `poll()`s its read end.
/// A watcher rings the run loop when a batch waits; effect workers ring it when a result waits.
public struct Doorbell: Sendable {
    public let readEnd: Int32
    let writeEnd: Int32

    /// Opens a pipe whose ends are non-blocking and close on exec.
    public static func open() throws(WatchError) -> Doorbell {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw WatchError(description: "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        return Doorbell(readEnd: ends[0], writeEnd: ends[1])
    }

    /// Makes the read end readable. Never blocks: a full pipe is readable already.
    public func ring() {
        var byte: UInt8 = 1
        while write(writeEnd, &byte, 1) < 0 && errno == EINTR {}
    }

    /// Empties the pipe, so the read end stops being readable.
    public func drain() {
        var buffer = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        while true {
            let got = withUnsafeMutableBytes(of: &buffer) { read(readEnd, $0.baseAddress, $0.count) }
            if got > 0 { continue }
            if got < 0 && errno == EINTR { continue }
            return
        }
    }

    public func close() {
        _ = Self.closeDescriptor(readEnd)
        _ = Self.closeDescriptor(writeEnd)
    }

    private static func closeDescriptor(_ descriptor: Int32) -> Int32 {
        Glibc.close(descriptor)
    }
}
