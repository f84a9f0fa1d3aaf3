import RecDeckCore
import RecDeckTestSupport
import Testing

/// Faults against the media's retention state, and faults in words (issue 13, "Warnings that mean something").
@Suite struct SeverityTests {
    func recording(_ event: String) throws -> Recording {
        var store = RecordingStore()
        store.apply(decode("[\(event)]"), to: "events.json")
        return try #require(store.recordings.values.first)
    }

    @Test func expiryIsRetentionStateNotAFault() throws {
        let old = try recording(EventFixture.recording(eventTime: "2026-10-01T08:00:00Z"))
        let now = Timestamp(iso8601: "2026-10-03T08:00:00Z")!
        #expect(old.anomalies(now: now) == [.mediaExpired])
        #expect(!Anomaly.mediaExpired.isFault)
        #expect(Anomaly.allCases.filter(\.isFault) == [.failedChunk, .chunkGap, .repeatedChunkIndex, .noChunks, .noDuration, .durationMismatch, .chunkIndexMismatch])
        #expect(MediaRetention(old, now: now) == .expired)
        #expect(MediaRetention(old, now: now)?.text == "expired")
        #expect(RecordingColumn.anomalies.text(for: old, now: now, offsetSeconds: 0) == "")
        #expect(RecordingColumn.media.text(for: old, now: now, offsetSeconds: 0) == "expired")
        let soon = Timestamp(iso8601: "2026-10-02T05:00:00Z")!
        #expect(MediaRetention(old, now: soon) == .expiresIn(nanoseconds: 3 * 3_600_000_000_000))
        #expect(MediaRetention(old, now: soon)?.text == "expires in 3h")
        #expect(RecordingColumn.media.text(for: old, now: soon, offsetSeconds: 0) == "3h left")
    }

    @Test func everyFaultIsNamedInWords() throws {
        let failed = try recording(EventFixture.recording(chunks: [
            EventFixture.chunk(index: 0, document: "a"), EventFixture.chunk(index: 2, document: "b", endReason: "ChunkUploadFailure"),
            EventFixture.chunk(index: 2, document: "c"), EventFixture.chunk(index: 5, document: "d"),
        ]))
        #expect(AnomalyExplanation.lines(for: failed) == [
            "chunk 2 ended in ChunkUploadFailure", "chunk indexes 1, 3, 4 are missing", "2 chunks have index 2",
        ])
        let empty = try recording(EventFixture.recording(durationMs: "0", chunks: []))
        #expect(AnomalyExplanation.lines(for: empty) == ["no chunks: the event lists no recorded file", "the duration is 0"])
        let far = try recording(EventFixture.recording(chunks: [EventFixture.chunk(index: 1000, document: "x")]))
        #expect(AnomalyExplanation.lines(for: far) == ["chunk indexes 0, 1, 2, 3, 4 and 995 more are missing"])
        let one = try recording(EventFixture.recording(durationMs: "null", chunks: [
            EventFixture.chunk(index: 0, document: "a"), EventFixture.chunk(index: 2, document: "b")]))
        #expect(AnomalyExplanation.lines(for: one) == ["chunk index 1 is missing", "no duration in any event"])
    }

    @Test func faultSummariesAgreeWithTheirCounts() {
        #expect(Anomaly.failedChunk.summary(count: 1) == "1 failed chunk")
        #expect(Anomaly.chunkGap.summary(count: 2) == "2 chunk gaps")
        #expect(Anomaly.repeatedChunkIndex.summary(count: 3) == "3 repeated chunk indexes")
        #expect(Anomaly.noChunks.summary(count: 1_000) == "1,000 without chunks")
        #expect(Anomaly.noDuration.summary(count: 1) == "1 without duration")
    }

    @Test func readableRecordingIds() {
        let acs = "eyJQbGF0Zm9ybUVuZHBvaW50SWQiOiI3MjcyM2I5Yy1lZjQ0LTQwZDUtYmVlNC1kYTVhNzk4OWU5ZDAiLCJSZXNvdXJjZVNwZWNpZmljSWQiOiJhNjZkNThiNS1kMWE0LTQwMWUtYTg4Ny1hZTIyMWIzNTQxMWIifQ"
        #expect(RecordingIdText.readable(acs) == "72723b9c-ef44-40d5-bee4-da5a7989e9d0/a66d58b5-d1a4-401e-a887-ae221b35411b")
        #expect(RecordingIdText.fitted(acs, cells: 17) == "72723b9c…1b35411b")
        #expect(RecordingIdText.readable("rec-1") == "rec-1")
        #expect(RecordingIdText.readable("eyJub3QganNvbg") == "eyJub3QganNvbg")  // base64 of `{"not json`
        // Two ids that share a long start are still told apart by their end.
        #expect(RecordingIdText.fitted("recording-0000000000000000-a", cells: 12) == "record…000-a")
        #expect(DisplayWidth.middleTruncated("短い名前の録音", to: 7) == "短…録音")
    }

    @Test func base64TextInEveryShapeAzureWrites() {
        // Canonical base64url without padding (decoded on the stack), and the shapes only the
        // lenient path reads: padded, the standard alphabet, unused bits set.
        #expect(Base64Text.decoded("aHR0cHM6Ly9hcGkuZXhhbXBsZS9jP2k9MzQmZT0-") == "https://api.example/c?i=34&e=>")
        #expect(Base64Text.decoded("aHR0cHM6Ly9hcGkuZXhhbXBsZS9jP2k9MzQmZT0+") == "https://api.example/c?i=34&e=>")
        #expect(Base64Text.decoded("YWI=") == "ab")
        #expect(Base64Text.decoded("YWJ") == "ab")
        #expect(Base64Text.decoded("") == "")
        // Not text: invalid UTF-8, a control character, not base64 at all.
        #expect(Base64Text.decoded("_w") == nil)
        #expect(Base64Text.decoded("YQli") == nil)
        #expect(Base64Text.decoded("a b!") == nil)
    }
}
