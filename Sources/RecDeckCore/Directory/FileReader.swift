import Glibc

/// Reads a whole file safely: regular files only (checked on the open descriptor, so a FIFO
/// swapped in after listing cannot block), never more than a size limit.
enum FileReader {
    enum Outcome {
        /// The bytes; the caller deallocates the buffer.
        case bytes(UnsafeMutableBufferPointer<UInt8>)
        /// The file does not exist (any more).
        case gone
        /// The file exists but cannot be read: the reason in plain words.
        case failed(String)
    }

    /// Reads the file at `path` from byte `start` on; `info`, when given, receives what `fstat` said of the open file.
    static func read(path: String, maxSize: Int, info found: UnsafeMutablePointer<stat>? = nil, from start: Int = 0) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return failure(errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return failure(errno) }
        found?.pointee = info
        guard info.st_mode & S_IFMT == S_IFREG else { return .failed(DirectoryScanner.notRegular(info.st_mode)) }
        if start > 0, lseek(descriptor, off_t(start), SEEK_SET) < 0 { return failure(errno) }
        let size = max(0, Int(info.st_size) - start)
        if size > maxSize {
            return .failed("the file is \(size) bytes, over the \(maxSize)-byte limit (raise it with --max-file-size)")
        }
        // Read to the end, whatever the size said: the file may grow while it is read. A read that
        // stops short once the size `fstat` gave is reached is the end (no second read to learn it);
        // one that stops short before it (a network filesystem's) is not.
        var capacity = max(size + 1, 4096)
        var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        var count = 0
        while true {
            if count == capacity {
                guard capacity <= maxSize else {
                    buffer.deallocate()
                    return .failed("the file grew over the \(maxSize)-byte limit while it was read")
                }
                let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity * 2)
                _ = larger.initialize(fromContentsOf: buffer)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            let got = Glibc.read(descriptor, buffer.baseAddress! + count, capacity - count)
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                let code = errno
                buffer.deallocate()
                return failure(code)
            }
            count += got
            if count >= size, count < capacity { break }
        }
        return .bytes(UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
    }

    private static func failure(_ code: Int32) -> Outcome {
        switch code {
        case ENOENT: .gone
        case EACCES, EPERM: .failed("permission denied: the file cannot be read")
        case ELOOP: .failed("symbolic link loop")
        default: .failed("cannot read the file: \(String(cString: strerror(code)))")
        }
    }
}
