import Testing
import RecDeckCore

// MARK: - Fixture

private func time(_ text: String) -> Timestamp { Timestamp(iso8601: text)! }

private let now = time("2026-10-01T12:00:00Z")

/// A recording with one event (or `eventCount` events, the first carrying every data field).
private func recording(
    id: String,
    recordingId: String? = nil,
    callId: String? = nil,
    start: String? = "2026-10-01T08:00:00Z",
    durationMs: Int64? = 60_000,
    sessionEndReason: String? = nil,
    contentType: String? = nil,
    channelType: String? = nil,
    formatType: String? = nil,
    chunks: [Chunk] = [Chunk(index: 0, documentId: "doc")],
    eventTime: String? = "2026-10-01T09:00:00Z",
    eventCount: Int = 1
) -> Recording {
    let events = (0..<eventCount).map { number in
        let location = EventLocation(file: "\(id)-\(number).json", offset: 0, length: 10)
        let envelope = EventEnvelope(
            key: EventKey(source: "topic", id: "\(id)-event-\(number)", type: "Microsoft.Communication.RecordingFileStatusUpdated"),
            schema: .eventGrid, time: eventTime.map(time), subject: nil, location: location)
        let event = number > 0 ? RecordingEvent(envelope: envelope) : RecordingEvent(
            envelope: envelope, subjectIds: RecordingSubject(callId: callId, recordingId: recordingId),
            startTime: start.map(time), durationMs: durationMs, sessionEndReason: sessionEndReason,
            contentType: contentType, channelType: channelType, formatType: formatType, chunks: chunks)
        return (event: event, deliveries: [location])
    }
    return Recording(id: PackedID(id), events: events)
}

/// A recording whose value for `field` has rank 1 or 2 (higher rank, larger value), or is missing.
private func ranked(_ field: SortField, _ rank: Int?, id: String) -> Recording {
    // Text ranks: "alpha" < "Bravo" ignoring case, though "B" < "a" in byte order.
    let text = rank.map { $0 == 1 ? "alpha" : "Bravo" }
    switch field {
    case .start:
        return recording(id: id, start: rank.map { "2026-10-01T0\($0):00:00Z" })
    case .end:
        return recording(id: id, durationMs: rank.map { Int64($0) * 60_000 })
    case .duration:
        return recording(id: id, durationMs: rank.map { Int64($0) * 1000 })
    case .age:
        // Larger rank, older newest event; missing needs neither an event time nor a start.
        guard let rank else { return recording(id: id, start: nil, eventTime: nil) }
        return recording(id: id, eventTime: "2026-10-01T1\(2 - rank):00:00Z")
    case .call: return recording(id: id, callId: text)
    case .rec: return recording(id: id, recordingId: text)
    case .reason: return recording(id: id, sessionEndReason: text)
    case .format: return recording(id: id, formatType: text)
    case .type: return recording(id: id, contentType: text)
    case .channel: return recording(id: id, channelType: text)
    case .chunks:
        return recording(id: id, chunks: (0..<Int64(rank ?? 0)).map { Chunk(index: $0, documentId: "d\($0)") })
    case .events:
        return recording(id: id, eventCount: rank ?? 0)
    case .anomalies:
        // 0: none, 1: failedChunk, 2: failedChunk and chunkGap.
        let failed = Chunk(index: 0, documentId: "a", endReason: "ChunkUploadFailure")
        switch rank {
        case 1: return recording(id: id, chunks: [failed])
        case 2: return recording(id: id, chunks: [failed, Chunk(index: 2, documentId: "b")])
        default: return recording(id: id)
        }
    }
}

private func ids(_ recordings: [Recording]) -> [String] { recordings.map(\.id.text) }

// MARK: - Tests

@Suite struct SortTests {
    // MARK: Parsing

    @Test func defaultIsNewestStartFirst() {
        let sort = RecordingSort()
        #expect(sort.field == .start)
        #expect(!sort.ascending)
        #expect(sort.description == "start:desc")
    }

    @Test(arguments: SortField.allCases)
    func parsesEveryField(field: SortField) throws {
        #expect(try RecordingSort(parsing: field.rawValue) == RecordingSort(field: field))
        #expect(try RecordingSort(parsing: field.rawValue).ascending == field.defaultAscending)
        #expect(try RecordingSort(parsing: "\(field.rawValue):asc") == RecordingSort(field: field, ascending: true))
        #expect(try RecordingSort(parsing: "\(field.rawValue):desc") == RecordingSort(field: field, ascending: false))
        #expect(try RecordingSort(parsing: " \(field.rawValue.uppercased()):DESC ") == RecordingSort(field: field, ascending: false))
        let sort = RecordingSort(field: field, ascending: true)
        #expect(try RecordingSort(parsing: sort.description) == sort)
    }

    @Test func defaultDirections() {
        #expect(RecordingSort(field: .start).ascending == false)
        #expect(RecordingSort(field: .duration).ascending == false)
        #expect(RecordingSort(field: .age).ascending == true)
        #expect(RecordingSort(field: .call).ascending == true)
    }

