import Foundation

/// Writes a list of recordings to a file: the JSON contract of `list --format json` for a `.json`
/// path, CSV otherwise. Used by the dashboard's `w`.
public enum RecordingExport {
    /// Writes `recordings` to `path` (a leading `~/` is the home folder).
    public static func write(_ recordings: [Recording], to path: String, now: Timestamp) -> ExportResult {
        let expanded = (path as NSString).expandingTildeInPath
        var text = ""
        let format: RecordingFormats.ListFormat = expanded.lowercased().hasSuffix(".json") ? .json : .csv
        RecordingFormats.write(recordings, as: format, now: now) { text += $0 + "\n" }
        if let error = FileWriter.write(Array(text.utf8), to: expanded) {
            return .failed(path: path, reason: "\(error)")
        }
        return .written(count: recordings.count, path: path)
    }
}

/// How an export went.
public enum ExportResult: Sendable, Hashable, CustomStringConvertible {
    case written(count: Int, path: String)
    case failed(path: String, reason: String)

    /// Whether the file could not be written.
    public var failed: Bool {
        if case .failed = self { return true }
        return false
    }

    /// A sentence for the status line.
    public var description: String {
        switch self {
        case .written(let count, let path): "exported \(count) recording\(count == 1 ? "" : "s") to \(path)"
        case .failed(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
