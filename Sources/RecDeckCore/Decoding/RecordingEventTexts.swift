/// The five open-enum texts of a recording event (`sessionEndReason`, the content, channel and
/// format types, `storageType`), in 16 bytes instead of five `String`s' 80: each is a one-byte
/// code into the documented values, and any other text is kept as it is, out of line. The code of
/// a text is a function of the text, so two events' texts are equal exactly when their codes and
/// out-of-line texts are.
struct RecordingEventTexts: Sendable, Hashable {
    /// Which of the five texts.
    enum Field: Int, CaseIterable {
        case sessionEndReason, contentType, channelType, formatType, storageType
    }

    /// The documented values (`../shared/EVENTS.md`), coded 1 to 12; 0 is a missing text.
    private static let known: [String] = [
        "CallEnded", "InitiatorLeft", "AudioVideo", "Audio", "Mixed", "Unmixed", "Wav", "Mp3", "Mp4",
        "AcsStorage", "BlobStorage", "Unknown",
    ]
    private static let unusualCode: UInt8 = 0xFF

    /// One byte per field, field `n` in bits `8n ..< 8n + 8`.
    private var codes: UInt64 = 0
    /// The texts that are not documented values, by field; nil while there is none (nearly always).
    private var unusual: OutOfLine<[String?]>?

    subscript(field: Field) -> String? {
        get {
            let code = UInt8(truncatingIfNeeded: codes >> UInt64(8 * field.rawValue))
            switch code {
            case 0: return nil
            case Self.unusualCode: return unusual?.value[field.rawValue]
            default: return Self.known[Int(code) - 1]
            }
        }
        set {
            var code: UInt8 = 0
            if let newValue {
                code = Self.known.firstIndex(of: newValue).map { UInt8($0 + 1) } ?? Self.unusualCode
            }
            let shift = UInt64(8 * field.rawValue)
            codes = codes & ~(0xFF << shift) | UInt64(code) << shift
            // The out-of-line texts change only when this one is or was unusual.
            guard code == Self.unusualCode || unusual?.value[field.rawValue] != nil else { return }
            var others = unusual?.value ?? Array(repeating: nil, count: Field.allCases.count)
            others[field.rawValue] = code == Self.unusualCode ? newValue : nil
            unusual = others.allSatisfy { $0 == nil } ? nil : OutOfLine(others)
        }
    }
}
