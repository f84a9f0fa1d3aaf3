import Testing
@testable import RecDeckCore
import RecDeckTestSupport

/// Inputs that made the store or the merge quadratic: many events behind one id, one event with a
/// great many chunks, one recording growing one file at a time.
@Suite struct StoreScaleTests {
    @Test func twentyThousandEventsSharingOneIdStayDistinctAndSpreadOverTheTable() {
        let count = 20_000
        let events = (0..<count).map { EventFixture.other(id: "same", type: "Vendor.Event\($0)") }
        let contents = decode("[\(events.joined(separator: ","))]")
        #expect(contents.problems.isEmpty)
        let keys = contents.events.map(\.envelope.key)
        // Hashing the id alone put all of them in one bucket: every insert compared with the rest.
        #expect(Set(keys.map(\.hashValue)).count == count)
        var store = RecordingStore()
        store.apply(contents, to: "events.json")
        #expect(store.summary == StoreSummary(files: 1, events: count, recordings: 0, otherEvents: count,
                                              duplicateDeliveries: 0, problems: 0))
    }

    @Test func twentyThousandRecordingEventsWithOneEmptyIdAndOneTypeStayDistinctBySource() throws {
        // A producer that leaves the id empty: only the topic tells the events apart.
        let count = 20_000
        let events = (0..<count).map {
            EventFixture.recording(id: "", topic: "/subscriptions/s/acs\($0)", call: "call-\($0)", recording: "rec-\($0)")
        }
        let contents = decode("[\(events.joined(separator: ","))]")
        #expect(contents.problems.isEmpty)
        let keys = contents.events.map(\.envelope.key)
        #expect(Set(keys).count == count)
        #expect(Set(keys.map(\.hashValue)).count == count)
        var store = RecordingStore()
        store.apply(contents, to: "events.json")
        #expect(store.summary == StoreSummary(files: 1, events: count, recordings: count, otherEvents: 0,
                                              duplicateDeliveries: 0, problems: 0))
        let recording = try #require(store.recordings["rec-\(count - 1)"])
        #expect(recording.callId == "call-\(count - 1)")
        #expect(recording.events.map(\.id) == [""])
    }

    @Test func twentyThousandDeliveriesOfOneKeyAreOneEventWithItsDuplicates() throws {
        // The same (source, id, type) over and over: one event, the rest counted as redeliveries.
        let count = 20_000
        let text = EventFixture.recording(id: "same")
        let contents = decode("[\(Array(repeating: text, count: count).joined(separator: ","))]")
        #expect(contents.problems.isEmpty)
        var store = RecordingStore()
        store.apply(contents, to: "events.json")
        #expect(store.summary == StoreSummary(files: 1, events: 1, recordings: 1, otherEvents: 0,
                                              duplicateDeliveries: count - 1, problems: 0))
        let recording = try #require(store.recordings["rec-1"])
        #expect(recording.duplicateDeliveries == count - 1)
        #expect(recording.events.count == 1)
        #expect(recording.events[0].deliveries.count == count)
    }

    @Test func oneEventHoldsAtMostTheChunkLimitAndSaysSo() throws {
        let limit = EventDecoder.maximumChunksPerEvent
        let chunks = (0..<(limit + 5)).map { "{\"index\": \($0), \"documentId\": \"d\($0)\", \"endReason\": true}" }
        let contents = decode(EventFixture.recording(chunks: chunks))
        let event = try #require(contents.recordingEvents.first)
        #expect(event.chunks.count == limit)
        #expect(event.chunks.last?.index == Int64(limit - 1))
        // One problem for the chunks not read, and none for what they hold (the wrong-kind endReason).
        #expect(contents.problems.filter { $0.message.contains("only the first") }.map(\.message)
                == ["\"recordingChunks\" lists \(limit + 5) chunks: only the first \(limit) are read"])
        #expect(contents.problems.count == 1 + limit)
    }

    @Test func chunksOfManyLargeEventsMergeByIndexAndDocument() throws {
        // Ten events of ten thousand chunks each, each sharing half of its chunks with the
        // next: pairwise merging compared 10¹⁰ pairs; hashed, it is a fraction of a second.
        let perEvent = 10_000, events = 10, step = perEvent / 2
        let texts = (0..<events).map { event in
            let chunks = (event * step..<event * step + perEvent).map {
                "{\"index\": \($0), \"documentId\": \"d\($0)\", \"endReason\": \"E\(event)\"}"
            }
            return EventFixture.recording(id: "e\(event)", eventTime: "2026-10-01T08:\(10 + event):00Z", chunks: chunks)
        }
        let contents = decode("[\(texts.joined(separator: ","))]")
        #expect(contents.problems.isEmpty)
        var store = RecordingStore()
        store.apply(contents, to: "events.json")
        let recording = try #require(store.recordings["rec-1"])
        let total = step * (events + 1)
        #expect(recording.chunks.count == total)
        #expect(recording.chunks.map(\.index) == (0..<Int64(total)).map { $0 })
        // A chunk named by two events has the later event's end reason.
        #expect(recording.chunks[step].endReason == "E1")
        #expect(recording.chunks[total - 1].endReason == "E\(events - 1)")
        #expect(recording.anomalies(now: Timestamp(iso8601: "2026-10-01T09:00:00Z")!) == [])
    }

    @Test func aRecordingGrowingOneFileAtATimeMergesEachEventOnce() throws {
        // Each file is a new event of the same recording with a new chunk, later than the last.
        let files = 1_000
        let contents = (0..<files).map { index in
            let name = "f\(index).json"
            let time = Timestamp(nanoseconds: Timestamp(iso8601: "2026-10-01T08:00:00Z")!.nanoseconds + Int64(index) * 1_000_000_000)
            let text = EventFixture.recording(id: "e\(index)", eventTime: time.iso8601UTC,
                                              chunks: [EventFixture.chunk(index: index, document: "d\(index)")])
            return (file: name, contents: decode(text, file: name))
        }
        var live = RecordingStore()
        for (file, fileContents) in contents { live.apply(fileContents, to: file) }
        // Rebuilding on each arrival merged 1 + 2 + … + 1,000 events (half a million).
        #expect(live.mergedEventCount == files)
        var scanned = RecordingStore()
        scanned.apply(contents)
        #expect(live.recordings == scanned.recordings)
        let recording = try #require(live.recordings["rec-1"])
        #expect(recording.chunks.count == files)
        #expect(recording.events.count == files)

        // An event earlier than the rest, or one replaced, builds the recording again, once.
        let before = live.mergedEventCount
        let early = decode(EventFixture.recording(id: "early", eventTime: "2026-10-01T07:00:00Z",
                                                  chunks: [EventFixture.chunk(index: files, document: "late")]), file: "early.json")
        live.apply(early, to: "early.json")
        #expect(live.mergedEventCount == before + files + 1)
        scanned.apply(early, to: "early.json")
        #expect(live.recordings == scanned.recordings)
    }

    /// A dashboard left running while files come and go keeps the size of what is there: removed
    /// files and events leave slots that later ones take.
    @Test func filesThatComeAndGoReuseTheirSlots() {
        func file(_ round: Int, _ number: Int) -> FileContents {
            decode("[" + EventFixture.recording(id: "e\(round)-\(number)", call: "call-\(number)", recording: "rec-\(round)-\(number)") + "]")
        }
        var store = RecordingStore()
        for number in 0..<500 { store.apply(file(0, number), to: "a\(number).json") }
        let sizes = store.slotCounts
        #expect(sizes == (files: 500, events: 500))
        for round in 1...4 {
            for number in 0..<500 { store.remove(file: "\(round == 1 ? "a" : "r\(round - 1)-")\(number).json") }
            #expect(store.summary.events == 0 && store.recordings.isEmpty)
            for number in 0..<500 { store.apply(file(round, number), to: "r\(round)-\(number).json") }
            #expect(store.summary.recordings == 500)
            #expect(store.slotCounts == sizes, "round \(round)")
        }
    }
}
