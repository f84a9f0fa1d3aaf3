import Foundation

/// Where theme files are looked for, besides a path given outright: the user's folder, then the
/// bundled folder. Built from an environment and an executable path passed in, so tests never
/// touch the process's own.
public struct ThemeLocations: Sendable, Hashable {
    /// `$XDG_CONFIG_HOME/recdeck/themes`, or `~/.config/recdeck/themes`; nil without a home.
    public var userDirectory: String?
    /// The themes shipped with recdeck; nil when none was found.
    public var bundledDirectory: String?

    public init(userDirectory: String?, bundledDirectory: String?) {
        self.userDirectory = userDirectory
        self.bundledDirectory = bundledDirectory
    }

    /// The standard places for `environment` and the executable at `executablePath`.
    public init(environment: [String: String], executablePath: String?) {
        self.init(userDirectory: Self.userDirectory(environment: environment),
                  bundledDirectory: executablePath.flatMap(Self.bundledDirectory(executablePath:)))
    }

    /// `$XDG_CONFIG_HOME/recdeck/themes` when `XDG_CONFIG_HOME` is an absolute path (the XDG base
    /// directory rules ignore a relative one), else `$HOME/.config/recdeck/themes`.
    public static func userDirectory(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return join(config, "recdeck/themes")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return join(home, ".config/recdeck/themes")
        }
        return nil
    }

    /// The bundled themes folder for the executable at `executablePath`:
    ///
    /// 1. `<executable's folder>/../share/recdeck/themes` (an installed recdeck: `bin/` beside
    ///    `share/`), for the path as given and with symbolic links resolved;
    /// 2. walking up from the executable's folder, the first folder holding both `Package.swift`
    ///    and `themes/` (a `swift build` or `swift run` layout: `<package>/.build/debug/recdeck`).
    public static func bundledDirectory(executablePath: String) -> String? {
        let given = URL(fileURLWithPath: executablePath).standardizedFileURL
        let resolved = given.resolvingSymlinksInPath()
        for executable in [given, resolved] {
            let share = executable.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("share/recdeck/themes").standardizedFileURL.path
            if isDirectory(share) { return share }
        }
        for executable in [resolved, given] {
            var folder = executable.deletingLastPathComponent()
            while folder.path != "/", !folder.path.isEmpty {
                let themes = folder.appendingPathComponent("themes").path
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path), isDirectory(themes) {
                    return themes
                }
                folder.deleteLastPathComponent()
            }
        }
        return nil
    }

    /// This process's executable: `/proc/self/exe` where it exists, else the first argument made absolute.
    public static var currentExecutablePath: String? {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return target }
        if let path = Bundle.main.executablePath { return path }
        guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
        if first.hasPrefix("/") { return first }
        return join(FileManager.default.currentDirectoryPath, first)
    }

    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
