import Foundation

/// Where a theme came from.
public enum ThemeOrigin: String, Sendable, Hashable {
    /// A file given by path (`--theme ./mine.toml`, `RECDECK_THEME=/x/y.toml`).
    case path
    /// The user's folder (`$XDG_CONFIG_HOME/recdeck/themes`).
    case user
    /// The themes shipped with recdeck.
    case bundled
    /// Compiled into recdeck (`default`, `mono`): there even when no folder is.
    case builtIn = "built-in"
}

/// A theme that can be loaded: a file, or one of the built-in themes.
public struct ThemeEntry: Sendable, Hashable {
    /// The file name without `.toml` (or the built-in theme's name): what `--theme NAME` and
    /// `inherits` look for.
    public var identifier: String
    public var origin: ThemeOrigin
    /// The file; nil for a built-in theme.
    public var path: String?

    public init(identifier: String, origin: ThemeOrigin, path: String?) {
        self.identifier = identifier
        self.origin = origin
        self.path = path
    }
}

/// The themes the dashboard starts with: the one to use first, then every other theme `T` cycles
/// to, and what went wrong on the way.
public struct ThemeSelection: Sendable {
    /// Never empty; `themes[0]` is the chosen theme, or the default when it could not be loaded.
    public var themes: [Theme]
    /// The chosen theme's problem first (when `usedFallback`), then other theme files that were skipped.
    public var errors: [ThemeError]
    /// The chosen theme could not be loaded, so the built-in default is used.
    public var usedFallback: Bool

    /// One line for the status bar, or nil when all went well: `theme error, using the default:
    /// file:line: reason`, or `theme error, skipped: file:line: reason` (what happened first,
    /// since a narrow status line cuts the end).
    public var notice: String? {
        guard let first = errors.first else { return nil }
        var text = "theme error, " + (usedFallback ? "using the default: " : "skipped: ") + first.description
        if errors.count > 1 { text += " (+\(errors.count - 1) more: recdeck themes)" }
        return text
    }

    /// Every theme reduced to `depth` (see `Theme.reduced(to:)`).
    public func reduced(to depth: ColorDepth) -> [Theme] {
        themes.map { $0.reduced(to: depth) }
    }
}

/// Finds, reads and resolves theme files.
///
/// Lookup (DESIGN.md, "Themes"): a theme is chosen by `--theme` (a path or a name), else
/// `$RECDECK_THEME` (the same), else it is `default`. A path is read as is. A name is looked for
/// as `NAME.toml` in the user's folder, then in the bundled folder, then among the built-in
/// themes (`default`, `mono`). `inherits = "NAME"` is looked for the same way, after the folder of
/// the file that says it, and never finds that file itself (so `~/.config/recdeck/themes/default.toml`
/// can inherit the bundled `default`).
///
/// Every role resolves: a role a file does not write comes from the theme it inherits, and in
/// the end from the built-in default. Palettes merge down the chain (the inheriting file's names
/// win) before any colour is looked up, so an inheriting theme can re-colour its parent by
/// redefining a palette name.
public struct ThemeLoader: Sendable {
    public var locations: ThemeLocations

    public init(locations: ThemeLocations) {
        self.locations = locations
    }

    /// How many themes an `inherits` chain may hold (a deeper one is an error of its own).
    static let maximumDepth = 32

    // MARK: finding

    /// Whether `choice` is a path (it has a `/` or ends in `.toml`) rather than a name.
    public static func isPath(_ choice: String) -> Bool {
        choice.contains("/") || choice.lowercased().hasSuffix(".toml")
    }

    /// The theme files in `directory` (`*.toml`, not hidden), by name.
    static func themeFiles(in directory: String?) -> [String] {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { !$0.hasPrefix(".") && $0.lowercased().hasSuffix(".toml") }.sorted()
            .map { ThemeLocations.join(directory, $0) }
            .filter { !ThemeLocations.isDirectory($0) }
    }

