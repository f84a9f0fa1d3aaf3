import Testing
@testable import RecDeckCore
import RecDeckTestSupport

/// The table of recording fields: every name users type resolves to exactly one field, and the
/// contract orders it gives are the documented ones.
@Suite struct RecordingFieldTests {
    @Test func everyColumnSortAndQueryNameHasExactlyOneField() {
        let columns = RecordingField.all.compactMap { $0.column?.name }
        #expect(columns.count == Set(columns).count)
        #expect(Set(columns) == Set(RecordingColumn.allCases))
        let sorts = RecordingField.all.compactMap { $0.sort?.name }
        #expect(sorts.count == Set(sorts).count)
        #expect(Set(sorts) == Set(SortField.allCases))
        let queries = RecordingField.all.compactMap { $0.query?.name }
        #expect(queries.count == Set(queries).count)
        #expect(Set(queries) == Set(QueryField.allCases))
        #expect(Set(RecordingField.all.map(\.name)).count == RecordingField.all.count)
    }

    @Test func contractOrdersComeFromTheTable() {
        #expect(RecordingField.all.compactMap { $0.json?.key } == [
            "recordingId", "callId", "serverCallId", "startTime", "durationMs", "sessionEndReason", "contentType",
            "channelType", "formatType", "chunks", "events", "duplicateDeliveries", "anomalies", "deadLettered",
        ])
        #expect(RecordingFormats.columns == [
            "recordingId", "callId", "serverCallId", "startTime", "durationMs", "sessionEndReason",
            "contentType", "channelType", "formatType", "chunks", "chunkEndReasons", "events",
            "duplicateDeliveries", "anomalies", "file", "contentLocation",
        ])
    }

    @Test func dropOrdersComeFromTheRanks() {
        #expect(RecordingColumn.dropOrder == [.storage, .end, .arrived, .age, .media, .format, .reason, .recording, .anomalies, .chunks, .duration])
        #expect(RecordingColumn.dashboardDropOrder == [.storage, .recording, .anomalies, .media, .end, .arrived, .age, .format, .reason,
                                                        .chunks, .call, .duration, .start])
    }

    @Test func theStorageColumnShowsTheStorageType() throws {
        let text = EventFixture.recording().replacingOccurrences(
            of: "\"recordingFormatType\": \"Mp4\"", with: "\"recordingFormatType\": \"Mp4\", \"storageType\": \"BlobStorage\"")
        var store = RecordingStore()
        store.apply(decode(text), to: "events.json")
        store.apply(decode(EventFixture.recording(id: "ev-2", call: "call-2", recording: "rec-2")), to: "other.json")
        let now = Timestamp(iso8601: "2026-10-01T09:00:00Z")!
        #expect(RecordingColumn.storage.title == "STORAGE")
        #expect(RecordingColumn.storage.text(for: try #require(store.recordings["rec-1"]), now: now, offsetSeconds: 0) == "BlobStorage")
        #expect(RecordingColumn.storage.text(for: try #require(store.recordings["rec-2"]), now: now, offsetSeconds: 0) == "—")
    }
}
