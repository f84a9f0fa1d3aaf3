import RecDeckCore
import TOMLKit

/// One theme file as written, before `inherits` and palette names are resolved (`ThemeLoader`
/// does that).
///
/// The format (README, "Themes"):
///
/// ```toml
/// name = "ocean"                 # optional: shown by `T` and `recdeck themes` (default: the file name)
/// description = "…"              # optional
/// inherits = "default"           # optional: roles not written here come from that theme
///
/// [palette]                      # optional: names for colours, usable in [styles]
/// accent = "#5fafff"
///
/// [styles]                       # one entry per role: fg, bg (colours), attrs (a list)
/// text = { fg = "default" }
/// "border.focused" = { fg = "accent", attrs = ["bold"] }
/// selection = { fg = "accent", bg = 235, attrs = ["reverse", "bold"] }
/// json.key = "accent"            # shorthand: the foreground only
/// ```
///
/// A role written here is complete: a missing `fg`/`bg` is `default` and missing `attrs` none.
/// Role names contain dots; quoted (`"json.key"`) or bare (`json.key`, TOML's dotted keys) both
/// work, and so does a `[styles.selection]` table.
struct ThemeDocument: Sendable {
    /// One role's style as written.
    struct StyleEntry: Sendable {
        var foreground: ThemeColorSpec = .literal(.default)
        var background: ThemeColorSpec = .literal(.default)
        var attributes: TextAttributes = []
        /// Where it is written, for errors found while resolving its colours.
        var line: Int?
    }

    /// The file as found or given.
    var path: String
    /// The file name without `.toml`: what `--theme NAME` and `inherits` look for.
    var identifier: String
    /// The `name` key, shown to people; the identifier when absent.
    var name: String
    var summary: String?
    var inherits: String?
    var inheritsLine: Int?
    var palette: [String: Color] = [:]
    var styles: [ThemeRole: StyleEntry] = [:]

    static let attributeNames: [(String, TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("italic", .italic), ("underline", .underline), ("reverse", .reverse),
    ]

    /// The identifier of the theme file at `path` (its name without the `.toml` extension).
    static func identifier(ofPath path: String) -> String {
        var name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        if name.lowercased().hasSuffix(".toml") { name.removeLast(5) }
        return name
    }

    /// Parses `text`, the content of the theme file at `path`. Throws the first problem in the
    /// file (by line), with its line.
    static func parse(text: String, path: String) throws(ThemeError) -> ThemeDocument {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let begin = error.source.begin
            throw ThemeError(.syntax, path: path, line: begin.line > 0 ? begin.line : nil,
                             column: begin.column > 0 ? begin.column : nil, reason: error.description)
        } catch {
            throw ThemeError(.syntax, path: path, reason: "\(error)")
        }
        var reader = Reader(path: path, locator: TOMLKeyLocator(text: text))
        let document = reader.read(table)
        if let first = reader.errors.min(by: { ($0.line ?? .max) < ($1.line ?? .max) }) { throw first }
        return document
    }

    /// Walks the parsed table, collecting every problem with its line.
    private struct Reader {
        let path: String
        let locator: TOMLKeyLocator
        var errors: [ThemeError] = []

        init(path: String, locator: TOMLKeyLocator) {
            self.path = path
            self.locator = locator
        }

        mutating func fail(_ kind: ThemeError.Kind, at keyPath: [String], _ reason: String) {
            errors.append(ThemeError(kind, path: path, line: locator.line(of: keyPath), reason: reason))
        }

