import Foundation
import Testing
@testable import RecDeckCore

/// `PackedID` gives back every text byte for byte, equal exactly when the texts are, whichever
/// form it chose; and it chooses the packed forms for the shapes Azure writes.
@Suite struct PackedIDTests {
    /// The published serverCallId and its URL (`../shared/samples`, real recording event).
    static let serverCallId = "aHR0cHM6Ly9hcGkuZmxpZ2h0cHJveHkuc2t5cGUuY29tL2FwaS92Mi9jcC9jb252LXdlZXUtMDMtcHJvZC1hY3MuY29udi5za3lwZS5jb20vY29udi9kWmUzN0I3bWxiX3h1VkRYeXJsdlA3P2k9OSZlPTk4Mjg0NjY0MTc0MDQxMTMyMg"

    /// A recordingId as Azure writes it: base64url of its document of two UUIDs.
    static let recordingId = "eyJQbGF0Zm9ybUVuZHBvaW50SWQiOiI2MzBlOTdhNi0xMjEyLTQyYjgtYjRmZC1lYmY3Mjc1MTdhODciLCJSZXNvdXJjZVNwZWNpZmljSWQiOiIyNTljYjlhYi1kM2I0LTQ0OWYtYjIwMy00YmQzMDQyZTMxYmEifQ"

