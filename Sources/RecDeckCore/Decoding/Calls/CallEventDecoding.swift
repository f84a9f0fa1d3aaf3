/// Reading a call event's `data`: call events are few and small, so their `data` (noted during the
/// one pass) is parsed a second time into a `JSONValue` and read from there.
extension EventDecoder {
    mutating func decodeCall(_ kind: CallEventKind, envelope: EventEnvelope, data range: Range<Int>?,
                             parser: JSONParser) -> CallEvent {
        var event = CallEvent(envelope: envelope, kind: kind)
        if let range {
            var inner = JSONParser(bytes: parser.buffer, start: range.lowerBound, end: range.upperBound)
            // Scanned (and so checked) before: it cannot fail.
            switch try? inner.parseValue() {
            case .object(let members)?: read(members, into: &event)
            case .null?, nil: break
            case let value?: report("expected an object for \"data\", found \(value.kindName)", at: range.lowerBound)
            }
        }
        if event.serverCallId == nil, let subject = envelope.subject {
            event.serverCallId = Self.serverCallId(inSubject: subject)
        }
        return event
    }

    /// The id after `call/` in a call event's subject (`call/{serverCallId}/startedBy/…`).
    static func serverCallId(inSubject subject: String) -> String? {
        let segments = subject.split(separator: "/", omittingEmptySubsequences: true)
        guard segments.count >= 2, segments[0].lowercased() == "call", !segments[1].hasPrefix("{") else { return nil }
        return String(segments[1])
    }

    private mutating func read(_ members: [JSONMember], into event: inout CallEvent) {
        func member(_ name: String) -> JSONMember? { members.first { $0.key == name } }
        event.correlationId = text(member("correlationId"))
        event.serverCallId = text(member("serverCallId"))
        event.callConnectionId = text(member("callConnectionId"))
        event.startedBy = identifier(member("startedBy"))
        event.endedBy = identifier(member("endedBy"))
        event.participant = identifier(member("user")) ?? identifier(member("participant"))
        event.participantId = text(member("participantId"))
        event.displayName = text(member("displayName"))
        event.durationMs = seconds(member("durationOfCall")) ?? seconds(member("callDurationInSeconds"))
        event.recordingId = text(member("recordingId"))
        event.recordingState = text(member("state"))
        if let start = member("startDateTime"), let value = text(start) {
            if let time = Timestamp(iso8601: value) {
                event.stateStartTime = time
            } else if let time = Timestamp(iso8601: value, zonelessAsUTC: true) {
                zonelessTimes += 1
                event.stateStartTime = time
            } else {
                report(Timestamp.problem(key: "startDateTime", text: value), at: start.valueOffset)
            }
        }
        if let reason = member("reason") {
            switch reason.value {
            case .object(let fields):
                func field(_ name: String) -> JSONMember? { fields.first { $0.key == name } }
                event.reason = CallEndReason(code: integer(field("code")), subCode: integer(field("subCode")),
                                             phrase: text(field("phrase")))
            case .null: break
            default: report("expected an object for \"reason\", found \(reason.value.kindName)", at: reason.valueOffset)
            }
        }
    }

    /// A string member (a number's text is taken as it is); another kind is reported and read as missing.
    private mutating func text(_ member: JSONMember?) -> String? {
        guard let member else { return nil }
        switch member.value {
        case .string(let text): return text.isEmpty ? nil : text
        case .number(let text): return text
        case .null: return nil
        default:
            report("expected a string for \"\(member.key)\", found \(member.value.kindName)", at: member.valueOffset)
            return nil
        }
    }

    private mutating func integer(_ member: JSONMember?) -> Int64? {
        guard let member else { return nil }
        switch member.value {
        case .number(let text), .string(let text):
            if let value = Int64(text) { return value }
            if let value = Double(text), value.rounded() == value, abs(value) < 9.0e18 { return Int64(value) }
        case .null: return nil
        default: break
        }
        report("expected an integer for \"\(member.key)\", found \(member.value.kindName)", at: member.valueOffset)
        return nil
    }

    /// Seconds (fractional, as `durationOfCall` is: `49.728617199999995`) as whole milliseconds.
    private mutating func seconds(_ member: JSONMember?) -> Int64? {
        guard let member else { return nil }
        switch member.value {
        case .number(let text), .string(let text):
            if let value = Double(text), value.isFinite, value >= 0, value < 9.0e15 { return Int64((value * 1000).rounded()) }
        case .null: return nil
        default: break
        }
        report("expected a number of seconds for \"\(member.key)\", found \(member.value.kindName)", at: member.valueOffset)
        return nil
    }

    /// A communication identifier's raw id: `rawId` itself, or nested under `communicationIdentifier`
    /// (any case), or the id of the kind it names (`communicationUser.id`, `phoneNumber.value`,
    /// `microsoftTeamsUser.userId`). A plain string is taken as the id.
    private mutating func identifier(_ member: JSONMember?) -> String? {
        guard let member else { return nil }
        switch member.value {
        case .string(let text): return text.isEmpty ? nil : text
        case .null: return nil
        case .object: return Self.rawId(member.value)
        default:
            report("expected an identifier object for \"\(member.key)\", found \(member.value.kindName)", at: member.valueOffset)
            return nil
        }
    }

    private static func rawId(_ value: JSONValue, depth: Int = 0) -> String? {
        guard case .object(let members) = value, depth < 4 else { return nil }
        if let raw = value["rawId"]?.stringValue, !raw.isEmpty { return raw }
        if let nested = members.first(where: { $0.key.lowercased() == "communicationidentifier" }),
           let raw = rawId(nested.value, depth: depth + 1) {
            return raw
        }
        if let id = value["communicationUser"]?["id"]?.stringValue { return id }
        if let number = value["phoneNumber"]?["value"]?.stringValue { return number }
        if let user = value["microsoftTeamsUser"]?["userId"]?.stringValue { return user }
        return nil
    }
}
