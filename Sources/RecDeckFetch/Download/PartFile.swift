import Foundation

/// The `NAME.part` file a download appends to: opened on demand, its size tracked.
struct PartFile {
    let path: String
    private var descriptor: Int32 = -1
    /// Bytes in the file.
    private(set) var size: Int64 = 0

    init(path: String) { self.path = path }

    /// Opens (creating) the file for appending; true when it is open.
    mutating func open() -> Bool {
        if descriptor >= 0 { return true }
        descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        var info = stat()
        size = fstat(descriptor, &info) == 0 ? Int64(info.st_size) : 0
        return true
    }

    /// Appends `data`; false when the write failed (disk full).
    mutating func append(_ data: Data) -> Bool {
        let ok = data.withUnsafeBytes { raw -> Bool in
            var done = 0
            while done < raw.count {
                let result = write(descriptor, raw.baseAddress! + done, raw.count - done)
                if result < 0 { if errno == EINTR { continue }; return false }
                done += result
            }
            return true
        }
        if ok { size += Int64(data.count) }
        return ok
    }

    /// Empties the file.
    mutating func truncate() -> Bool {
        guard ftruncate(descriptor, 0) == 0 else { return false }
        size = 0
        return true
    }

    mutating func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    /// Closes and removes the file.
    mutating func remove() {
        close()
        unlink(path)
    }
}
