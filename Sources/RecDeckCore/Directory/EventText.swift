import Glibc

/// Reads one event's text back from its file by byte range, so the dashboard can show it exactly as
/// written without keeping every file in memory (from its record's Body, for a Capture file).
public enum EventText {
    /// The largest event text read back; longer events are cut (the view says so).
    public static let maximumLength = 16 << 20

    /// The bytes of `location` in the file under `root`, as text; a message in words when the file
    /// cannot be read any more.
    public static func read(_ location: EventLocation, under root: String) -> Result<String, EventTextError> {
        let path = DirectoryScanner(root: root).path(of: location.file)
        if let origin = location.capture { return CaptureText.read(location, origin: origin, path: path) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(EventTextError(description: "\(location.file): \(String(cString: strerror(errno)))"))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return .failure(EventTextError(description: "\(location.file) is no longer a regular file"))
        }
        let length = min(location.length, maximumLength)
        var bytes = [UInt8](repeating: 0, count: length)
        var got = 0
        while got < length {
            let result = bytes.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + got, length - got, off_t(location.offset + got))
            }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { break }
            got += result
        }
        guard got == length else {
            return .failure(EventTextError(description: "\(location.file) changed since it was read (it is shorter now)"))
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }
}

/// Why an event's text could not be read back.
public struct EventTextError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}
