/// Why a filter query or a sort key could not be parsed.
///
/// The message names the offending term as the user typed it, so the dashboard can show it under
/// the prompt and the command line can print it as is; a query with an error is never applied.
public struct QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of mistake it is, for callers that react differently to each (tests, mostly).
    public enum Kind: String, Sendable, Hashable {
        /// `foo:bar` or `foo>1` with a field the language does not know.
        case unknownField
        /// `call:`, `dur>` or `""`: nothing to match.
        case emptyValue
        /// A `dur`/`age` value that is not a duration (`5x`).
        case badDuration
        /// A `chunks` value that is not a whole number.
        case badNumber
        /// A `start` value that is not a date or time.
        case badTime
        /// An operator that is not `>`, `<`, `>=`, `<=` or `=`, or one that does not fit the field
        /// (`call>1`, `dur:5m`).
        case badOperator
        /// A `"` without its closing `"`.
        case unterminatedQuote
        /// A `-` with nothing to negate.
        case loneNegation
        /// An `anomaly:` value that is part of no anomaly code.
        case unknownAnomaly
        /// A `deadLettered:` value other than true or false.
        case badFlag
        /// A `--sort` field that does not exist.
        case unknownSortField
        /// A `--sort` direction other than `asc` or `desc`.
        case badSortDirection
    }

    /// What kind of mistake it is.
    public var kind: Kind
    /// The term (or sort specification) at fault, as typed.
    public var term: String
    /// One line for a person, naming `term`.
    public var message: String

    public init(_ kind: Kind, term: String, message: String) {
        self.kind = kind
        self.term = term
        self.message = message
    }

    public var description: String { message }
}
