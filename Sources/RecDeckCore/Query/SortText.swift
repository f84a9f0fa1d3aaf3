/// `FIELD`, `FIELD:asc` or `FIELD:desc` as `--sort` takes it, for any set of sort fields
/// (`RecordingSort`, `CallSort`): any case, surrounding spaces ignored, errors that list the fields.
enum SortText {
    /// The field named in `text` and the direction, `nil` when none is given. `rows` names what
    /// is sorted in the error message ("calls"), `nil` for recordings.
    static func parse<Field: RawRepresentable & CaseIterable>(_ text: String, rows: String? = nil)
        throws(QueryError) -> (field: Field, ascending: Bool?) where Field.RawValue == String {
        let trimmed = String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
        let pieces = trimmed.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = pieces.first.map { $0.lowercased() } ?? ""
        guard let field = Field(rawValue: name) else {
            let known = Field.allCases.map(\.rawValue)
            let list = known.dropLast().joined(separator: ", ") + " or " + known.last!
            let what = name.isEmpty ? "missing sort field in \"\(trimmed)\""
                : "unknown sort field \"\(name)\"" + (rows.map { " for \($0)" } ?? "")
                    + (name == trimmed.lowercased() ? "" : " in \"\(trimmed)\"")
            throw QueryError(.unknownSortField, term: text, message: "\(what): use \(list), optionally followed by :asc or :desc")
        }
        guard pieces.count == 2 else { return (field, nil) }
        switch pieces[1].lowercased() {
        case "asc": return (field, true)
        case "desc": return (field, false)
        default:
            throw QueryError(.badSortDirection, term: text,
                             message: "bad sort direction \"\(pieces[1])\" in \"\(trimmed)\": use asc or desc")
        }
    }
}
