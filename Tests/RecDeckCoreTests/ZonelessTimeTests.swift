import Testing
@testable import RecDeckCore
import RecDeckTestSupport

/// An `eventTime` without a zone (valid ISO 8601, seen in SDK tests) is read as UTC, not reported.
@Suite struct ZonelessTimeTests {
    @Test func zonelessEventTimeIsUTCAndCounted() throws {
        let contents = decode(EventFixture.recording(eventTime: "2018-10-12T15:14:11.3028183"))
        #expect(contents.problems == [])
        #expect(contents.zonelessTimes == 1)
        #expect(contents.events.first?.envelope.time == Timestamp(iso8601: "2018-10-12T15:14:11.3028183Z"))
        var store = RecordingStore()
        store.apply(contents, to: "events.json")
        store.apply(decode(EventFixture.other(eventTime: "2018-10-12T15:14:11")), to: "other.json")
        #expect(store.summary.zonelessTimes == 2)
        #expect(store.summary.problems == 0)
    }

    @Test func strictParsingStillRefusesAMissingZone() {
        #expect(Timestamp(iso8601: "2018-10-12T15:14:11.3028183") == nil)
        #expect(Timestamp(iso8601: "2018-10-12T15:14:11.3028183", zonelessAsUTC: true)?.iso8601UTC == "2018-10-12T15:14:11.302Z")
        #expect(Timestamp(iso8601: "2018-10-12T15:14", zonelessAsUTC: true) == nil)
    }
}