    /// Every theme found: the user's, then the bundled ones, then the built-in ones, in name order
    /// within each; a name appears once, where it is found first, unless `includeShadowed`.
    public func catalog(includeShadowed: Bool = false) -> [ThemeEntry] {
        var entries: [ThemeEntry] = []
        var seen = Set<String>()
        func add(_ entry: ThemeEntry) {
            if seen.insert(entry.identifier).inserted || includeShadowed { entries.append(entry) }
        }
        for path in Self.themeFiles(in: locations.userDirectory) {
            add(ThemeEntry(identifier: ThemeDocument.identifier(ofPath: path), origin: .user, path: path))
        }
        for path in Self.themeFiles(in: locations.bundledDirectory) {
            add(ThemeEntry(identifier: ThemeDocument.identifier(ofPath: path), origin: .bundled, path: path))
        }
        for theme in Theme.builtIn {
            add(ThemeEntry(identifier: theme.name, origin: .builtIn, path: nil))
        }
        return entries
    }

    /// The theme `choice` means: a path, or a name looked up in the user's folder, the bundled
    /// folder and the built-in themes, in that order.
    public func find(_ choice: String) throws(ThemeError) -> ThemeEntry {
        if Self.isPath(choice) {
            return ThemeEntry(identifier: ThemeDocument.identifier(ofPath: choice), origin: .path, path: choice)
        }
        if let entry = find(name: choice, excluding: nil, extraDirectory: nil) { return entry }
        throw ThemeError(.notFound, path: choice, reason: "no such theme: looked for \(choice).toml in \(searchedPlaces(extraDirectory: nil))")
    }

    private func find(name: String, excluding excluded: String?, extraDirectory: String?) -> ThemeEntry? {
        let folders: [(String?, ThemeOrigin)] = [(extraDirectory, .path), (locations.userDirectory, .user), (locations.bundledDirectory, .bundled)]
        var checked = Set<String>()
        for (folder, origin) in folders {
            guard let folder, checked.insert(Self.canonical(folder)).inserted else { continue }
            let path = ThemeLocations.join(folder, name + ".toml")
            if FileManager.default.fileExists(atPath: path), excluded.map({ Self.canonical($0) != Self.canonical(path) }) ?? true {
                var origin = origin
                if origin == .path {
                    // The inheriting file's own folder: call it what that folder is.
                    if let user = locations.userDirectory, Self.canonical(user) == Self.canonical(folder) { origin = .user }
                    if let bundled = locations.bundledDirectory, Self.canonical(bundled) == Self.canonical(folder) { origin = .bundled }
                }
                return ThemeEntry(identifier: name, origin: origin, path: path)
            }
        }
        if Theme.builtIn.contains(where: { $0.name == name }) {
            return ThemeEntry(identifier: name, origin: .builtIn, path: nil)
        }
        return nil
    }

