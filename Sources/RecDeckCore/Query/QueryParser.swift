/// Turns query text into terms, or the first error, before anything is matched.
///
/// Grammar (terms are ANDed):
///
///     query      = { space } [ term { space { space } term } ] { space }
///     term       = [ "-" ] ( field ":" value | field op value | word )
///     field      = ASCII letter { ASCII letter }            (any case)
///     op         = ">" | "<" | ">=" | "<=" | "="
///     word/value = { character other than space | '"' text '"' }
///
/// A quoted part is literal: `"call:x"` is a word, `"-x"` is not negated. Quotes may appear
/// anywhere in a term (`call:"a b"`) and join with what touches them.
enum QueryParser {
    /// A whitespace-separated piece of the query, with its quoted parts marked.
    struct Token {
        /// The term as typed, quotes and `-` included.
        var raw = ""
        var parts: [(text: String, quoted: Bool)] = []
    }

    static func terms(_ text: String, utcOffsetSeconds: Int) throws(QueryError) -> [QueryTerm] {
        var terms: [QueryTerm] = []
        for token in try tokens(text) {
            terms.append(try term(token, utcOffsetSeconds: utcOffsetSeconds))
        }
        return terms
    }

    static func tokens(_ text: String) throws(QueryError) -> [Token] {
        var tokens: [Token] = []
        var current: Token?
        var part = ""
        var inQuotes = false
        for character in text {
            if inQuotes {
                current!.raw.append(character)
                if character == "\"" {
                    current!.parts.append((part, true))
                    part = ""
                    inQuotes = false
                } else {
                    part.append(character)
                }
            } else if character.isWhitespace {
                guard var token = current else { continue }
                if !part.isEmpty { token.parts.append((part, false)) }
                tokens.append(token)
                current = nil
                part = ""
            } else {
                if current == nil { current = Token() }
                current!.raw.append(character)
                if character == "\"" {
                    if !part.isEmpty { current!.parts.append((part, false)) }
                    part = ""
                    inQuotes = true
                } else {
                    part.append(character)
                }
            }
        }
        if inQuotes {
            let raw = current!.raw
            throw QueryError(.unterminatedQuote, term: raw, message: "unterminated quote in \(quote(raw)): close it with \"")
        }
        if var token = current {
            if !part.isEmpty { token.parts.append((part, false)) }
            tokens.append(token)
        }
        return tokens
    }

    static func term(_ token: Token, utcOffsetSeconds: Int) throws(QueryError) -> QueryTerm {
        let raw = token.raw
        var parts = token.parts
        var negated = false
        if let first = parts.first, !first.quoted, first.text.hasPrefix("-") {
            negated = true
            parts[0].text.removeFirst()
            if parts[0].text.isEmpty { parts.removeFirst() }
            if parts.isEmpty {
                throw QueryError(.loneNegation, term: raw,
                                 message: "\(quote(raw)) has nothing to negate: put the term right after the -, e.g. -call:1027")
            }
        }
        if let first = parts.first, !first.quoted {
            let name = first.text.prefix { $0.isASCII && $0.isLetter }
            let after = first.text[name.endIndex...]
            // `!` only after a known field (`dur!=5m` is a bad operator; `wow!` is a word).
            if !name.isEmpty, let separator = after.first,
               separator == ":" || "<>=".contains(separator)
                   || (separator == "!" && QueryField(rawValue: name.lowercased()) != nil) {
                let field = String(name)
                let operatorText = separator == ":" ? ":" : String(after.prefix { "<>=!".contains($0) })
                let value = String(after.dropFirst(operatorText.count)) + parts.dropFirst().map(\.text).joined()
                let condition = try fieldCondition(field, operatorText, value, raw: raw, utcOffsetSeconds: utcOffsetSeconds)
                return QueryTerm(negated: negated, condition: condition)
            }
        }
        let word = parts.map(\.text).joined()
        guard !word.isEmpty else {
            throw QueryError(.emptyValue, term: raw, message: "empty term \(raw): put the text to find between the quotes")
        }
        return QueryTerm(negated: negated, condition: .anywhere(TextNeedle(word)))
    }

