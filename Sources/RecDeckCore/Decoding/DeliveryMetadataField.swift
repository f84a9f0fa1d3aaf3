/// The top-level members Event Grid adds to an event when it dead-letters it; they are read into
/// `DeadLetter` (or skipped) and left out of the event's `EventBody`. Names are compared ignoring
/// case: the Event Grid schema writes `deadLetterReason`, CloudEvents `deadletterreason`.
enum DeliveryMetadataField: CaseIterable {
    case deadLetterReason, deliveryAttempts, lastDeliveryOutcome, lastHttpStatusCode, publishTime, lastDeliveryAttemptTime

    private var lowercasedName: StaticString {
        switch self {
        case .deadLetterReason: "deadletterreason"
        case .deliveryAttempts: "deliveryattempts"
        case .lastDeliveryOutcome: "lastdeliveryoutcome"
        case .lastHttpStatusCode: "lasthttpstatuscode"
        case .publishTime: "publishtime"
        case .lastDeliveryAttemptTime: "lastdeliveryattempttime"
        }
    }

    /// The field a key names, or nil; costs a length comparison for every other key.
    init?(_ key: JSONStringSpan, _ parser: JSONParser) {
        switch key.count {
        case 11, 16, 18, 19, 23: break
        default: if !key.escaped { return nil }
        }
        let name: [UInt8] = key.escaped ? Array(parser.string(key).utf8)
            : Array(UnsafeBufferPointer(rebasing: parser.buffer[key.start..<key.end]))
        for field in Self.allCases {
            let expected = field.lowercasedName
            guard name.count == expected.utf8CodeUnitCount else { continue }
            var equal = true
            for index in 0..<name.count {
                let byte = name[index]
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if lower != expected.utf8Start[index] {
                    equal = false
                    break
                }
            }
            if equal {
                self = field
                return
            }
        }
        return nil
    }
}
