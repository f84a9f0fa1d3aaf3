import Foundation
import Testing
@testable import RecDeckCore
import RecDeckTestSupport

/// Times, spans and sums from files or the clock never trap: they saturate, or the file is told why.
@Suite struct TimeOverflowTests {
    static let now = Timestamp(iso8601: "2026-10-01T09:00:00Z")!

    @Test func spansBetweenFarTimesSaturate() throws {
        let old = try #require(Timestamp(iso8601: "1700-01-01T00:00:00Z"))
        #expect(Self.now.nanoseconds(since: old) == .max)
        #expect(old.nanoseconds(since: Self.now) == .min)
        #expect(Timestamp.latest.advanced(by: 1) == .latest)
        #expect(Timestamp.earliest.advanced(by: -1) == .earliest)
        #expect(Timestamp(seconds: 10_413_792_000, nanoseconds: 0) == .latest, "2300-01-01")
        #expect(Timestamp(seconds: -11_676_096_000, nanoseconds: 0) == .earliest, "1600-01-01")
        #expect(Timestamp(milliseconds: .max) == .latest)
        #expect(Timestamp.earliest.milliseconds == Int64.min / 1_000_000 - 1)
        #expect(Timestamp.earliest.iso8601UTC == "1677-09-21T00:12:43.145Z")
        #expect(Timestamp.latest.iso8601UTC == "2262-04-11T23:47:16.854Z")
    }

    @Test func ageOfAnEventFrom1700IsYearsNotNow() throws {
        var store = RecordingStore()
        store.apply(decode(EventFixture.recording(eventTime: "1700-01-01T00:00:00Z", start: "1700-01-01T00:00:00Z")), to: "old.json")
        let recording = try #require(store.recordings.values.first)
        #expect(RecordingColumn.age.text(for: recording, now: Self.now, offsetSeconds: 0) == "326y")
        #expect(recording.anomalies(now: Self.now).contains(.mediaExpired))
        #expect(MediaRetention(recording, now: Self.now) == .expired)
        #expect(RecordingSort(field: .age).numberKey(recording, now: Self.now) == .max)
    }

    @Test(arguments: ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1677-09-21T00:12:43Z"])
    func yearsOutsideTheRangeAreReportedAsSuch(time: String) throws {
        let contents = decode("[\(EventFixture.recording(eventTime: time))]")
        #expect(contents.problems.map(\.message) == [
            "\"eventTime\" \"\(time)\" is outside the times recdeck holds (1677-09-21T00:12:43.145Z to 2262-04-11T23:47:16.854Z)",
        ])
        #expect(contents.recordingEvents.count == 1, "the event still counts, without a time")
    }

    @Test func sumsStayExactAndSaturate() {
        var sum = ExactSum()
        sum.add(.max)
        sum.add(.max)
        #expect(sum.value == .max)
        sum.subtract(.max)
        #expect(sum.value == .max)
        sum.subtract(.max)
        #expect(sum.value == 0)
        sum.add(-5)
        #expect(sum.value == -5)
        sum.add(.min)
        #expect(sum.value == .min)
        sum.subtract(.min)
        #expect(sum.value == -5)
    }

    @Test func negativeDurationIsAProblemAndReadAsMissing() {
        let contents = decode("[\(EventFixture.recording(durationMs: "-5000"))]")
        #expect(contents.problems.map(\.message) == ["\"recordingDurationMs\" is negative: -5000"])
        #expect(contents.recordingEvents.first?.durationMs == nil)
    }

    @Test func problemMessagesQuoteABoundedPrefix() {
        let huge = String(repeating: "9x", count: 1 << 20)
        let contents = decode("[\(EventFixture.recording(durationMs: "\"\(huge)\""))]")
        let message = contents.problems.first?.message ?? ""
        #expect(message == "expected an integer for \"recordingDurationMs\", found \"\(String(huge.prefix(64)))…\" (2097152 bytes)")
    }

    /// Random `stat` times, sizes and wall clocks: a stamp and its age never trap.
    @Test func watcherStampsOfAnyTimeDoNotTrap() {
        var generator = SystemRandomNumberGenerator()
        let edges: [Int] = [.min, .max, 0, -1, 1, 10_413_792_000, -11_676_096_000, Int.max / 1_000_000_000 + 1]
        for round in 0..<5_000 {
            var info = stat()
            let pick = { (round: Int) -> Int in round % 3 == 0 ? edges[Int.random(in: 0..<edges.count, using: &generator)] : Int.random(in: .min ... .max, using: &generator) }
            info.st_mtim.tv_sec = pick(round)
            info.st_mtim.tv_nsec = Int.random(in: 0..<1_000_000_000, using: &generator)
            info.st_ctim.tv_sec = pick(round + 1)
            info.st_ctim.tv_nsec = Int.random(in: 0..<1_000_000_000, using: &generator)
            info.st_size = Int.random(in: .min ... .max, using: &generator)
            let stamp = WatchFileStamp(info)
            let wall = Int64(pick(round + 2))
            _ = stamp.age(atWall: wall)
            #expect(stamp == WatchFileStamp(info))
        }
        var late = stat(), later = stat()
        late.st_mtim.tv_sec = 10_413_792_000
        later.st_mtim.tv_sec = 10_413_792_001
        #expect(WatchFileStamp(late) != WatchFileStamp(later), "two times past 2262 are still told apart")
        #expect(WatchFileStamp(late).age(atWall: Self.now.nanoseconds) < 0)
    }
}
