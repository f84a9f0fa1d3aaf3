import Foundation

/// Writes a list of recordings to a file: the JSON contract of `list --format json` for a `.json`
/// path, CSV otherwise. Used by the dashboard's `w`.
public enum RecordingExport {
    /// Writes `recordings` to `path` (a leading `~/` is the home folder) and returns a sentence
    /// for the status line, starting with "cannot" on failure.
    public static func write(_ recordings: [Recording], to path: String, now: Timestamp) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        var bytes = OutputBytes()
        let format: RecordingFormats.ListFormat = expanded.lowercased().hasSuffix(".json") ? .json : .csv
        RecordingFormats.write(recordings, as: format, now: now) { bytes.append($0) }
        if let error = FileWriter.write(bytes.bytes, to: expanded) {
            return "cannot write \(path): \(error)"
        }
        return "exported \(recordings.count) recording\(recordings.count == 1 ? "" : "s") to \(path)"
    }
}
