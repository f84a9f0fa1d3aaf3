import Foundation
import RecDeckCore
import TOMLKit

/// The settings of `$XDG_CONFIG_HOME/recdeck/config.toml` (or `--config PATH`). Every setting is
/// optional; command-line flags override what the file says.
public struct RecDeckConfig: Sendable, Equatable {
    public var theme: String?
    public var utc: Bool?
    public var recursive: Bool?
    /// Seconds between polls; 0 means kernel notifications.
    public var poll: Double?
    public var mouse: Bool?
    public var follow: Bool?
    public var sort: RecordingSort?
    /// The recordings table's columns, in order.
    public var columns: [RecordingColumn]?
    /// Replacement keys, by action.
    public var keys: [Action: [Key]] = [:]
    /// The file holding the ACS connection string, for `fetch` and `delete`.
    public var connectionStringFile: String?
    /// Where `fetch` writes by default.
    public var downloadDir: String?

    public init() {}

    /// Where the config file is looked for: `$XDG_CONFIG_HOME/recdeck/config.toml`, else
    /// `~/.config/recdeck/config.toml`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/recdeck/config.toml" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/recdeck/config.toml"
    }

    /// Reads `path`. A missing file is an empty config when `required` is false (the default
    /// location), an error when true (a path given with `--config`).
    public static func load(path: String, required: Bool) throws(ConfigError) -> RecDeckConfig {
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw ConfigError(path: path, reason: "no such file; write one with: recdeck config --default > \(path)") }
            return RecDeckConfig()
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, reason: "cannot read the file as UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Parses config text; the first problem (by line) is thrown with its line.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> RecDeckConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(path: path, line: error.source.begin.line > 0 ? error.source.begin.line : nil,
                              reason: "not valid TOML: \(error.description)")
        } catch {
            throw ConfigError(path: path, reason: "not valid TOML: \(error)")
        }
        let locator = TOMLKeyLocator(text: text)
        var config = RecDeckConfig()
        var errors: [ConfigError] = []
        func fail(_ keyPath: [String], _ reason: String) {
            errors.append(ConfigError(path: path, line: locator.line(of: keyPath), reason: reason))
        }
        func bool(_ key: String, _ value: any TOMLValueConvertible) -> Bool? {
            if let flag = value.bool { return flag }
            fail([key], "\(key) must be true or false")
            return nil
        }
        for key in table.keys {
            guard let value = table[key] else { continue }
            switch key {
            case "theme":
                if let name = value.string { config.theme = name } else { fail([key], "theme must be a name or a path in quotes, such as theme = \"light\"") }
            case "utc": config.utc = bool(key, value)
            case "recursive": config.recursive = bool(key, value)
            case "mouse": config.mouse = bool(key, value)
            case "follow": config.follow = bool(key, value)
            case "poll":
                let seconds = value.double ?? value.int.map(Double.init)
                if let seconds, seconds == 0 || (0.05...3600).contains(seconds) {
                    config.poll = seconds
                } else {
                    fail([key], "poll must be 0 (kernel notifications) or seconds between 0.05 and 3600")
                }
            case "sort":
                guard let text = value.string else {
                    fail([key], "sort must be a string such as \"start:desc\"")
                    continue
                }
                do { config.sort = try RecordingSort(parsing: text) } catch { fail([key], error.message) }
            case "columns":
                guard let array = value.array else {
                    fail([key], "columns must be a list such as [\"start\", \"duration\", \"call\"]")
                    continue
                }
                var columns: [RecordingColumn] = []
                for element in array {
                    guard let name = element.string, let column = RecordingColumn(rawValue: name) else {
                        fail([key], "unknown column \(element.string.map { "\"\($0)\"" } ?? "value"); columns are "
                            + RecordingColumn.allCases.map(\.rawValue).joined(separator: ", "))
                        continue
                    }
                    columns.append(column)
                }
                if columns.isEmpty { fail([key], "columns must name at least one column") } else { config.columns = columns }
            case "connection_string_file", "download_dir":
                guard let text = value.string, !text.isEmpty else {
                    fail([key], "\(key) must be a path in quotes")
                    continue
                }
                let path = (text as NSString).expandingTildeInPath
                if key == "download_dir" { config.downloadDir = path } else { config.connectionStringFile = path }
            case "keys":
                guard let keys = value.table else {
                    fail([key], "keys must be a table: [keys] then action = [\"key\", …] lines")
                    continue
                }
                for actionName in keys.keys {
                    guard let action = Action(configName: actionName) else {
                        fail([key, actionName], "unknown action \"\(actionName)\"; actions are "
                            + Action.allCases.map(\.rawValue).joined(separator: ", "))
                        continue
                    }
                    let names = keys[actionName]?.array.map { $0.compactMap(\.string) } ?? keys[actionName]?.string.map { [$0] }
                    guard let names, !names.isEmpty else {
                        fail([key, actionName], "\(actionName) must be a key or a list of keys, such as [\"q\", \"ctrl-c\"]")
                        continue
                    }
                    var parsed: [Key] = []
                    for name in names {
                        if let key = KeyName.parse(name) { parsed.append(key) } else {
                            fail([key, actionName], "unknown key \"\(name)\" (keys are letters, ctrl-x, up, down, left, right, pgup, pgdn, home, end, enter, esc, tab, shift-tab, backspace, delete, space, f1…f24)")
                        }
                    }
                    config.keys[action] = parsed
                }
            default:
                fail([key], "unknown setting \"\(key)\"; settings are theme, utc, recursive, poll, mouse, follow, sort, columns, connection_string_file, download_dir and [keys]")
            }
        }
        if errors.isEmpty, !config.keys.isEmpty {
            do { _ = try Keymap.standard.remapped(config.keys) } catch {
                errors.append(ConfigError(path: path, line: locator.line(of: ["keys"]), reason: error.description))
            }
        }
        if let first = errors.min(by: { ($0.line ?? .max) < ($1.line ?? .max) }) { throw first }
        return config
    }

    /// A complete, commented config file with every setting at its default (`recdeck config --default`).
    public static var defaultText: String {
        var lines = [
            "# recdeck configuration: $XDG_CONFIG_HOME/recdeck/config.toml (or ~/.config/recdeck/config.toml),",
            "# or any file given with --config PATH. Every setting is optional; command-line flags win.",
            "",
            "# Theme name (see `recdeck themes`) or path to a .toml theme file.",
            "theme = \"default\"",
            "# Show times in UTC instead of local time.",
            "utc = false",
            "# Read sub-directories too.",
            "recursive = true",
            "# Poll the directory every N seconds instead of kernel notifications (NFS, SMB, blobfuse); 0 = notifications.",
            "poll = 0",
            "# Ask the terminal for mouse reports (click selects, wheel scrolls).",
            "mouse = true",
            "# Keep the newest recording selected as new ones arrive.",
            "follow = false",
            "# Sort: " + SortField.allCases.map(\.rawValue).joined(separator: ", ") + "; then :asc or :desc.",
            "sort = \"start:desc\"",
            "# The recordings table's columns, in order: " + RecordingColumn.allCases.map(\.rawValue).joined(separator: ", ") + ".",
            "columns = [" + RecordingColumn.dashboardDefault.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + "]",
            "# The file holding the ACS connection string, for recdeck fetch and delete (never the string itself here).",
            "# connection_string_file = \"~/.config/recdeck/acs-connection-string\"",
            "# Where recdeck fetch writes recordings.",
            "download_dir = \"recordings\"",
            "",
            "# Keys, by action: a key or a list of keys (letters, ctrl-x, up, down, left, right, pgup, pgdn,",
            "# home, end, enter, esc, tab, shift-tab, backspace, delete, space, f1…f24).",
            "[keys]",
        ]
        for binding in Keymap.standard.bindings {
            let keys = binding.keys.map { "\"\(KeyName.configName($0))\"" }.joined(separator: ", ")
            lines.append("\(binding.action.rawValue) = [\(keys)]  # \(binding.summary)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
