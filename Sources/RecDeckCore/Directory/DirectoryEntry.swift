import Glibc

/// Reads a `readdir` record in place.
///
/// A record is only as long as its name needs (`d_reclen`), not `sizeof(struct dirent)`: copying
/// the `d_name` array (`entry.pointee.d_name`) reads up to 256 bytes past a short last record and
/// can fault at the end of the directory buffer. The name is read up to its NUL instead.
enum DirectoryEntry {
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// Whether the entry's name is valid UTF-8 (one that is not cannot be opened by its repaired name).
    static func hasValidName(_ entry: UnsafeMutablePointer<dirent>) -> Bool {
        let start = UnsafeRawPointer(entry) + nameOffset
        let length = strlen(start.assumingMemoryBound(to: CChar.self))
        let bytes = UnsafeRawBufferPointer(start: start, count: length).bindMemory(to: UInt8.self)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// The entry's name, invalid UTF-8 repaired.
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let start = UnsafeRawPointer(entry) + nameOffset
        let length = strlen(start.assumingMemoryBound(to: CChar.self))
        return String(decoding: UnsafeRawBufferPointer(start: start, count: length), as: UTF8.self)
    }
}
