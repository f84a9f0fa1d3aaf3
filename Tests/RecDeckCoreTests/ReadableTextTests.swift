import RecDeckCore
import RecDeckTestSupport
import Testing

/// Numbers and counts as the screen and `list` write them (issue 13, "Numbers" and plurals).
@Suite struct ReadableTextTests {
    @Test func totalsUseTheUnitThatMatters() {
        #expect(DurationText.total(milliseconds: 6_620) == "7s")
        #expect(DurationText.total(milliseconds: 0) == "0s")
        #expect(DurationText.total(milliseconds: 725_000) == "12m05s")
        #expect(DurationText.total(milliseconds: (33 * 3600 + 42 * 60) * 1000) == "33h42m")
        #expect(DurationText.total(milliseconds: (139_003 * 3600 + 39 * 60) * 1000) == "5,791d 19h")
    }

    @Test func lengthsOfADayOrMoreShowDays() {
        #expect(DurationText.length(milliseconds: 6_620) == "0m06s")
        #expect(DurationText.length(milliseconds: (4 * 3600 + 21 * 60 + 8) * 1000) == "4h21m08s")
        #expect(DurationText.length(milliseconds: (139_003 * 3600 + 39 * 60 + 5) * 1000) == "5,791d 19h39m")
    }

    @Test func agesNeverOutgrowFiveCells() {
        let day: Int64 = 86_400 * 1_000_000_000
        #expect(DurationText.age(nanoseconds: 999 * day) == "999d")
        #expect(DurationText.age(nanoseconds: 1953 * day) == "5y")
        #expect(DurationText.age(nanoseconds: Int64.max) == "292y")
        #expect(DurationText.age(nanoseconds: -5) == "now")
    }

    @Test func countsAreGroupedAndAgree() {
        #expect(CountText.grouped(102_619) == "102,619")
        #expect(CountText.grouped(999) == "999")
        #expect(CountText.grouped(-1234) == "-1,234")
        #expect(CountText.grouped(-123) == "-123")
        #expect(CountText.of(1, "recording") == "1 recording")
        #expect(CountText.of(3000, "recording") == "3,000 recordings")
        #expect(CountText.of(1, "delivery", "deliveries") == "1 delivery")
        #expect(CountText.of(5, "delivery", "deliveries") == "5 deliveries")
    }

    @Test func startShowsTheYearWhenItIsNotThisYear() throws {
        var store = RecordingStore()
        store.apply(decode("""
        [\(EventFixture.recording(id: "a", recording: "this", start: "2026-10-01T08:00:12Z")),
         \(EventFixture.recording(id: "b", recording: "last", start: "2025-12-31T23:59:59Z"))]
        """), to: "events.json")
        let now = Timestamp(iso8601: "2026-11-01T00:00:00Z")!
        let thisYear = try #require(store.recordings["this"])
        let lastYear = try #require(store.recordings["last"])
        #expect(RecordingColumn.start.text(for: thisYear, now: now, offsetSeconds: 0, compact: true) == "10-01 08:00:12")
        #expect(RecordingColumn.start.text(for: lastYear, now: now, offsetSeconds: 0, compact: true) == "2025-12-31 23:59")
        #expect(RecordingColumn.start.text(for: lastYear, now: now, offsetSeconds: 0) == "2025-12-31 23:59:59")
        // The year is the one shown: an hour east, New Year's Eve 2025 23:59 is already 2026.
        #expect(RecordingColumn.start.text(for: lastYear, now: now, offsetSeconds: 3600, compact: true) == "01-01 00:59:59")
    }

    @Test func suggestionsFindCloseNamesOnly() {
        let commands = ["watch", "list", "check", "demo", "themes", "config"]
        #expect(NameSuggestion.closest(to: "lsit", among: commands) == "list")
        #expect(NameSuggestion.closest(to: "chekc", among: commands) == "check")
        #expect(NameSuggestion.closest(to: "Themse", among: commands) == "themes")
        #expect(NameSuggestion.closest(to: "events", among: commands) == nil)
        #expect(NameSuggestion.closest(to: "recordings", among: commands) == nil)
    }
}