        mutating func read(_ table: TOMLTable) -> ThemeDocument {
            let identifier = ThemeDocument.identifier(ofPath: path)
            var document = ThemeDocument(path: path, identifier: identifier, name: identifier)
            for key in table.keys {
                guard let value = table[key] else { continue }
                switch key {
                case "name", "description", "inherits":
                    guard let text = value.string else {
                        fail(.badValue, at: [key], "\(key) must be a string, such as \(key) = \"dark\"")
                        continue
                    }
                    if key == "name", !text.isEmpty { document.name = text }
                    if key == "description" { document.summary = text }
                    if key == "inherits" {
                        document.inherits = text
                        document.inheritsLine = locator.line(of: [key])
                    }
                case "palette":
                    guard let palette = value.table else {
                        fail(.badValue, at: [key], "palette must be a table: [palette] then name = \"#rrggbb\" lines")
                        continue
                    }
                    readPalette(palette, into: &document)
                case "styles":
                    guard let styles = value.table else {
                        fail(.badValue, at: [key], "styles must be a table: [styles] then role = { fg = …, bg = …, attrs = […] } lines")
                        continue
                    }
                    readStyles(styles, prefix: [], into: &document)
                default:
                    if ThemeRole(rawValue: key) != nil || ThemeRole.allCases.contains(where: { $0.rawValue.hasPrefix(key + ".") }) {
                        fail(.unknownKey, at: [key], "unknown key \"\(key)\": roles go in the [styles] table")
                    } else {
                        fail(.unknownKey, at: [key], "unknown key \"\(key)\" (a theme has name, description, inherits, [palette] and [styles])")
                    }
                }
            }
            return document
        }

        mutating func readPalette(_ table: TOMLTable, into document: inout ThemeDocument) {
            for name in table.keys {
                guard let value = table[name] else { continue }
                let keyPath = ["palette", name]
                if name.lowercased() == "default" || name.hasPrefix("#") || name.allSatisfy({ ("0"..."9").contains($0) }) {
                    fail(.badValue, at: keyPath, "\"\(name)\" cannot name a palette colour (it reads as a colour itself)")
                    continue
                }
                let result: Result<Color, ThemeColorFailure>
                if let text = value.string {
                    result = ThemeColorName.literal(text)
                } else if let number = value.int {
                    result = ThemeColorName.color(number: number).map { .success($0) }
                        ?? .failure(.init(.badColor, "\(number) is not a colour number: use 0–255"))
                } else {
                    result = .failure(.init(.badColor, "palette colour \(name) must be \"#rrggbb\", a number 0–255, an ANSI name or \"default\""))
                }
                switch result {
                case .success(let color): document.palette[name] = color
                case .failure(let failure): fail(failure.kind, at: keyPath, "palette \(name): \(failure.reason)")
                }
            }
        }

        /// The fields of a style table; any other key in it continues the role's dotted name.
        static let styleFields: Set<String> = ["fg", "bg", "attrs"]

        /// Reads the entries of `[styles]` (or of a table nested in it, `prefix` being its path).
        /// A table that is a role, or has `fg`/`bg`/`attrs`, or is empty, is that role's style;
        /// its other keys continue the role's dotted name (`json.key = {…}` makes a table `json`
        /// holding `key`; `[styles.border]` may hold `focused = {…}`). `inStyle` names the style
        /// table these keys sit in, if any, so a misspelt field reads as one.
        mutating func readStyles(_ table: TOMLTable, prefix: [String], only keys: [String]? = nil, inStyle: String? = nil,
                                 into document: inout ThemeDocument) {
            for key in keys ?? table.keys {
                guard let value = table[key] else { continue }
                let keyPath = ["styles"] + prefix + [key]
                let roleName = (prefix + [key]).joined(separator: ".")
                let isRoleOrPrefix = ThemeRole(rawValue: roleName) != nil
                    || ThemeRole.allCases.contains { $0.rawValue.hasPrefix(roleName + ".") }
                if let style = inStyle, !isRoleOrPrefix {
                    fail(.unknownKey, at: keyPath, "unknown field \"\(key)\" in \(style) (a style has fg, bg and attrs)")
                    continue
                }
                if let sub = value.table {
                    let fields = sub.keys.filter { Self.styleFields.contains($0) }
                    let others = sub.keys.filter { !Self.styleFields.contains($0) }
                    let isStyle = ThemeRole(rawValue: roleName) != nil || !fields.isEmpty || sub.isEmpty
                    if isStyle, let role = role(named: roleName, at: keyPath) {
                        document.styles[role] = readStyle(sub, fields: fields, role: roleName, keyPath: keyPath)
                    }
                    if !others.isEmpty {
                        readStyles(sub, prefix: prefix + [key], only: others, inStyle: isStyle ? roleName : nil, into: &document)
                    }
                } else if value.string != nil {
                    // Shorthand: `role = "colour"` sets the foreground only.
                    guard let role = role(named: roleName, at: keyPath) else { continue }
                    var entry = StyleEntry(line: locator.line(of: keyPath))
                    if let spec = colorSpec(value, field: "colour", role: roleName, keyPath: keyPath) { entry.foreground = spec }
                    document.styles[role] = entry
                } else {
                    fail(.badValue, at: keyPath, "\(roleName) must be a style such as { fg = \"blue\", bg = \"default\", attrs = [\"bold\"] }")
                }
            }
        }

