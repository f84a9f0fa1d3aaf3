import Foundation
import RecDeckCore

/// The prompts' history across runs: one file, `$XDG_STATE_HOME/recdeck/history` (else
/// `~/.local/state/recdeck/history`), a line per entry, `KIND<TAB>TEXT`, each prompt's entries
/// oldest first (`filter\tcall:1027`, `command\tsort duration`).
///
/// Read and written by the `Program` (on a worker), never by `update`. The file is untrusted:
/// lines of an unknown kind, too long, or holding control characters are skipped, and a file
/// over `largestFile` is not read; reading or writing it never fails the program, it answers the
/// reason in words. Written whole, to a temporary name then renamed (`FileWriter`), so a crash
/// mid-write leaves the old file.
public struct PromptHistoryFile: Sendable, Hashable {
    /// The longest entry kept (longer ones are neither saved nor read back).
    public static let longestEntry = 4096
    /// The largest history file read (500 entries per prompt of the longest length fit in it).
    public static let largestFile = 3 * PromptHistory.limit * (longestEntry + 16)

    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// `$XDG_STATE_HOME/recdeck/history` when `XDG_STATE_HOME` is an absolute path (the XDG base
    /// directory rule), else `$HOME/.local/state/recdeck/history`; nil without either.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/recdeck/history" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.local/state/recdeck/history"
    }

    /// The history in the file (empty when there is no file yet), or why it cannot be read.
    public func load() -> Result<PromptHistory, HistoryFileError> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return .success(PromptHistory()) }
            return .failure(HistoryFileError(path: path, reading: true, reason: String(cString: strerror(errno))))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(HistoryFileError(path: path, reading: true, reason: "not a regular file"))
        }
        guard Int(info.st_size) <= Self.largestFile else {
            return .failure(HistoryFileError(path: path, reading: true, reason: "over \(CountText.grouped(Self.largestFile)) bytes"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(HistoryFileError(path: path, reading: true, reason: String(cString: strerror(errno))))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: Self.largestFile + 1) ?? Data()
        } catch {
            return .failure(HistoryFileError(path: path, reading: true, reason: error.localizedDescription))
        }
        return .success(Self.parse(String(decoding: data.prefix(Self.largestFile), as: UTF8.self)))
    }

    /// Writes `history` over the file (making its folder, private to the user, if missing);
    /// nil when written, else why not.
    public func save(_ history: PromptHistory) -> HistoryFileError? {
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            let folder = String(path[..<slash])
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                return HistoryFileError(path: path, reading: false, reason: "cannot make the folder \(folder)")
            }
        }
        guard let reason = FileWriter.write(Array(Self.format(history).utf8), to: path) else { return nil }
        return HistoryFileError(path: path, reading: false, reason: reason)
    }

    /// The file's text for `history`.
    static func format(_ history: PromptHistory) -> String {
        var text = ""
        for kind in PromptKind.allCases {
            for entry in history[kind] { text += "\(kind.rawValue)\t\(entry)\n" }
        }
        return text
    }

    /// The history a file's text holds; lines that are not entries are skipped.
    static func parse(_ text: String) -> PromptHistory {
        var history = PromptHistory()
        for line in text.split(whereSeparator: \.isNewline) {
            guard let tab = line.firstIndex(of: "\t"), let kind = PromptKind(rawValue: String(line[..<tab])) else { continue }
            let entry = String(line[line.index(after: tab)...])
            guard !entry.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { continue }
            history.add(entry, to: kind)
        }
        return history
    }
}

/// Why the history file could not be read or written, in words for the status line.
public struct HistoryFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// Reading (at start) or writing (after a prompt was submitted).
    public var reading: Bool
    public var reason: String

    public var description: String {
        "history not \(reading ? "read" : "saved"): \(path): \(reason)"
    }
}
