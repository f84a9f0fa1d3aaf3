import Foundation

/// The ids carried by a recording event's subject, `/recording/call/{callId}/serverCallId/{…}/recordingId/{…}`.
///
/// The subject is read as key/value segments after `recording`, so every seen variant (and any
/// segment missing or in another order) works.
public struct RecordingSubject: Sendable, Hashable {
    public var callId: String?
    public var serverCallId: String?
    public var recordingId: String?

    public init(callId: String? = nil, serverCallId: String? = nil, recordingId: String? = nil) {
        self.callId = callId
        self.serverCallId = serverCallId
        self.recordingId = recordingId
    }

    /// Parses a subject; unknown keys are ignored and empty values count as missing.
    public init(parsing subject: String) {
        let segments = subject.split(separator: "/", omittingEmptySubsequences: true)
        var index = segments.first == "recording" ? 1 : 0
        while index + 1 < segments.count {
            let key = segments[index]
            let value = String(segments[index + 1])
            if key == "call" || key.lowercased() == "call" {
                callId = value
            } else if key == "serverCallId" || key.lowercased() == "servercallid" {
                serverCallId = value
            } else if key == "recordingId" || key.lowercased() == "recordingid" {
                recordingId = value
            }
            index += 2
        }
    }

    /// The conversation URL a `serverCallId` encodes (base64url, padding stripped), when it decodes to text.
    public static func decodedServerCallId(_ serverCallId: String) -> String? {
        var base64 = serverCallId.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
              text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { return nil }
        return text
    }
}