        mutating func role(named name: String, at keyPath: [String]) -> ThemeRole? {
            if let role = ThemeRole(rawValue: name) { return role }
            var reason = "unknown role \"\(name)\""
            if let guess = NameSuggestion.closest(to: name, among: ThemeRole.allCases.map(\.rawValue)) {
                reason += "; did you mean \"\(guess)\"?"
            } else {
                reason += " (README, \"Themes\", lists the roles)"
            }
            fail(.unknownRole, at: keyPath, reason)
            return nil
        }

        mutating func readStyle(_ table: TOMLTable, fields: [String], role: String, keyPath: [String]) -> StyleEntry {
            var entry = StyleEntry(line: locator.line(of: keyPath))
            for field in fields {
                guard let value = table[field] else { continue }
                let fieldPath = keyPath + [field]
                switch field {
                case "fg", "bg":
                    if let spec = colorSpec(value, field: field, role: role, keyPath: fieldPath) {
                        if field == "fg" { entry.foreground = spec } else { entry.background = spec }
                    }
                case "attrs":
                    entry.attributes = attributes(value, role: role, keyPath: fieldPath)
                default:
                    break
                }
            }
            return entry
        }

        mutating func colorSpec(_ value: TOMLValueConvertible, field: String, role: String, keyPath: [String]) -> ThemeColorSpec? {
            if let text = value.string {
                switch ThemeColorName.spec(text) {
                case .success(let spec): return spec
                case .failure(let failure):
                    fail(failure.kind, at: keyPath, "\(role) \(field): \(failure.reason)")
                    return nil
                }
            }
            if let number = value.int {
                guard let color = ThemeColorName.color(number: number) else {
                    fail(.badColor, at: keyPath, "\(role) \(field): \(number) is not a colour number: use 0–255")
                    return nil
                }
                return .literal(color)
            }
            fail(.badColor, at: keyPath, "\(role) \(field) must be a colour: \"#rrggbb\", 0–255, an ANSI name, \"default\" or a palette name")
            return nil
        }

        mutating func attributes(_ value: TOMLValueConvertible, role: String, keyPath: [String]) -> TextAttributes {
            var names: [TOMLValueConvertible] = []
            if value.string != nil {
                names = [value]
            } else if let array = value.array {
                names = Array(array)
            } else {
                fail(.badValue, at: keyPath, "\(role) attrs must be a list, such as [\"bold\", \"reverse\"]")
                return []
            }
            var attributes: TextAttributes = []
            for item in names {
                guard let name = item.string else {
                    fail(.badValue, at: keyPath, "\(role) attrs must hold names, such as [\"bold\", \"reverse\"]")
                    continue
                }
                guard let attribute = ThemeDocument.attributeNames.first(where: { $0.0 == name.lowercased() })?.1 else {
                    fail(.unknownAttribute, at: keyPath,
                         "\(role): unknown attribute \"\(name)\" (use bold, dim, italic, underline, reverse)")
                    continue
                }
                attributes.insert(attribute)
            }
            return attributes
        }
    }
}
