#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole files with plain system calls: to a hidden temporary name beside the target,
/// then renamed over it, so a reader (or recdeck's own watcher) never sees half a file.
///
/// Foundation's atomic writes are avoided on purpose: on Linux they leave an empty
/// `TemporaryDirectory.*` folder in /tmp for every file written.
public enum FileWriter {
    /// Writes `bytes` to `path` atomically; returns the error text on failure.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String) -> String? {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = "\(folder)/.\(name).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in Glibc.write(descriptor, raw.baseAddress! + written, raw.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                let message = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                return message
            }
            written += result
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            return message
        }
        return nil
    }
}
