import Foundation
import Testing
@testable import RecDeckCore
import RecDeckTestSupport

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2021-07-27T15:20:23Z", Int64(1_627_399_223_000_000_000)),
        ("2021-07-27T15:20:23.6Z", 1_627_399_223_600_000_000),
        ("2021-07-27T15:20:23.608Z", 1_627_399_223_608_000_000),
        ("2021-07-27T15:20:23.6089755Z", 1_627_399_223_608_975_500),
        ("2021-07-27T15:20:23.608975512Z", 1_627_399_223_608_975_512),
        ("2021-07-27T17:20:23.6089755+02:00", 1_627_399_223_608_975_500),
        ("2021-07-27T10:20:23.6089755-0500", 1_627_399_223_608_975_500),
        ("2021-07-27 15:20:23z", 1_627_399_223_000_000_000),
    ])
    func parses(text: String, nanoseconds: Int64) {
        #expect(Timestamp(iso8601: text)?.nanoseconds == nanoseconds)
    }

    @Test(arguments: ["", "2021-07-27", "2021-07-27T15:20:23", "2021-13-01T00:00:00Z", "2021-02-29T00:00:00Z",
                      "2021-07-27T15:20:23.Z", "2021-07-27T15:20:23Zjunk", "9999-01-01T00:00:00Z", "x021-07-27T15:20:23Z"])
    func rejects(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test func agreesWithFoundation() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let date = try #require(formatter.date(from: "2021-07-27T15:20:23.608Z"))
        let ours = try #require(Timestamp(iso8601: "2021-07-27T15:20:23.6089755Z"))
        #expect(ours.milliseconds == Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }

    @Test func displayAndSortAgree() throws {
        let earlier = try #require(Timestamp(iso8601: "2021-07-27T15:20:23.6089755Z"))
        let later = try #require(Timestamp(iso8601: "2021-07-27T15:20:23.6089756Z"))
        #expect(earlier < later)
        #expect(earlier.iso8601UTC == "2021-07-27T15:20:23.608Z")
        #expect(Timestamp(iso8601: "2021-07-27T17:20:23.6089755+02:00")!.iso8601UTC == "2021-07-27T15:20:23.608Z")
        #expect(earlier.display(offsetSeconds: 3600) == "2021-07-27 16:20:23")
        #expect(Timestamp(iso8601: "1969-12-31T23:59:59.999Z")!.iso8601UTC == "1969-12-31T23:59:59.999Z")
        #expect(Timestamp(iso8601: "2024-02-29T00:00:00Z")!.iso8601UTC == "2024-02-29T00:00:00.000Z")
    }
}

@Suite struct JSONParserTests {
    func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            var parser = JSONParser(bytes: buffer)
            let value = try parser.parseValue()
            parser.skipWhitespace()
            if !parser.isAtEnd { throw parser.failure("expected the end") }
            return value
        }
    }

    @Test func keepsKeyOrderAndRawNumbers() throws {
        let value = try parse(#"{"b": 1, "a": -2.5e3, "c": [true, false, null, "x"]}"#)
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["b", "a", "c"])
        #expect(value["a"] == .number("-2.5e3"))
        #expect(value["c"] == .array([.bool(true), .bool(false), .null, .string("x")]))
    }

    @Test func decodesEscapes() throws {
        #expect(try parse(#""a\"b\\c\/d\n\u00e9\ud83d\ude00\u001b""#) == .string("a\"b\\c/d\né😀\u{1B}"))
        #expect(try parse(#""\ud800x""#) == .string("\u{FFFD}x"))
    }

    @Test(arguments: ["{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"a", "\"\u{01}\"", "{'a': 1}", "\"\\x\""])
    func rejects(text: String) {
        #expect(throws: JSONSyntaxError.self) { try parse(text) }
    }
}