    private func searchedPlaces(extraDirectory: String?) -> String {
        let folders = [extraDirectory, locations.userDirectory, locations.bundledDirectory].compactMap { $0 }
        var unique: [String] = []
        for folder in folders where !unique.contains(folder) { unique.append(folder) }
        let builtIn = "the built-in themes (" + Theme.builtIn.map(\.name).joined(separator: ", ") + ")"
        return (unique + [builtIn]).joined(separator: ", ")
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    // MARK: loading

    /// Loads the theme `choice` names (a path or a name).
    public func load(_ choice: String) throws(ThemeError) -> Theme {
        try load(find(choice))
    }

    /// Loads `entry`, following `inherits` to the built-in default; every role is set.
    public func load(_ entry: ThemeEntry) throws(ThemeError) -> Theme {
        guard let path = entry.path else {
            guard let theme = Theme.builtIn.first(where: { $0.name == entry.identifier }) else {
                throw ThemeError(.notFound, path: entry.identifier, reason: "no such built-in theme")
            }
            return theme
        }
        // The chain from the chosen file up to the first built-in theme.
        var chain = [try Self.readDocument(path)]
        var base = Theme.builtInDefault
        var visited = [Self.canonical(path)]
        while let parentName = chain.last!.inherits {
            let child = chain.last!
            let childFolder = (Self.canonical(child.path) as NSString).deletingLastPathComponent
            guard let parent = find(name: parentName, excluding: child.path, extraDirectory: childFolder) else {
                throw ThemeError(.missingParent, path: child.path, line: child.inheritsLine,
                                 reason: "inherits \"\(parentName)\", but there is no such theme (looked in \(searchedPlaces(extraDirectory: childFolder)))")
            }
            guard let parentPath = parent.path else {
                base = Theme.builtIn.first { $0.name == parent.identifier } ?? Theme.builtInDefault
                break
            }
            let canonical = Self.canonical(parentPath)
            if visited.contains(canonical) {
                let names = chain.map(\.identifier) + [parent.identifier]
                throw ThemeError(.inheritsCycle, path: child.path, line: child.inheritsLine,
                                 reason: "inherits goes round in a circle: " + names.joined(separator: " → "))
            }
            if chain.count >= Self.maximumDepth {
                throw ThemeError(.inheritsTooDeep, path: chain[0].path, line: chain[0].inheritsLine,
                                 reason: "inherits goes more than \(Self.maximumDepth) themes deep: \(chain[0].identifier) → … → "
                                     + "\(child.identifier) → \(parent.identifier)")
            }
            visited.append(canonical)
            chain.append(try Self.readDocument(parentPath))
        }
        return try Self.resolve(chain: chain, base: base)
    }

    /// Merges `chain` (the chosen file first, its ancestors after) over `base` and looks up every
    /// colour name in the merged palette, then among the ANSI names.
    static func resolve(chain: [ThemeDocument], base: Theme) throws(ThemeError) -> Theme {
        var palette: [String: Color] = [:]
        var styles: [ThemeRole: (entry: ThemeDocument.StyleEntry, document: ThemeDocument)] = [:]
        for document in chain.reversed() {
            palette.merge(document.palette) { _, inheriting in inheriting }
            for (role, entry) in document.styles { styles[role] = (entry, document) }
        }
        var theme = base
        theme.name = chain[0].name
        var errors: [ThemeError] = []
        for role in ThemeRole.allCases {
            guard let (entry, document) = styles[role] else { continue }
            func color(_ spec: ThemeColorSpec, _ field: String) -> Color {
                switch spec {
                case .literal(let color):
                    return color
                case .name(let name):
                    if let color = palette[name] { return color }
                    if let index = ThemeColorName.ansiIndex(name) { return .ansi(index) }
                    var reason = "\(role.rawValue) \(field): unknown colour \"\(name)\": not in [palette] nor an ANSI name"
                    let known = palette.keys.sorted()
                    if !known.isEmpty { reason += " (palette: \(known.joined(separator: ", ")))" }
                    errors.append(ThemeError(.unknownPaletteName, path: document.path, line: entry.line, reason: reason))
                    return .default
                }
            }
            theme[role] = Style(foreground: color(entry.foreground, "fg"), background: color(entry.background, "bg"),
                                attributes: entry.attributes)
        }
        if let first = errors.min(by: { ($0.path, $0.line ?? .max) < ($1.path, $1.line ?? .max) }) { throw first }
        return theme
    }

    /// Reads and parses the theme file at `path`.
    static func readDocument(_ path: String) throws(ThemeError) -> ThemeDocument {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ThemeError(.unreadable, path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw ThemeError(.unreadable, path: path, reason: "is a folder, not a theme file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(.unreadable, path: path, reason: "cannot be read (permissions?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(.unreadable, path: path, reason: "is not UTF-8 text")
        }
        return try ThemeDocument.parse(text: text, path: path)
    }

    // MARK: the dashboard's themes

    /// The themes for the dashboard: the one `choice` (`--theme`) or else `environment`'s
    /// `RECDECK_THEME` names, or `default`, first, then every other theme in `catalog()` order
    /// (files that fail to load are skipped and reported). When the chosen theme fails to load,
    /// the built-in default comes first instead and `usedFallback` is set.
    public func select(choice: String?, environment: [String: String]) -> ThemeSelection {
        let requested = choice.flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["RECDECK_THEME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "default"
        var themes: [Theme] = []
        var errors: [ThemeError] = []
        var usedFallback = false
        var chosenPath: String?
        do {
            let entry = try find(requested)
            chosenPath = entry.path.map(Self.canonical)
            themes.append(try load(entry))
        } catch {
            errors.append(error)
            usedFallback = true
            themes.append(Theme.builtInDefault)
        }
        for entry in catalog() {
            if let path = entry.path, Self.canonical(path) == chosenPath { continue }
            do {
                let theme = try load(entry)
                if !themes.contains(theme) { themes.append(theme) }
            } catch {
                errors.append(error)
            }
        }
        return ThemeSelection(themes: themes, errors: errors, usedFallback: usedFallback)
    }
}
