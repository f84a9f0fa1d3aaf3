import Foundation

/// What Tab offers for a file path being typed (the `w` export prompt, `:export PATH`), as a shell
/// completes one: the names in the folder typed so far that start with the last part typed, each
/// folder with a `/` after it so that Tab again goes on inside it. Hidden names only when the part
/// typed starts with `.`; `~/` is the home folder; a relative path is from the working directory
/// (where the export is written).
///
/// The folder is listed on a worker (`PathListing`): a folder of a hundred thousand files, or one
/// on a hung network mount, never holds the keyboard.
enum PathCompletion {
    /// At most this many names are offered (a folder of a hundred thousand deliveries has more).
    static let limit = 200

    /// The completions of `typed`, sorted, each the whole word to put in its place.
    static func candidates(_ typed: String, workingDirectory: String = FileManager.default.currentDirectoryPath,
                           home: String = NSHomeDirectory()) -> [String] {
        let slash = typed.lastIndex(of: "/")
        let folderTyped = slash.map { String(typed[...$0]) } ?? ""
        let namePrefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let folder: String
        if folderTyped.hasPrefix("~/") {
            folder = home + folderTyped.dropFirst()
        } else if folderTyped.hasPrefix("/") {
            folder = folderTyped
        } else {
            folder = workingDirectory + "/" + folderTyped
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let showsHidden = namePrefix.hasPrefix(".")
        let matching = names.filter { $0.hasPrefix(namePrefix) && (showsHidden || !$0.hasPrefix(".")) }.sorted()
        return matching.prefix(limit).map { name in
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder)
            return folderTyped + name + (exists && isFolder.boolValue ? "/" : "")
        }
    }
}

/// A Tab on a file path, handed to a worker: the word typed and the direction (Shift-Tab starts
/// from the last candidate). The answer, `.pathsListed`, completes the word if it is still the one
/// before the cursor of the same prompt.
public struct PathListing: Sendable, Equatable {
    public var typed: String
    public var forward: Bool

    /// Lists the folder (on a worker) and answers with the candidates.
    func run() -> Msg {
        .pathsListed(self, candidates: PathCompletion.candidates(typed))
    }
}