    private static func fieldCondition(_ name: String, _ operatorText: String, _ value: String, raw: String,
                                       utcOffsetSeconds: Int) throws(QueryError) -> QueryTerm.Condition {
        guard let field = QueryField(rawValue: name.lowercased()) else {
            throw QueryError(.unknownField, term: raw,
                             message: "unknown field \(quote(name)) in \(quote(raw)): use \(QueryField.knownList)")
        }
        if !field.isComparison {
            guard operatorText == ":" else {
                throw QueryError(.badOperator, term: raw,
                                 message: "bad operator \(quote(operatorText)) in \(quote(raw)): \(field.rawValue) takes \(field.rawValue):VALUE")
            }
            guard !value.isEmpty else {
                throw QueryError(.emptyValue, term: raw,
                                 message: "empty value in \(quote(raw)): put what to find after \(field.rawValue):")
            }
            switch field.facet.matcher {
            case .flag:
                switch value.lowercased() {
                case "true", "yes": return .flag(field, true)
                case "false", "no": return .flag(field, false)
                default:
                    throw QueryError(.badFlag, term: raw,
                                     message: "bad value \(quote(value)) in \(quote(raw)): use \(name):true or \(name):false")
                }
            case .anomaly:
                let needle = TextNeedle(value)
                let codes = Anomaly.allCases.filter { needle.isFound(in: $0.rawValue) }
                let callCodes = CallAnomaly.allCases.filter { needle.isFound(in: $0.rawValue) }
                guard !codes.isEmpty || !callCodes.isEmpty else {
                    throw QueryError(.unknownAnomaly, term: raw,
                                     message: "unknown anomaly \(quote(value)) in \(quote(raw)): use part of "
                                         + (Anomaly.allCases.map(\.rawValue) + CallAnomaly.allCases.map(\.rawValue)).joined(separator: ", "))
                }
                return .anomaly(codes, callCodes)
            case .text, .comparison:
                return .text(field, TextNeedle(value))
            }
        }
        guard case .comparison(let unit, let example, _) = field.facet.matcher else {
            return .text(field, TextNeedle(value))
        }
        guard let op = ComparisonOperator(rawValue: operatorText) else {
            throw QueryError(.badOperator, term: raw,
                             message: "bad operator \(quote(operatorText)) in \(quote(raw)): use >, <, >=, <= or =, e.g. \(example)")
        }
        guard !value.isEmpty else {
            throw QueryError(.emptyValue, term: raw,
                             message: "empty value in \(quote(raw)): put a value after \(operatorText), e.g. \(example)")
        }
        let amount: QueryValue.Amount
        switch unit {
        case .duration:
            guard let parsed = QueryValue.duration(value) else {
                throw QueryError(.badDuration, term: raw,
                                 message: "bad duration \(quote(value)) in \(quote(raw)): use a number with ms, s, m, h or d")
            }
            amount = parsed
        case .count:
            guard let parsed = QueryValue.count(value) else {
                throw QueryError(.badNumber, term: raw,
                                 message: "bad number \(quote(value)) in \(quote(raw)): use a whole number")
            }
            amount = parsed
        case .instant:
            guard let parsed = QueryValue.instant(value, utcOffsetSeconds: utcOffsetSeconds) else {
                throw QueryError(.badTime, term: raw,
                                 message: "bad time \(quote(value)) in \(quote(raw)): use a date (2026-10-01), "
                                     + "a time (2026-10-01T08:00) or an ISO 8601 timestamp (2026-10-01T08:00:00Z)")
            }
            amount = parsed
        }
        return .comparison(field, QueryComparison(op: op, value: amount.value, precision: amount.precision))
    }

    private static func quote(_ text: String) -> String { "\"\(text)\"" }
}
