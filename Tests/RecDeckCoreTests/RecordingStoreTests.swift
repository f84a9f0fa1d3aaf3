import Testing
@testable import RecDeckCore
import RecDeckTestSupport

@Suite struct RecordingModelTests {
    let now = Timestamp(iso8601: "2026-10-01T09:00:00Z")!

    @Test func chunksMergeAcrossEventsInIndexOrder() throws {
        var store = RecordingStore()
        store.apply(decode("[\(EventFixture.recording(id: "e2", eventTime: "2026-10-01T08:30:00Z", chunks: [EventFixture.chunk(index: 2, document: "d2"), EventFixture.chunk(index: 1, document: "d1")]))]", file: "b.json"), to: "b.json")
        store.apply(decode("[\(EventFixture.recording(id: "e1", chunks: [EventFixture.chunk(index: 0, document: "d0", endReason: "ChunkMaximumTimeExceeded")]))]", file: "a.json"), to: "a.json")
        let recording = try #require(store.recordings["rec-1"])
        #expect(recording.chunks.map(\.index) == [0, 1, 2])
        #expect(recording.events.map(\.id) == ["e1", "e2"])
        #expect(recording.anomalies(now: now) == [])
    }

    @Test func redeliveryCountsOnceWithItsDeliveries() throws {
        var store = RecordingStore()
        let event = EventFixture.recording(id: "same")
        store.apply(decode("[\(event), \(event)]", file: "z.json"), to: "z.json")
        store.apply(decode(event, file: "a.json"), to: "a.json")
        let recording = try #require(store.recordings["rec-1"])
        #expect(recording.events.count == 1)
        #expect(recording.duplicateDeliveries == 2)
        #expect(recording.events[0].location.file == "a.json")
        #expect(store.summary == StoreSummary(files: 2, events: 1, recordings: 1, otherEvents: 0, duplicateDeliveries: 2, problems: 0))
    }

    @Test func sameIdDifferentTypeIsNotADuplicate() {
        var store = RecordingStore()
        store.apply(decode("[\(EventFixture.other(id: "x", type: "Microsoft.Communication.CallStarted")), \(EventFixture.other(id: "x", type: "Microsoft.Communication.CallEnded"))]"), to: "events.json")
        #expect(store.summary.otherEvents == 2)
        #expect(store.summary.duplicateDeliveries == 0)
        #expect(store.otherEvents.count == 2)
    }

    @Test func anomalies() throws {
        var store = RecordingStore()
        let failed = EventFixture.recording(id: "f", recording: "failed", chunks: [EventFixture.chunk(index: 0, endReason: "ChunkUploadFailure")])
        let gap = EventFixture.recording(id: "g", recording: "gap", chunks: [EventFixture.chunk(index: 0, document: "a"), EventFixture.chunk(index: 2, document: "b")])
        let repeated = EventFixture.recording(id: "r", recording: "repeated", chunks: [EventFixture.chunk(index: 0, document: "a"), EventFixture.chunk(index: 0, document: "b")])
        let none = EventFixture.recording(id: "n", recording: "none", durationMs: "0", chunks: [])
        let old = EventFixture.recording(id: "o", recording: "old", eventTime: "2026-09-29T08:00:00Z")
        store.apply(decode("[\([failed, gap, repeated, none, old].joined(separator: ","))]"), to: "events.json")
        #expect(store.recordings["failed"]?.anomalies(now: now) == [.failedChunk])
        #expect(store.recordings["gap"]?.anomalies(now: now) == [.chunkGap])
        #expect(store.recordings["repeated"]?.anomalies(now: now) == [.repeatedChunkIndex])
        #expect(store.recordings["none"]?.anomalies(now: now) == [.noChunks, .noDuration])
        #expect(store.recordings["old"]?.anomalies(now: now) == [.mediaExpired])
    }

    /// A recording of one event delivered once is the reference to that decoded event: its
    /// derived fields are derived when asked, and equal recordings hash equal whatever holds them.
    @Test func aRecordingOfOneEventIsItsEventAlone() throws {
        #expect(MemoryLayout<Recording>.size == 8)
        let events = [
            EventFixture.recording(id: "plain", recording: "plain", eventTime: "2026-10-01T08:00:00Z", durationMs: "0",
                                   chunks: [EventFixture.chunk(index: 0, document: "a", endReason: "ChunkUploadFailure"), EventFixture.chunk(index: 2, document: "b")]),
            // Out of order: merged into a box of its own, in index order.
            EventFixture.recording(id: "shuffled", recording: "shuffled", chunks: [EventFixture.chunk(index: 1, document: "b"), EventFixture.chunk(index: 0, document: "a")]),
        ]
        var first = RecordingStore(), second = RecordingStore()
        first.apply(decode("[\(events.joined(separator: ","))]"), to: "events.json")
        second.apply(decode("[\(events.joined(separator: ","))]"), to: "events.json")
        let plain = try #require(first.recordings["plain"])
        #expect(plain.id == "plain")
        #expect(plain.chunks.map(\.documentId) == ["a", "b"])
        #expect(plain.failedChunkCount == 1)
        #expect(plain.fixedAnomalies == [.failedChunk, .chunkGap, .noDuration])
        #expect(plain.lastEventTime == Timestamp(iso8601: "2026-10-01T08:00:00Z"))
        #expect(plain.duplicateDeliveries == 0)
        #expect(try #require(first.recordings["shuffled"]).chunks.map(\.index) == [0, 1])
        for id in ["plain", "shuffled"] {
            let left = try #require(first.recordings[PackedID(id)]), right = try #require(second.recordings[PackedID(id)])
            #expect(left == right)
            #expect(left.hashValue == right.hashValue)
        }
        #expect(plain != first.recordings["shuffled"])
    }