    static let texts: [String] = [
        "", "a", "0ef875ae-3276-4366-97bf-fff575b33099", "0EF875AE-3276-4366-97BF-FFF575B33099",
        "0ef875ae-3276-4366-97BF-fff575b33099", "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff", "0ef875ae-3276-4366-97bf-fff575b3309g", "0ef875ae+3276-4366-97bf-fff575b33099",
        "0ef875ae-3276-4366-97bf-fff575b330990", "{0ef875ae-3276-4366-97bf-fff575b33099}", serverCallId,
        serverCallId + "A", serverCallId + "AA", String(serverCallId.dropLast()), serverCallId + "=",
        "aGVsbG8gd29ybGQgaGVsbG8gd29ybGQ", // "hello world hello world"
        "aGVsbG8gd29ybGQgaGVsbG8gd29ybGR", // trailing bits not zero: not canonical
        "aGVsbG8+d29ybGQ/aGVsbG8gd29ybGQ", // the standard alphabet
        "_-_-_-_-_-_-_-_-_-_-_-_-", // decodes to bytes that are not UTF-8
        "0-weu-d13-9b1ebc859fb0dd2a1b390318533973a0", "{call-id}", recordingId,
        base64URL(#"{"PlatformEndpointId":"630E97A6-1212-42B8-B4FD-EBF727517A87","ResourceSpecificId":"259cb9ab-d3b4-449f-b203-4bd3042e31ba"}"#),
        base64URL(#"{"PlatformEndpointId":"630e97a6-1212-42b8-b4fd-ebf727517a87", "ResourceSpecificId":"259cb9ab-d3b4-449f-b203-4bd3042e31ba"}"#),
        base64URL(#"{"ResourceSpecificId":"259cb9ab-d3b4-449f-b203-4bd3042e31ba","PlatformEndpointId":"630e97a6-1212-42b8-b4fd-ebf727517a87"}"#),
        base64URL(#"{"PlatformEndpointId":"630e97a6-1212-42b8-b4fd-ebf727517a8g","ResourceSpecificId":"259cb9ab-d3b4-449f-b203-4bd3042e31ba"}"#),
        String(recordingId.dropLast()), recordingId + "A", "call/with/slashes", "ünïcödé-id-with-more-than-15",
        // Texts whose prefix (to the last slash) is shared, too short (15 bytes), just long enough (16),
        // the longest kept (256), too long (257), and the whole text.
        base64URL("https://host.example/a/xyz"), base64URL("https://host.example/a/xy"), base64URL("https://host.example/a/"),
        base64URL("https://h.io/ab/rest of it"), base64URL("https://h.io/abc/rest of it"),
        base64URL(String(repeating: "p", count: 255) + "/rest"), base64URL(String(repeating: "p", count: 256) + "/rest"),
    ]

    @Test(arguments: texts)
    func givesTheTextBack(text: String) {
        let id = PackedID(text)
        #expect(id.text == text)
        #expect(Array(id.text.utf8) == Array(text.utf8))
        #expect(id.withUTF8 { Array($0) } == Array(text.utf8))
        #expect(id.isEmpty == text.isEmpty)
        var copy = text
        let fromBytes = copy.withUTF8 { PackedID(utf8: $0) }
        #expect(fromBytes == id)
        #expect(fromBytes.hashValue == id.hashValue)
    }

    @Test func equalExactlyWhenTheTextsAre() {
        for left in Self.texts {
            for right in Self.texts {
                #expect((PackedID(left) == PackedID(right)) == (left == right), "\(left) vs \(right)")
            }
        }
    }

    @Test func ordersAsTheTexts() {
        let sorted = Self.texts.sorted()
        #expect(Self.texts.map { PackedID($0) }.sorted().map(\.text) == sorted)
        for left in Self.texts {
            for right in Self.texts { #expect((PackedID(left) < PackedID(right)) == (left < right), "\(left) < \(right)") }
        }
    }

    @Test func packsTheShapesAzureWrites() {
        // A UUID and a serverCallId take no string of their own, or a shorter one.
        #expect(MemoryLayout<PackedID>.size <= 17)
        let url = "https://api.flightproxy.skype.com/api/v2/cp/conv-weeu-03-prod-acs.conv.skype.com/conv/dZe37B7mlb_xuVDXyrlvP7?i=9&e=982846641740411322"
        #expect(decoded(Self.serverCallId) == url)
        #expect(String(describing: PackedID(Self.serverCallId)) == Self.serverCallId)
        #expect(decoded(Self.recordingId) == #"{"PlatformEndpointId":"630e97a6-1212-42b8-b4fd-ebf727517a87","ResourceSpecificId":"259cb9ab-d3b4-449f-b203-4bd3042e31ba"}"#)
    }

    @Test func givesTheFirstBytesAskedFor() {
        for text in Self.texts {
            let id = PackedID(text), bytes = Array(text.utf8)
            for limit in [0, 1, 3, 4, 5, 16, 17, 33, 100, bytes.count, bytes.count + 1] {
                let given = id.withUTF8(prefix: limit) { Array($0) }
                #expect(given.count >= min(limit, bytes.count), "\(text) \(limit)")
                #expect(Array(bytes.prefix(given.count)) == given, "\(text) \(limit)")
            }
        }
    }

    @Test func sharedPrefixesAreCappedAndStayTheSame() {
        let prefixes = PrefixedText.Prefixes()
        func intern(_ text: String) -> UnsafePointer<UInt8>? {
            Array(text.utf8).withUnsafeBufferPointer { prefixes.intern($0) }
        }
        let first = intern("https://prefix/0/")
        for number in 1..<PrefixedText.Prefixes.limit { #expect(intern("https://prefix/\(number)/") != nil) }
        #expect(intern("https://one/too/many/") == nil)
        #expect(intern("https://prefix/0/") == first)
        // A text whose prefix is not kept is still given back whole.
        let text = "https://host.example/conv/rest?i=1"
        #expect(Array(text.utf8).withUnsafeBufferPointer { PrefixedText.make($0)?.withBytes { Array($0) } } == Array(text.utf8))
        #expect(Array("no-slash-in-this-text".utf8).withUnsafeBufferPointer { PrefixedText.make($0) } == nil)
    }

    @Test func encodesEveryLengthAndByte() {
        // Base64url round trips for texts of 16 to 40 bytes over every printable byte.
        for length in 16...40 {
            let bytes = (0..<length).map { UInt8(0x20 + ($0 * 7 + length) % 95) }
            let encoded = base64URL(String(decoding: bytes, as: UTF8.self))
            let id = PackedID(encoded)
            #expect(id.text == encoded)
            #expect(decoded(encoded) == String(decoding: bytes, as: UTF8.self))
        }
    }
}

private func decoded(_ encoded: String) -> String? {
    Array(encoded.utf8).withUnsafeBufferPointer { bytes in
        Base64URL.withDecoded(bytes) { decoded, _ in String(validating: decoded, as: UTF8.self) }
    }
}

private func base64URL(_ text: String) -> String {
    Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
        .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
}

/// The coded texts of a recording event give back what was set, documented or not.
@Suite struct RecordingEventTextsTests {
    @Test func givesBackEveryTextSet() {
        let values: [String?] = [nil, "CallEnded", "Audio", "audio", "", "Mp4", "a reason nobody documented", "ünï"]
        var texts = RecordingEventTexts()
        var expected = [String?](repeating: nil, count: RecordingEventTexts.Field.allCases.count)
        // Every value into every field, in an order that overwrites unusual texts with usual ones and back.
        for round in 0..<3 {
            for field in RecordingEventTexts.Field.allCases {
                for offset in values.indices {
                    let value = values[(offset * (round + 2) + field.rawValue) % values.count]
                    texts[field] = value
                    expected[field.rawValue] = value
                    for other in RecordingEventTexts.Field.allCases { #expect(texts[other] == expected[other.rawValue]) }
                }
            }
        }
        var same = RecordingEventTexts()
        for field in RecordingEventTexts.Field.allCases { same[field] = expected[field.rawValue] }
        #expect(same == texts)
        #expect(same.hashValue == texts.hashValue)
        same[.storageType] = "BlobStorage"
        #expect(same != texts || expected[RecordingEventTexts.Field.storageType.rawValue] == "BlobStorage")
        for field in RecordingEventTexts.Field.allCases { texts[field] = nil; same[field] = nil }
        #expect(texts == same && texts == RecordingEventTexts())
    }

    /// Chunk documentIds: the usual shape packed, every other text kept as it is, each given back
    /// byte for byte and equal exactly when the texts are.
    @Test func documentIdsGiveBackTheirText() {
        let texts = ["0-eus-d8-d7ac925cec97201a1e6b9d68eebb8f43", "0-eus-d8-d7ac925cec97201a1e6b9d68eebb8f44",
                     "0-wus-d8-d7ac925cec97201a1e6b9d68eebb8f43", "d7ac925cec97201a1e6b9d68eebb8f43",
                     "0-eus-d8-D7AC925CEC97201A1E6B9D68EEBB8F43", "0-eus-d8-d7ac925cec97201a1e6b9d68eebb8f4",
                     String(repeating: "p", count: 64) + "d7ac925cec97201a1e6b9d68eebb8f43",
                     String(repeating: "p", count: 65) + "d7ac925cec97201a1e6b9d68eebb8f43",
                     "0-eus-d8-d7ac925cec97201a1e6b9d68eebb8fg3", "短い-d7ac925cec97201a1e6b9d68eebb8f43", "", "x"]
        for text in texts {
            #expect(DocumentID(text).text == text)
            for other in texts { #expect((DocumentID(text) == DocumentID(other)) == (text == other)) }
        }
        var chunk = Chunk(index: 0, documentId: texts[0], contentLocation: "https://s/v1/objects/\(texts[0])/content/video")
        #expect(chunk.documentId == texts[0])
        #expect(chunk.contentLocation == "https://s/v1/objects/\(texts[0])/content/video")
        chunk.documentId = texts[4]
        #expect(chunk.documentId == texts[4])
        #expect(chunk != Chunk(index: 0, documentId: texts[0]))
    }
}