    @Test(arguments: ["bogus", "bogus:asc", "", ":asc", "dur", "start desc"])
    func unknownSortFieldListsTheValidOnes(text: String) throws {
        let error = try #require(sortError(text))
        #expect(error.kind == .unknownSortField)
        #expect(error.term == text)
        for field in SortField.allCases {
            #expect(error.message.contains(field.rawValue))
        }
        let name = text.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if !name.isEmpty { #expect(error.message.contains("\"\(name)\"")) }
    }

    @Test(arguments: ["start:up", "start:", "call:ascending", "rec:asc:desc"])
    func badSortDirection(text: String) throws {
        let error = try #require(sortError(text))
        #expect(error.kind == .badSortDirection)
        #expect(error.message.contains("\"\(text)\""))
        #expect(error.message.contains("asc or desc"))
    }

    // MARK: Order

    @Test(arguments: SortField.allCases.filter { ![.chunks, .events, .anomalies, .rec].contains($0) })
    func missingValuesComeLastAndTiesGoById(field: SortField) {
        // r1 and r2 tie; r0 and r4 have no value.
        let input = [ranked(field, nil, id: "r4"), ranked(field, 1, id: "r2"), ranked(field, 2, id: "r3"),
                     ranked(field, nil, id: "r0"), ranked(field, 1, id: "r1")]
        #expect(ids(RecordingSort(field: field, ascending: true).sorted(input, now: now)) == ["r1", "r2", "r3", "r0", "r4"])
        #expect(ids(RecordingSort(field: field, ascending: false).sorted(input, now: now)) == ["r3", "r1", "r2", "r0", "r4"])
        #expect(ids(RecordingSort(field: field, ascending: true).sorted(input.reversed(), now: now)) == ["r1", "r2", "r3", "r0", "r4"])
    }

    @Test(arguments: [SortField.chunks, .events, .anomalies])
    func countsOrderBothWays(field: SortField) {
        let input = [ranked(field, 1, id: "r2"), ranked(field, 2, id: "r3"), ranked(field, 0, id: "r0"),
                     ranked(field, 1, id: "r1")]
        #expect(ids(RecordingSort(field: field, ascending: true).sorted(input, now: now)) == ["r0", "r1", "r2", "r3"])
        #expect(ids(RecordingSort(field: field, ascending: false).sorted(input, now: now)) == ["r3", "r1", "r2", "r0"])
    }

    @Test func anomalyCountIgnoresTheClock() {
        // Both are expired at `later`; only the fixed anomalies count.
        let later = time("2026-12-01T00:00:00Z")
        let input = [ranked(.anomalies, 2, id: "b"), ranked(.anomalies, 1, id: "a")]
        #expect(ids(RecordingSort(field: .anomalies, ascending: true).sorted(input, now: later)) == ["a", "b"])
        #expect(input[0].fixedAnomalies == [.failedChunk, .chunkGap])
    }

    @Test func recOrdersByRecordingIdFallingBackToTheKey() {
        let input = [recording(id: "zz", recordingId: "Bravo"), recording(id: "charlie"),
                     recording(id: "aa", recordingId: "alpha"), recording(id: "yy", recordingId: "ALPHA")]
        // alpha and ALPHA tie ignoring case, so the key decides: aa before yy.
        #expect(ids(RecordingSort(field: .rec, ascending: true).sorted(input, now: now)) == ["aa", "yy", "zz", "charlie"])
        #expect(ids(RecordingSort(field: .rec, ascending: false).sorted(input, now: now)) == ["charlie", "zz", "aa", "yy"])
    }

    @Test func endNeedsStartAndDuration() {
        let input = [recording(id: "a", start: nil), recording(id: "b", durationMs: nil),
                     recording(id: "c", start: "2026-10-01T07:00:00Z", durationMs: 7_200_000),
                     recording(id: "d", start: "2026-10-01T08:00:00Z", durationMs: 1000)]
        // c ends at 09:00, d at 08:00:01.
        #expect(ids(RecordingSort(field: .end, ascending: true).sorted(input, now: now)) == ["d", "c", "a", "b"])
        #expect(ids(RecordingSort(field: .end, ascending: false).sorted(input, now: now)) == ["c", "d", "a", "b"])
    }

    @Test func ageFallsBackToStart() {
        let input = [recording(id: "event", eventTime: "2026-10-01T11:00:00Z"),
                     recording(id: "start", start: "2026-10-01T11:30:00Z", eventTime: nil),
                     recording(id: "none", start: nil, eventTime: nil)]
        #expect(ids(RecordingSort(field: .age, ascending: true).sorted(input, now: now)) == ["start", "event", "none"])
        #expect(ids(RecordingSort(field: .age, ascending: false).sorted(input, now: now)) == ["event", "start", "none"])
    }

    @Test func defaultSortIsNewestStartThenId() {
        let input = [recording(id: "b", start: "2026-10-01T08:00:00Z"), recording(id: "old", start: "2026-09-30T08:00:00Z"),
                     recording(id: "nostart", start: nil), recording(id: "a", start: "2026-10-01T08:00:00Z"),
                     recording(id: "new", start: "2026-10-01T09:00:00Z")]
        #expect(ids(RecordingSort().sorted(input, now: now)) == ["new", "a", "b", "old", "nostart"])
    }

    @Test func textIgnoresCase() {
        let input = [recording(id: "1", callId: "bravo"), recording(id: "2", callId: "ALPHA"),
                     recording(id: "3", callId: "Charlie"), recording(id: "4", callId: "alpha")]
        #expect(ids(RecordingSort(field: .call, ascending: true).sorted(input, now: now)) == ["2", "4", "1", "3"])
        #expect(ids(RecordingSort(field: .call, ascending: false).sorted(input, now: now)) == ["3", "1", "2", "4"])
    }

    @Test func emptyAndSingle() {
        #expect(RecordingSort().sorted([], now: now).isEmpty)
        #expect(ids(RecordingSort(field: .call).sorted([recording(id: "x")], now: now)) == ["x"])
    }
}

private func sortError(_ text: String) -> QueryError? {
    do {
        _ = try RecordingSort(parsing: text)
        return nil
    } catch {
        return error
    }
}
