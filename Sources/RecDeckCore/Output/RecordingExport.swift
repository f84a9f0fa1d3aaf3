import Foundation

/// Writes a list of recordings to a file: the JSON contract of `list --format json` for a `.json`
/// path, CSV otherwise. Used by the dashboard's `w`.
public enum RecordingExport {
    /// Writes `recordings` to `path` (a leading `~/` is the home folder, a relative path is from the
    /// current folder; what was written names the absolute path). A path that is not a regular file
    /// (a device, a FIFO, a folder, a symbolic link) is refused; an existing file is replaced only
    /// with `replace` (else `.exists`, so the user can be asked).
    public static func write(_ recordings: [Recording], to path: String, now: Timestamp, replace: Bool = false) -> ExportResult {
        let expanded = (path as NSString).expandingTildeInPath
        var info = stat()
        if lstat(expanded, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            guard kind == S_IFREG else {
                let what = kind == S_IFLNK ? "a symbolic link, not a regular file: not replaced"
                    : DirectoryScanner.notRegular(info.st_mode).replacingOccurrences(of: ": not opened", with: ": not replaced")
                return .failed(path: path, reason: what)
            }
            if !replace { return .exists(path: path) }
        }
        var bytes = OutputBytes()
        let format: RecordingFormats.ListFormat = expanded.lowercased().hasSuffix(".json") ? .json : .csv
        RecordingFormats.write(recordings, as: format, now: now) { bytes.append($0) }
        if let error = FileWriter.write(bytes.bytes, to: expanded, replace: replace) {
            return .failed(path: path, reason: "\(error)")
        }
        return .written(count: recordings.count, path: absolute(expanded))
    }

    /// `path` from the root: a relative path is taken from `folder` (the current one), and `.`
    /// and `..` are worked out.
    static func absolute(_ path: String, from folder: String = FileManager.default.currentDirectoryPath) -> String {
        let full = path.hasPrefix("/") ? path : folder + "/" + path
        return (full as NSString).standardizingPath
    }
}

/// How an export went.
public enum ExportResult: Sendable, Hashable, CustomStringConvertible {
    case written(count: Int, path: String)
    case failed(path: String, reason: String)
    /// A file of that name exists and was left alone: the dashboard asks before replacing it.
    case exists(path: String)

    /// Whether the file could not be written.
    public var failed: Bool {
        if case .failed = self { return true }
        return false
    }

    /// A sentence for the status line.
    public var description: String {
        switch self {
        case .written(let count, let path): "exported \(CountText.of(count, "row")) to \(path)"
        case .failed(let path, let reason): "cannot write \(path): \(reason)"
        case .exists(let path): "\(path) exists: Enter replaces it, Esc keeps it"
        }
    }
}