    @Test func laterEventsFillFieldsButMissingValuesDoNotErase() throws {
        var store = RecordingStore()
        let first = EventFixture.recording(id: "1", eventTime: "2026-10-01T08:00:00Z", durationMs: "100", endReason: "CallEnded")
        let second = EventFixture.recording(id: "2", eventTime: "2026-10-01T08:10:00Z", durationMs: "null", endReason: "InitiatorLeft")
        store.apply(decode("[\(second), \(first)]"), to: "events.json")
        let recording = try #require(store.recordings["rec-1"])
        #expect(recording.durationMs == 100)
        #expect(recording.sessionEndReason == "InitiatorLeft")
    }
}

@Suite struct RecordingStoreDeltaTests {
    @Test func applyReplaceAndRemoveGiveDeltas() throws {
        var store = RecordingStore()
        let added = store.apply(decode(EventFixture.recording(id: "a", recording: "r1"), file: "x.json"), to: "x.json")
        #expect(Set(added.added.keys) == ["r1"])
        #expect(added.updated.isEmpty && added.removed.isEmpty)

        let same = store.apply(decode(EventFixture.recording(id: "a", recording: "r1"), file: "x.json"), to: "x.json")
        #expect(same.isEmpty)

        let changed = store.apply(decode("[\(EventFixture.recording(id: "a", recording: "r1", durationMs: "7")), \(EventFixture.recording(id: "b", recording: "r2"))]", file: "x.json"), to: "x.json")
        #expect(Set(changed.updated.keys) == ["r1"])
        #expect(Set(changed.added.keys) == ["r2"])

        let removed = store.remove(file: "x.json")
        #expect(removed.removed == ["r1", "r2"])
        #expect(store.recordings.isEmpty)
        #expect(store.summary == StoreSummary(files: 0, events: 0, recordings: 0, otherEvents: 0, duplicateDeliveries: 0, problems: 0))
    }

    @Test func removingOneDeliveryKeepsTheOther() throws {
        var store = RecordingStore()
        let event = EventFixture.recording(id: "a")
        store.apply(decode(event, file: "1.json"), to: "1.json")
        store.apply(decode(event, file: "2.json"), to: "2.json")
        let delta = store.remove(file: "1.json")
        #expect(Set(delta.updated.keys) == ["rec-1"])
        #expect(store.recordings["rec-1"]?.events[0].location.file == "2.json")
        #expect(store.recordings["rec-1"]?.duplicateDeliveries == 0)
    }

    @Test func problemsFollowTheirFile() {
        var store = RecordingStore()
        let delta = store.apply(decode("[{", file: "bad.json"), to: "bad.json")
        #expect(delta.problemsChanged)
        #expect(store.problems.count == 1)
        #expect(store.remove(file: "bad.json").problemsChanged)
        #expect(store.problems.isEmpty)
    }

    @Test func resultIsIndependentOfFileOrder() {
        let files = (0..<20).map { index in
            ("f\(index).json", "[\(EventFixture.recording(id: "e\(index % 7)", recording: "r\(index % 5)", eventTime: "2026-10-01T08:0\(index % 10):00Z", chunks: [EventFixture.chunk(index: index % 3, document: "d\(index % 3)")]))]")
        }
        var forward = RecordingStore(), backward = RecordingStore()
        for (name, text) in files { forward.apply(decode(text, file: name), to: name) }
        for (name, text) in files.reversed() { backward.apply(decode(text, file: name), to: name) }
        #expect(forward.recordings == backward.recordings)
        #expect(forward.summary == backward.summary)
    }

    @Test func deltasMerge() {
        var delta = StoreDelta()
        let recording = Recording(id: "r", events: [])
        var first = StoreDelta()
        first.added["r"] = recording
        var second = StoreDelta()
        second.removed = ["r"]
        delta.merge(first)
        delta.merge(second)
        #expect(delta.isEmpty)
        var third = StoreDelta()
        third.added["r"] = recording
        var removedThenAdded = StoreDelta()
        removedThenAdded.removed = ["r"]
        removedThenAdded.merge(third)
        #expect(Set(removedThenAdded.updated.keys) == ["r"] && removedThenAdded.removed.isEmpty)
    }
}
