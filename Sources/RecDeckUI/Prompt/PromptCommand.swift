/// The commands of the `:` command line, as data: the prompt runs them (`CommandRun`), Tab
/// completes their names, and help and the manual list them from here.
public enum PromptCommand: String, Sendable, Hashable, CaseIterable {
    case sort, filter, export, theme, call, quit

    /// Other names the command answers to (`:q`).
    public var aliases: [String] {
        self == .quit ? ["q"] : []
    }

    /// What the command takes, as help writes it (empty when it takes nothing).
    public var argument: String {
        switch self {
        case .sort: "FIELD [asc|desc]"
        case .filter: "QUERY"
        case .export: "PATH"
        case .theme: "NAME"
        case .call: "ID"
        case .quit: ""
        }
    }

    /// What it does, in a few words for the help overlay.
    public var summary: String {
        switch self {
        case .sort: "sort the recordings (or calls)"
        case .filter: "filter the recordings"
        case .export: "export the list shown"
        case .theme: "switch to a theme"
        case .call: "the recordings of a call"
        case .quit: "quit (also :q)"
        }
    }

    /// The command `name` stands for (any case), by its name or an alias.
    public init?(named name: String) {
        let lower = name.lowercased()
        guard let found = Self.allCases.first(where: { $0.rawValue == lower || $0.aliases.contains(lower) }) else { return nil }
        self = found
    }

    /// `:sort FIELD [asc|desc]`: the command as help shows it.
    public var usage: String {
        ":" + rawValue + (argument.isEmpty ? "" : " " + argument)
    }

    /// "sort, filter, export, theme, call or quit": every command, for error messages.
    static var knownList: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
