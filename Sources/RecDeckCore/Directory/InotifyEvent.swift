#if os(Linux)
import Glibc

/// One record read from an inotify descriptor.
///
/// Swift imports `struct inotify_event` without its flexible `name[]` member, so records are
/// parsed by hand: a 16-byte header loaded unaligned, then `len` bytes of name padded with NULs.
struct InotifyEvent {
    /// The watch descriptor, or -1 for queue-wide events (`IN_Q_OVERFLOW`).
    var watch: Int32
    var mask: UInt32
    var cookie: UInt32
    /// The entry's name within the watched directory; empty for events about the directory itself.
    var name: String

    static let headerSize = MemoryLayout<inotify_event>.size

    /// Calls `body` with each complete record in `bytes`, in order.
    static func parse(_ bytes: UnsafeRawBufferPointer, _ body: (InotifyEvent) -> Void) {
        var offset = 0
        while offset + headerSize <= bytes.count {
            let header = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
            let nameStart = offset + headerSize
            let nameEnd = min(nameStart + Int(header.len), bytes.count)
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[nameStart..<nameEnd]).prefix { $0 != 0 },
                              as: UTF8.self)
            body(InotifyEvent(watch: header.wd, mask: header.mask, cookie: header.cookie, name: name))
            offset = nameStart + Int(header.len)
        }
    }

    func has(_ flags: Int32) -> Bool { mask & UInt32(bitPattern: flags) != 0 }
}
#endif
