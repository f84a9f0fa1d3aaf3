import Foundation

/// The ids carried by a recording event's subject, `/recording/call/{callId}/serverCallId/{…}/recordingId/{…}`.
///
/// The subject is read as key/value segments after `recording`, so every seen variant (and any
/// segment missing or in another order) works. The ids are kept packed (`PackedID`).
public struct RecordingSubject: Sendable, Hashable {
    public var packedCallId: PackedID?
    public var packedServerCallId: PackedID?
    public var packedRecordingId: PackedID?

    public var callId: String? {
        get { packedCallId?.text }
        set { packedCallId = newValue.map { PackedID($0) } }
    }
    public var serverCallId: String? {
        get { packedServerCallId?.text }
        set { packedServerCallId = newValue.map { PackedID($0) } }
    }
    public var recordingId: String? {
        get { packedRecordingId?.text }
        set { packedRecordingId = newValue.map { PackedID($0) } }
    }

    public init(callId: String? = nil, serverCallId: String? = nil, recordingId: String? = nil) {
        packedCallId = callId.map { PackedID($0) }
        packedServerCallId = serverCallId.map { PackedID($0) }
        packedRecordingId = recordingId.map { PackedID($0) }
    }

    /// Parses a subject; unknown keys are ignored and empty values count as missing.
    public init(parsing subject: String) {
        if subject.isAllASCII {
            self = Self(parsingASCII: subject)
        } else {
            self = Self(parsingCharacters: subject)
        }
    }

    private init(parsingASCII subject: String) {
        var subject = subject
        self = subject.withUTF8 { Self(asciiBytes: $0) }
    }

    /// Parses an ASCII subject's bytes (as the JSON holds them, when they need no unescaping),
    /// one segment at a time: nothing is allocated but the ids.
    init(asciiBytes bytes: UnsafeBufferPointer<UInt8>) {
        func equalsIgnoringCase(_ range: Range<Int>, _ name: StaticString) -> Bool {
            guard range.count == name.utf8CodeUnitCount else { return false }
            let expected = name.utf8Start
            for offset in 0..<range.count {
                var byte = bytes[range.lowerBound + offset]
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
                if byte != expected[offset] { return false }
            }
            return true
        }
        // Segments between slashes, empty ones dropped (as `split(separator: "/")` gives them):
        // after a first `recording`, key and value in turn; a key without a value is ignored.
        var start = 0, isFirst = true
        var key: Range<Int>?
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
            defer { start = index + 1 }
            guard index > start else { continue }
            let segment = start..<index
            if isFirst {
                isFirst = false
                if equalsExactly(bytes, segment, "recording") { continue }
            }
            guard let name = key else {
                key = segment
                continue
            }
            key = nil
            let value = UnsafeBufferPointer(rebasing: bytes[segment])
            if equalsIgnoringCase(name, "call") {
                packedCallId = PackedID(utf8: value)
            } else if equalsIgnoringCase(name, "servercallid") {
                packedServerCallId = PackedID(utf8: value)
            } else if equalsIgnoringCase(name, "recordingid") {
                packedRecordingId = PackedID(utf8: value)
            }
        }
    }

    /// The same, by characters (a slash followed by a combining mark is no separator): for non-ASCII subjects.
    private init(parsingCharacters subject: String) {
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
        Base64Text.decoded(serverCallId)
    }
}

private func equalsExactly(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ name: StaticString) -> Bool {
    guard range.count == name.utf8CodeUnitCount else { return false }
    let expected = name.utf8Start
    for offset in 0..<range.count where bytes[range.lowerBound + offset] != expected[offset] { return false }
    return true
}
