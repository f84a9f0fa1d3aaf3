import Glibc

/// Reads a Capture file for a `DirectoryScanner`: the whole file, or, when the scanner keeps
/// `CaptureTails` (a watcher's does) and the same file has only grown since, just its new blocks.
enum CaptureFileReader {
    static func read(_ relative: String, scanner: DirectoryScanner, interner: inout StringInterner,
                     info found: UnsafeMutablePointer<stat>?) -> FileContents? {
        let path = scanner.path(of: relative)
        if let tails = scanner.captureTails, let known = tails.entry(relative),
           let grown = readOn(relative, path: path, from: known, tails: tails, scanner: scanner, interner: &interner, info: found) {
            return grown
        }
        var info = stat()
        switch FileReader.read(path: path, maxSize: scanner.options.maxFileSize, info: &info) {
        case .gone:
            scanner.captureTails?.forget(relative)
            return nil
        case .failed(let message):
            scanner.captureTails?.forget(relative)
            found?.pointee = info
            return FileContents(problems: [Problem(file: relative, message: message)])
        case .bytes(let buffer):
            defer { buffer.deallocate() }
            found?.pointee = info
            let (contents, tail) = CaptureFileDecoder.decode(UnsafeBufferPointer(buffer), file: relative, path: path,
                                                             interner: &interner, keepRecordingSubjects: false)
            scanner.captureTails?.set(relative, tail.map { .init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), tail: $0) })
            return contents
        }
    }

    /// The file read on from `known`'s tail, or nil when that is not possible (another file at
    /// the path, the file shorter than before, the bytes before the tail not the sync marker).
    private static func readOn(_ relative: String, path: String, from known: CaptureTails.Entry, tails: CaptureTails,
                               scanner: DirectoryScanner, interner: inout StringInterner,
                               info found: UnsafeMutablePointer<stat>?) -> FileContents? {
        let sync = known.tail.header.sync
        let start = known.tail.nextBlockOffset - sync.count
        var info = stat()
        guard case .bytes(let buffer) = FileReader.read(path: path, maxSize: scanner.options.maxFileSize, info: &info, from: start)
        else { return nil }
        defer { buffer.deallocate() }
        guard UInt64(info.st_dev) == known.device, UInt64(info.st_ino) == known.inode,
              buffer.count >= sync.count, buffer.prefix(sync.count).elementsEqual(sync) else { return nil }
        found?.pointee = info
        let window = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[sync.count...])
        let (contents, tail) = CaptureFileDecoder.readBlocks(window, after: known.tail, file: relative,
                                                             interner: &interner, keepRecordingSubjects: false)
        tails.set(relative, .init(device: known.device, inode: known.inode, tail: tail))
        return contents
    }
}
