import Testing
@testable import RecDeckCore

/// `RecordingSort.sorted` sorts by integer keys computed once per recording: the order must be
/// exactly the one `precedes` defines, and comparisons must not read texts that the keys decide.
@Suite struct SortKeysTests {
    private static func recording(id: String, call: String?, format: String?, start: Int64?, chunks: Int) -> Recording {
        let location = EventLocation(file: "\(id).json", offset: 0, length: 1)
        let envelope = EventEnvelope(key: EventKey(source: "t", id: id, type: "T"), schema: .eventGrid,
                                     time: Timestamp(nanoseconds: 1_000), subject: nil, location: location)
        let event = RecordingEvent(
            envelope: envelope, subjectIds: RecordingSubject(callId: call, recordingId: id),
            startTime: start.map { Timestamp(nanoseconds: $0) }, durationMs: 1000, formatType: format,
            chunks: (0..<chunks).map { Chunk(index: Int64($0), documentId: "d\($0)") })
        return Recording(id: PackedID(id), events: [(event, [location])])
    }

    /// Ids with a long shared prefix (as recordingIds have), some not ASCII; texts that tie,
    /// differ only in case, share prefixes longer than eight bytes, hold zero bytes, or are missing.
    private static let mixed: [Recording] = {
        let calls: [String?] = [nil, "alpha", "ALPHA", "alphabet-soup-long", "alphabet-soup-longer", "alpha\u{0}",
                                "bravo", "Ünïcode", "ünïcode", "", "a"]
        let formats: [String?] = [nil, "Mp4", "mp4", "Mp3", "Wav"]
        return (0..<600).map { number in
            let suffix = number % 7 == 0 ? "é\(number)" : "\(number * 7919 % 600)"
            return recording(id: "eyJQbGF0Zm9ybUVuZHBvaW50SWQiOiI\(suffix)", call: calls[number % calls.count],
                             format: formats[number % formats.count], start: number % 5 == 0 ? nil : Int64(number % 13),
                             chunks: number % 4)
        }
    }()

    @Test(arguments: SortField.allCases)
    func orderIsExactlyWhatPrecedesSays(field: SortField) {
        let now = Timestamp(nanoseconds: 10_000)
        for ascending in [true, false] {
            let sort = RecordingSort(field: field, ascending: ascending)
            let sorted = sort.sorted(Self.mixed, now: now)
            #expect(Set(sorted.map(\.id)) == Set(Self.mixed.map(\.id)))
            let wrong = zip(sorted, sorted.dropFirst()).filter { !sort.precedes($0, $1, now: now) }
            #expect(wrong.isEmpty, "\(sort): \(wrong.prefix(3).map { "\($0.0.id) before \($0.1.id)" })")
        }
    }

    @Test(arguments: SortField.allCases)
    func idRanksGiveTheSameOrder(field: SortField) {
        // Texts and ids that agree beyond the sixteen bytes the keys hold, too.
        let long = String(repeating: "x", count: 20)
        let recordings = Self.mixed + (0..<50).map { number in
            Self.recording(id: "eyJQbGF0Zm9ybUVuZHBvaW50SWQiOiI" + long + "\(number * 37 % 50)", call: "call-" + long + "\(number % 7)",
                           format: number % 2 == 0 ? "Mp4" : nil, start: Int64(number % 3), chunks: number % 2)
        }
        let byId = RecordingSort.idOrder(of: recordings)
        #expect(byId.map { recordings[$0].id } == recordings.map(\.id).sorted())
        var ranks = [UInt32](repeating: 0, count: recordings.count)
        for (rank, index) in byId.enumerated() { ranks[index] = UInt32(rank) }
        let now = Timestamp(nanoseconds: 10_000)
        for ascending in [true, false] {
            let sort = RecordingSort(field: field, ascending: ascending)
            let sorted = sort.sorted(recordings, now: now)
            #expect(zip(sorted, sorted.dropFirst()).allSatisfy { sort.precedes($0, $1, now: now) }, "\(sort)")
            #expect(sort.order(of: recordings, idRanks: ranks, now: now).map { recordings[$0].id } == sorted.map(\.id), "\(sort)")
        }
    }

    @Test func tiesAndSharedPrefixesAreDecidedByTheKeys() {
        // Ten thousand recordings, three formats, one start: every comparison is a tie on the
        // field, and every id shares its first 60 bytes. Comparing the values themselves read two
        // recordings' fields and ids each time (twenty comparisons per recording).
        let prefix = String(repeating: "eyJQbGF0Zm9ybUVuZHBvaW50SWQiOiI", count: 2)
        let recordings = (0..<10_000).map { number in
            Self.recording(id: prefix + String(number * 7919 % 10_000), call: "c", format: ["Mp4", "Mp3", "Wav"][number % 3],
                           start: 5, chunks: 1)
        }
        let now = Timestamp(nanoseconds: 0)
        for sort in [RecordingSort(field: .format), RecordingSort(field: .start), RecordingSort(field: .chunks, ascending: true)] {
            let keys = RecordingSortKeys(sorting: recordings, by: sort, now: now)
            #expect(keys.fullComparisons == 0, "\(sort)")
            let sorted = keys.order.map { recordings[$0] }
            #expect(zip(sorted, sorted.dropFirst()).allSatisfy { sort.precedes($0, $1, now: now) }, "\(sort)")
        }
    }

    @Test func oneOddTextDoesNotLeaveTheRestToBeCompared() {
        // Two thousand ids and call ids sharing 40 bytes, and one short odd one: the prefix every
        // text shares is empty, so the first keys hold the shared bytes and tie; the run they
        // leave gets keys of its own, which decide it without reading a text.
        let shared = "eyJQbGF0Zm9ybUVuZHBvaW50SWQiOiI" + "0123456789"
        var recordings = (0..<2_000).map { number in
            Self.recording(id: shared + String(number * 7919 % 2_000), call: shared + String(number * 31 % 2_000),
                           format: nil, start: 5, chunks: 1)
        }
        recordings.append(Self.recording(id: "x", call: "x", format: nil, start: 5, chunks: 1))
        let byId = RecordingSortKeys(idOrderOf: recordings)
        #expect(byId.order.map { recordings[$0].id } == recordings.map(\.id).sorted())
        #expect(byId.fullComparisons == 0)
        let now = Timestamp(nanoseconds: 0)
        for sort in [RecordingSort(field: .call), RecordingSort(field: .call, ascending: false)] {
            let keys = RecordingSortKeys(sorting: recordings, by: sort, now: now)
            let sorted = keys.order.map { recordings[$0] }
            #expect(zip(sorted, sorted.dropFirst()).allSatisfy { sort.precedes($0, $1, now: now) }, "\(sort)")
            #expect(keys.fullComparisons == 0, "\(sort)")
        }
    }
}
