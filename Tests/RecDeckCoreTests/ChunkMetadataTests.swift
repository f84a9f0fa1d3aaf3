import Testing
@testable import RecDeckCore
import RecDeckTestSupport

/// Chunk metadata documents saved among the events: recognised (not problems), read with the
/// drift of real documents, joined to their chunk by chunkDocumentId, and the anomalies they
/// reveal; the `expires<` filter.
@Suite struct ChunkMetadataTests {
    /// A metadata document as the service serves it (`chunkDuration` in ms).
    static func document(id: String = "doc0", index: Int = 0, durationMs: String = "6620", extra: String = "") -> String {
        """
        {"resourceId": "r", "callId": "call-1", "chunkDocumentId": "\(id)", "chunkIndex": \(index),
         "chunkStartTime": "2026-10-01T08:00:00.1234567Z", "chunkDuration": \(durationMs),
         "pauseResumeIntervals": [{"startTime": "2026-10-01T08:00:02Z", "duration": 1500.5}],
         "recordingInfo": {"contentType": "mixed", "channelType": "audioVideo", "format": "mp4",
                           "audioConfiguration": {"sampleRate": "16000", "bitRate": 128000, "channels": 1},
                           "videoConfiguration": {"longerSideLength": 1920, "shorterSideLength": 1080, "framerate": 8, "bitRate": 1000000}},
         "participants": [{"participantId": "8:acs:one", "channel": 0}, {"participantId": "8:acs:two"}]\(extra)}
        """
    }

    static let event = EventFixture.recording(chunks: [EventFixture.chunk(index: 0, document: "doc0")])

    @Test func aDocumentIsReadNotReported() throws {
        let contents = decode(Self.document(extra: #", "version": "1.0""#), file: "x-acsmetadata.doc0.json")
        #expect(contents.problems == [])
        #expect(contents.events.isEmpty)
        let document = try #require(contents.metadata.first)
        #expect(document.chunkDocumentId == "doc0" && document.chunkIndex == 0 && document.chunkDurationMs == 6620)
        #expect(document.chunkStartTime == Timestamp(iso8601: "2026-10-01T08:00:00.1234567Z"))
        #expect(document.pauses == [ChunkMetadata.Pause(startTime: Timestamp(iso8601: "2026-10-01T08:00:02Z"), durationMs: 1500.5)])
        #expect(document.contentType == "mixed" && document.channelType == "audioVideo" && document.format == "mp4")
        #expect(document.audioConfiguration.map { "\($0.name)=\($0.value)" } == ["sampleRate=16000", "bitRate=128000", "channels=1"])
        #expect(document.videoConfiguration.count == 4)
        #expect(document.participants == [.init(participantId: "8:acs:one", channel: 0), .init(participantId: "8:acs:two", channel: nil)])
        #expect(document.location == EventLocation(file: "x-acsmetadata.doc0.json", offset: 0, length: Self.document(extra: #", "version": "1.0""#).utf8.count))
        // An object with neither an event type nor a document's shape is still a problem.
        #expect(decode(#"{"chunkDocumentId": "doc0"}"#).problems.count == 1)
    }

    @Test func joinedToItsChunkInAScanWithNoProblem() throws {
        let folder = TemporaryDirectory()
        folder.write("events.json", Self.event)
        folder.write("media/call-1-acsmetadata.doc0.json", Self.document())
        let store = try DirectoryScanner(root: folder.path).scan()
        #expect(store.problems == [])
        #expect(store.summary.problems == 0)
        let recording = try #require(store.recordings["rec-1"])
        #expect(recording.chunks.first?.metadata?.participants.count == 2)
        #expect(recording.fixedAnomalies.isEmpty, "\(recording.fixedAnomalies)")
    }

    @Test func durationsThatDoNotAddUpAndADisagreeingIndex() throws {
        var store = RecordingStore()
        store.apply(decode(Self.event), to: "events.json")
        #expect(store.recordings["rec-1"]?.fixedAnomalies == [])
        let arrived = store.apply(decode(Self.document(durationMs: "60000")), to: "doc0.json")
        let recording = try #require(arrived.updated["rec-1"])
        #expect(recording.fixedAnomalies == [.durationMismatch])
        #expect(AnomalyExplanation.lines(for: recording) == ["the chunks' metadata add up to 1m00s, the recording says 0m06s"])
        #expect(store.recordings["rec-1"] == recording)
        // Within the tolerance (2 s): no anomaly.
        #expect(store.apply(decode(Self.document(durationMs: "8000.4")), to: "doc0.json").updated["rec-1"]?.fixedAnomalies == [])
        let moved = store.apply(decode(Self.document(index: 3)), to: "doc0.json")
        #expect(moved.updated["rec-1"]?.fixedAnomalies == [.chunkIndexMismatch])
        #expect(AnomalyExplanation.lines(for: moved.updated["rec-1"]!) == ["chunk 0's metadata document says chunkIndex 3"])
        let gone = store.remove(file: "doc0.json")
        #expect(gone.updated["rec-1"]?.fixedAnomalies == [])
        #expect(gone.updated["rec-1"]?.chunks.first?.metadata == nil)
    }

    @Test func theEventArrivingAfterItsDocumentAndTheBulkScanAgree() throws {
        var oneByOne = RecordingStore()
        oneByOne.apply(decode(Self.document(durationMs: "60000")), to: "a-doc0.json")
        let delta = oneByOne.apply(decode(Self.event), to: "b-events.json")
        #expect(delta.added["rec-1"]?.fixedAnomalies == [.durationMismatch])
        var bulk = RecordingStore()
        bulk.apply([("a-doc0.json", decode(Self.document(durationMs: "60000"))), ("b-events.json", decode(Self.event))])
        #expect(bulk.recordings == oneByOne.recordings)
    }

    @Test func expiresFindsWhatIsAboutToGo() throws {
        let now = Timestamp(iso8601: "2026-10-02T07:00:10.5Z")!  // 23 h after the event
        var store = RecordingStore()
        store.apply(decode(Self.event), to: "events.json")
        let recording = try #require(store.recordings["rec-1"])
        #expect(try RecordingQuery(parsing: "expires<2h").matches(recording, now: now))
        #expect(try !RecordingQuery(parsing: "expires<30m").matches(recording, now: now))
        #expect(try !RecordingQuery(parsing: "expires<2h").matches(recording, now: Timestamp(iso8601: "2026-10-02T09:00:00Z")!), "expired: nothing left to fetch")
        #expect(try !RecordingQuery(parsing: "expires<2h").matches(recording, now: Timestamp(iso8601: "2026-10-01T09:00:00Z")!))
        #expect(throws: QueryError.self) { try RecordingQuery(parsing: "expires:2h") }
    }
}
