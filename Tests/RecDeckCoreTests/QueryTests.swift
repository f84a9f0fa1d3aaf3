import Testing
import RecDeckCore

// MARK: - Fixture

private func time(_ text: String) -> Timestamp { Timestamp(iso8601: text)! }

/// 2026-10-01T10:00:00Z: two hours after the default recording starts.
private let now = time("2026-10-01T10:00:00Z")

/// One event of a fixture recording: its id, event time and the files that delivered it.
private struct EventSpec {
    var id: String
    var time: String?
    var files: [String]
}

/// A recording made the way the store makes them; the first event carries every data field.
private func recording(
    id: String = "key-1",
    recordingId: String? = "rec-1",
    callId: String? = "call-1",
    serverCallId: String? = "server-1",
    start: String? = "2026-10-01T08:00:00Z",
    durationMs: Int64? = 90_000,
    sessionEndReason: String? = "CallEnded",
    contentType: String? = "AudioVideo",
    channelType: String? = "Mixed",
    formatType: String? = "Mp4",
    chunks: [Chunk] = [Chunk(index: 0, documentId: "doc-1", endReason: "SessionEnded")],
    events: [EventSpec] = [EventSpec(id: "event-1", time: "2026-10-01T08:01:40Z", files: ["2026/10/01/a.json"])]
) -> Recording {
    let built = events.enumerated().map { number, spec in
        let locations = spec.files.enumerated().map { EventLocation(file: $1, offset: $0 * 100, length: 50) }
        let envelope = EventEnvelope(
            key: EventKey(source: "topic", id: spec.id, type: "Microsoft.Communication.RecordingFileStatusUpdated"),
            schema: .eventGrid, time: spec.time.map(time), subject: nil, location: locations[0])
        let event = number > 0 ? RecordingEvent(envelope: envelope) : RecordingEvent(
            envelope: envelope,
            subjectIds: RecordingSubject(callId: callId, serverCallId: serverCallId, recordingId: recordingId),
            startTime: start.map(time), durationMs: durationMs, sessionEndReason: sessionEndReason,
            contentType: contentType, channelType: channelType, formatType: formatType, chunks: chunks)
        return (event: event, deliveries: locations)
    }
    return Recording(id: PackedID(id), events: built)
}

/// A recording with every optional value missing (and no event time).
private let bare = recording(
    recordingId: nil, callId: nil, serverCallId: nil, start: nil, durationMs: nil, sessionEndReason: nil,
    contentType: nil, channelType: nil, formatType: nil, chunks: [],
    events: [EventSpec(id: "event-x", time: nil, files: ["x.json"])])

private func matches(_ query: String, _ subject: Recording = recording(), offset: Int = 0,
                     at instant: Timestamp = now) throws -> Bool {
    try RecordingQuery(parsing: query, utcOffsetSeconds: offset).matches(subject, now: instant)
}

private func parseError(_ query: String) -> QueryError? {
    do {
        _ = try RecordingQuery(parsing: query)
        return nil
    } catch {
        return error
    }
}

// MARK: - Tests

@Suite struct QueryTests {
    // MARK: Empty

    @Test(arguments: ["", " ", "  \t "])
    func emptyMatchesEverything(text: String) throws {
        let query = try RecordingQuery(parsing: text)
        #expect(query.isEmpty)
        #expect(query.text == text)
        #expect(query.matches(recording(), now: now))
        #expect(query.matches(bare, now: now))
        #expect(RecordingQuery().isEmpty)
        #expect(RecordingQuery().matches(bare, now: now))
    }

    @Test func keepsTextAndOffset() throws {
        let query = try RecordingQuery(parsing: " call:x  dur>5m ", utcOffsetSeconds: 7200)
        #expect(query.text == " call:x  dur>5m ")
        #expect(query.utcOffsetSeconds == 7200)
        #expect(!query.isEmpty)
    }

    // MARK: Bare words

    /// A recording whose every searchable value is distinct, to see which a bare word reaches.
    private static let distinct = recording(
        id: "storekey-aa", recordingId: "recordingid-bb", callId: "callid-cc", serverCallId: "servercallid-dd",
        sessionEndReason: "sessionreason-ee", contentType: "contenttype-ff", channelType: "channeltype-gg",
        formatType: "formattype-hh",
        chunks: [Chunk(index: 0, documentId: "document-ii", endReason: "chunkreason-jj"),
                 Chunk(index: 1, documentId: "document-kk", endReason: "chunkreason-ll",
                       contentLocation: "https://content-mm", metadataLocation: "https://meta-nn",
                       deleteLocation: "https://delete-oo")],
        events: [EventSpec(id: "eventid-pp", time: "2026-10-01T08:01:40Z", files: ["dir-qq/file.json"]),
                 EventSpec(id: "eventid-rr", time: "2026-10-01T08:01:50Z", files: ["dir-ss/file.json"])])

    @Test(arguments: ["storekey-aa", "recordingid-bb", "callid-cc", "servercallid-dd", "sessionreason-ee",
                      "contenttype-ff", "channeltype-gg", "formattype-hh", "document-ii", "chunkreason-jj",
                      "document-kk", "chunkreason-ll", "eventid-pp", "eventid-rr"])
    func wordMatchesEverySearchedValue(word: String) throws {
        #expect(try matches(word, Self.distinct))
        #expect(try matches(String(word.suffix(5)), Self.distinct), "a substring")
        #expect(try matches(word.uppercased(), Self.distinct), "ignoring case")
        #expect(try !matches("-" + word, Self.distinct))
    }

    @Test(arguments: ["content-mm", "meta-nn", "delete-oo", "dir-qq", "dir-ss", "nothing-here"])
    func wordDoesNotSearchLocationsOrFiles(word: String) throws {
        #expect(try !matches(word, Self.distinct))
        #expect(try matches("-" + word, Self.distinct))
    }

    @Test func wordIgnoresCaseOfTheRecordingToo() throws {
        let shouting = recording(sessionEndReason: "CHUNKUPLOADFAILURE")
        #expect(try matches("uploadfail", shouting))
        #expect(try matches("UploadFail", shouting))
        #expect(try matches("ended"))
    }

    @Test func wordWithLettersBeyondASCII() throws {
        let french = recording(sessionEndReason: "ÉchecÀ")
        #expect(try matches("échecà", french))
        #expect(try matches("ÉCHEC", french))
        #expect(try !matches("échecb", french))
    }

    @Test func wordMissesARecordingWithoutValues() throws {
        #expect(try !matches("call", bare))
        #expect(try matches("key-1", bare), "the store key is always there")
        #expect(try matches("event-x", bare))
    }

    // MARK: Fields

    @Test(arguments: [
        ("call:callid-cc", true), ("call:CALLID", true), ("call:-cc", true), ("call:recordingid-bb", false),
        ("rec:recordingid-bb", true), ("rec:RECORDINGID", true), ("rec:storekey", false), ("rec:callid", false),
        ("server:servercallid-dd", true), ("server:SERVERCALL", true), ("server:callid-cc", false),
        ("reason:sessionreason-ee", true), ("reason:chunkreason-jj", true), ("reason:chunkreason-ll", true),
        ("reason:REASON-EE", true), ("reason:contenttype", false),
        ("type:contenttype-ff", true), ("type:CONTENT", true), ("type:channeltype", false),
        ("format:formattype-hh", true), ("format:FORMAT", true), ("format:contenttype", false),
        ("channel:channeltype-gg", true), ("channel:CHANNEL", true), ("channel:formattype", false),
        ("file:dir-qq/file.json", true), ("file:DIR-SS", true), ("file:file.json", true), ("file:eventid", false),
        ("file:document-ii", false),
    ])
    func fieldNarrowsToOneValue(query: String, expected: Bool) throws {
        #expect(try matches(query, Self.distinct) == expected)
        #expect(try matches("-" + query, Self.distinct) == !expected)
    }

    @Test func fieldNamesIgnoreCase() throws {
        #expect(try matches("CALL:call-1"))
        #expect(try matches("Format:MP4"))
        #expect(try matches("DUR>1m"))
    }

    @Test func recFallsBackToTheStoreKey() throws {
        let keyed = recording(id: "fallback-key", recordingId: nil)
        #expect(try matches("rec:fallback", keyed))
        #expect(try !matches("rec:fallback", recording(id: "fallback-key", recordingId: "real")))
        #expect(try matches("rec:real", recording(id: "fallback-key", recordingId: "real")))
    }

    @Test func fileSearchesEveryDeliveryOfEveryEvent() throws {
        let redelivered = recording(events: [
            EventSpec(id: "e1", time: "2026-10-01T08:01:00Z", files: ["first.json", "again/second.json"]),
            EventSpec(id: "e2", time: "2026-10-01T08:02:00Z", files: ["later/third.json"]),
        ])
        #expect(try matches("file:second", redelivered))
        #expect(try matches("file:third", redelivered))
        #expect(try matches("file:FIRST.JSON", redelivered))
        #expect(try !matches("file:fourth", redelivered))
    }

    @Test(arguments: ["call:x", "rec:x", "server:x", "reason:x", "type:x", "format:x", "channel:x"])
    func fieldMissesAMissingValueButItsNegationMatches(query: String) throws {
        let empty = recording(id: "y", recordingId: nil, callId: nil, serverCallId: nil, sessionEndReason: nil,
                              contentType: nil, channelType: nil, formatType: nil, chunks: [])
        #expect(try !matches(query, empty))
        #expect(try matches("-" + query, empty))
    }

    @Test func reasonLooksAtChunksWhenTheSessionHasNone() throws {
        let failed = recording(sessionEndReason: nil,
                               chunks: [Chunk(index: 0, documentId: "d", endReason: "ChunkUploadFailure")])
        #expect(try matches("reason:upload", failed))
        #expect(try !matches("reason:callended", failed))
    }

    // MARK: Anomalies

    @Test func anomalyMatchesCodesByAnyPart() throws {
        let failed = recording(chunks: [Chunk(index: 0, documentId: "a", endReason: "ChunkUploadFailure"),
                                        Chunk(index: 2, documentId: "b", endReason: "SessionEnded")])
        #expect(try matches("anomaly:failed", failed))
        #expect(try matches("anomaly:failedChunk", failed))
        #expect(try matches("anomaly:FAILEDCHUNK", failed))
        #expect(try matches("anomaly:gap", failed))
        #expect(try matches("anomaly:chunk", failed), "part of failedChunk and chunkGap")
        #expect(try !matches("anomaly:repeated", failed))
        #expect(try !matches("anomaly:failed"))
        #expect(try matches("-anomaly:failed"))
    }

    @Test func anomalyFindsEveryFixedCode() throws {
        let repeated = recording(chunks: [Chunk(index: 0, documentId: "a"), Chunk(index: 0, documentId: "b")])
        #expect(try matches("anomaly:repeatedChunkIndex", repeated))
        let empty = recording(durationMs: 0, chunks: [])
        #expect(try matches("anomaly:noChunks", empty))
        #expect(try matches("anomaly:noDuration", empty))
        #expect(try matches("anomaly:no", recording(durationMs: nil)), "noDuration alone")
        #expect(try !matches("anomaly:no"))
    }

    @Test func anomalyExpiredDependsOnNow() throws {
        let fresh = recording()
        #expect(try !matches("anomaly:expired", fresh))
        #expect(try matches("anomaly:expired", fresh, at: time("2026-10-02T08:01:41Z")))
        #expect(try !matches("anomaly:expired", fresh, at: time("2026-10-02T08:01:39Z")))
        #expect(try !matches("anomaly:mediaExpired", bare, at: time("2030-01-01T00:00:00Z")), "no event time")
        #expect(fresh.anomalies(now: time("2026-10-02T08:01:41Z")).contains(.mediaExpired))
    }

    // MARK: Comparisons

    @Test(arguments: [
        // durationMs is 90_000 (1m30s).
        ("dur>1m", true), ("dur>2m", false), ("dur<2m", true), ("dur<1m", false),
        ("dur>=90s", true), ("dur>=91s", false), ("dur<=90s", true), ("dur<=89s", false),
        ("dur>90s", false), ("dur<90s", false),
        ("dur>89999ms", true), ("dur>90000ms", false), ("dur>=90000MS", true),
        ("dur>89", true), ("dur>90", false), ("dur>89.9", true), ("dur<90.001", true),
        ("dur>1.4m", true), ("dur>1.5m", false), ("dur<0.1h", true), ("dur<0.001h", false),
        ("dur<1h", true), ("dur<1d", true), ("dur>0d", true), ("dur<2H", true),
        ("dur>1m29s", true), ("dur>=1m30s", true), ("dur>1m30s", false), ("dur<1h1m1s1ms", true),
        ("dur=90s", true), ("dur=90000ms", true), ("dur=90001ms", false), ("dur=1m", true), ("dur=2m", false),
        ("dur=1m30s", true), ("dur=1m31s", false), ("dur=0h", true), ("dur=1h", false), ("dur=90", true),
        ("dur=1.5m", true), ("dur=89", false),
    ])
    func durationComparisons(query: String, expected: Bool) throws {
        #expect(try matches(query) == expected)
        #expect(try matches("-" + query) == !expected)
    }

    @Test(arguments: [
        ("chunks>0", false, true, true), ("chunks>1", false, false, true), ("chunks<1", true, false, false),
        ("chunks>=1", false, true, true), ("chunks<=1", true, true, false), ("chunks=0", true, false, false),
        ("chunks=2", false, false, true), ("chunks=002", false, false, true),
    ])
    func chunkCountComparisons(query: String, none: Bool, one: Bool, two: Bool) throws {
        let twoChunks = recording(chunks: [Chunk(index: 0, documentId: "a"), Chunk(index: 1, documentId: "b")])
        #expect(try matches(query, recording(chunks: [])) == none)
        #expect(try matches(query, recording()) == one)
        #expect(try matches(query, twoChunks) == two)
    }

    @Test(arguments: [
        // The newest event is at 08:01:40, so at 10:00:00 the age is 1h58m20s.
        ("age>1h", true), ("age<1h", false), ("age<2h", true), ("age>2h", false), ("age>=1h58m20s", true),
        ("age>1h58m20s", false), ("age<=1h58m20s", true), ("age>7099", true), ("age>7100", false),
        ("age>118m", true), ("age<1d", true), ("age>7100000ms", false), ("age=1h", true), ("age=2h", false),
        ("age=1h58m", true), ("age=1h59m", false), ("age=7100s", true),
    ])
    func ageComparisons(query: String, expected: Bool) throws {
        #expect(try matches(query) == expected)
        #expect(try matches("-" + query) == !expected)
    }

    @Test func ageFallsBackToStartThenNeverMatches() throws {
        let noEventTime = recording(start: "2026-10-01T09:30:00Z",
                                    events: [EventSpec(id: "e", time: nil, files: ["a.json"])])
        #expect(try matches("age<31m", noEventTime))
        #expect(try !matches("age<29m", noEventTime))
        #expect(try !matches("age>0s", bare))
        #expect(try !matches("age<1000d", bare))
        #expect(try matches("-age>0s", bare))
    }

    @Test func ageUsesTheNewestEvent() throws {
        let twoEvents = recording(events: [EventSpec(id: "e1", time: "2026-10-01T08:00:00Z", files: ["a"]),
                                           EventSpec(id: "e2", time: "2026-10-01T09:50:00Z", files: ["b"])])
        #expect(try matches("age<11m", twoEvents))
        #expect(try matches("age=10m", twoEvents))
    }

    @Test(arguments: [
        // The recording starts at 2026-10-01T08:00:00Z.
        ("start>2026-10-01", true), ("start>2026-10-02", false), ("start<2026-10-02", true),
        ("start<2026-10-01", false), ("start>=2026-10-01", true), ("start<=2026-10-01", false),
        ("start=2026-10-01", true), ("start=2026-10-02", false), ("start=2026-09-30", false),
        ("start>2026-10-01T07:59", true), ("start>2026-10-01T08:00", false), ("start>=2026-10-01T08:00", true),
        ("start<2026-10-01T08:01", true), ("start=2026-10-01T08:00", true), ("start=2026-10-01t08:01", false),
        ("start>2026-10-01T07:59:59", true), ("start>2026-10-01T08:00:00", false), ("start=2026-10-01T08:00:00", true),
        ("start=2026-10-01T08:00:01", false), ("start<=2026-10-01T08:00:00", true),
        ("start>2026-10-01T07:59:59.999Z", true), ("start>2026-10-01T08:00:00.000Z", false),
        ("start=2026-10-01T08:00:00.0Z", true), ("start>=2026-10-01T08:00:00Z", true),
        ("start>2026-10-01T09:59:00+02:00", true), ("start>2026-10-01T10:00:00+02:00", false),
        ("start>2026-10-01T10:00+0200", false), ("start<2026-10-01T03:01-05:00", true),
        ("start=2026-10-01T10:00:00.1234+02:00", false), ("start=2026-10-01T10:00:00.0000+02:00", true),
        ("start=\"2026-10-01 08:00\"", true), ("start>\"2026-10-01 08:00\"", false),
    ])
    func startComparisons(query: String, expected: Bool) throws {
        #expect(try matches(query) == expected)
        #expect(try matches("-" + query) == !expected)
    }

    @Test func startWithoutZoneIsReadInTheQueryOffset() throws {
        // 08:00Z is 10:00 at +02:00 and 03:00 at -05:00.
        #expect(try matches("start=2026-10-01T10:00", offset: 7200))
        #expect(try !matches("start=2026-10-01T08:00", offset: 7200))
        #expect(try matches("start>2026-10-01T09:59", offset: 7200))
        #expect(try !matches("start>2026-10-01T10:00", offset: 7200))
        #expect(try matches("start=2026-10-01T03:00:00", offset: -18000))
        // Midnight at +09:00 is 15:00Z the day before, so a recording at 23:30Z on Sept 30 is on Oct 1 there.
        let late = recording(start: "2026-09-30T23:30:00Z")
        #expect(try matches("start=2026-10-01", late, offset: 9 * 3600))
        #expect(try !matches("start=2026-10-01", late))
        // A zone in the value wins over the offset.
        #expect(try matches("start=2026-10-01T08:00Z", offset: 7200))
    }

    @Test(arguments: ["dur>0s", "dur<1d", "dur=0s", "start>1970-01-01", "start<2200-01-01", "age>0s", "age<100000d"])
    func comparisonNeverMatchesAMissingValue(query: String) throws {
        #expect(try !matches(query, bare))
        #expect(try matches("-" + query, bare))
    }

    @Test func chunksCountIsNeverMissing() throws {
        #expect(try matches("chunks=0", bare))
        #expect(try !matches("-chunks=0", bare))
    }

    // MARK: Negation, quoting, conjunction

    @Test func termsAreAnded() throws {
        #expect(try matches("call:call-1 format:mp4 dur>1m"))
        #expect(try !matches("call:call-1 format:mp3 dur>1m"))
        #expect(try matches("call:call-1 -format:mp3"))
        #expect(try !matches("call:call-1 -format:mp4"))
        #expect(try matches("  call-1\t\trec-1  "))
        #expect(try !matches("call-1 nowhere"))
    }

    @Test func negationOfWordsFieldsAndQuotes() throws {
        #expect(try matches("-nowhere"))
        #expect(try !matches("-call-1"))
        #expect(try matches("-call:other"))
        #expect(try !matches("-\"call-1\""))
        #expect(try matches("-\"nowhere at all\""))
    }

    @Test func quotedTextIsOneLiteralTerm() throws {
        let spaced = recording(callId: "call one", sessionEndReason: "Call Ended Normally")
        #expect(try matches("\"call ended\"", spaced))
        #expect(try !matches("\"ended call\"", spaced))
        #expect(try matches("reason:\"ENDED NORMALLY\"", spaced))
        #expect(try matches("call:\"call one\"", spaced))
        #expect(try !matches("call:\"call two\"", spaced))
        #expect(try matches("-call:\"call two\"", spaced))
        #expect(try matches("\"Call\"\" Ended\"", spaced), "quoted parts touching join into one term")
    }

    @Test func quotedFieldSyntaxIsAWord() throws {
        let colon = recording(callId: "dur>5m", sessionEndReason: "x:y")
        #expect(try matches("\"dur>5m\"", colon))
        #expect(try matches("\"x:y\"", colon))
        #expect(try matches("\"unknown:field\"", colon) == false, "no error: a quoted word")
        let dashed = recording(callId: "-dash")
        #expect(try matches("\"-dash\"", dashed), "a quoted - is text, not negation")
        #expect(try !matches("\"-dash\"", recording(callId: "dash")))
    }

    @Test func wordsWithoutAFieldShapeStayWords() throws {
        let odd = recording(callId: "08:00-weird!", sessionEndReason: "a_b:c")
        #expect(try matches("08:00", odd), "a field name is letters only")
        #expect(try matches("weird!", odd))
        #expect(try matches("a_b:c", odd))
        #expect(try matches("--weird", recording(callId: "x-weird")) == false)
        #expect(try matches("--weird", recording(callId: "-weird")) == false, "one - negates, the rest is text")
        #expect(try matches("--nowhere"))
    }

    // MARK: Errors

    @Test func unknownFieldNamesTheFieldAndListsTheKnownOnes() throws {
        let error = try #require(parseError("call:x foo:bar"))
        #expect(error.kind == .unknownField)
        #expect(error.term == "foo:bar")
        #expect(error.message.contains("\"foo\""))
        #expect(error.message.contains("\"foo:bar\""))
        for field in QueryField.allCases {
            #expect(error.message.contains(field.rawValue), "lists \(field.rawValue)")
        }
        #expect(error.description == error.message)
        #expect(parseError("size>5")?.kind == .unknownField)
        #expect(parseError("-Bogus:1")?.term == "-Bogus:1")
    }

    @Test(arguments: ["call:", "rec:", "server:", "reason:", "type:", "format:", "channel:", "file:", "anomaly:",
                      "dur>", "chunks<", "age>=", "start=", "call:\"\"", "-call:", "\"\"", "-\"\""])
    func emptyValue(term: String) throws {
        let error = try #require(parseError("ok " + term + " fine"))
        #expect(error.kind == .emptyValue)
        #expect(error.term == term)
        #expect(error.message.contains(term))
    }

    @Test func badDurationMessage() throws {
        let error = try #require(parseError("dur>5x"))
        #expect(error.kind == .badDuration)
        #expect(error.message == "bad duration \"5x\" in \"dur>5x\": use a number with ms, s, m, h or d")
    }

    @Test(arguments: ["dur>5x", "dur>5mm", "dur>m", "dur>1h5", "dur>.h", "dur>1.h", "dur>-5m", "dur>5 m",
                      "age<1y", "age<1w", "age<1min", "age<abc", "dur>99999999999999999999s", "dur>200000d",
                      "dur>1e3"])
    func badDuration(term: String) throws {
        let query = term == "dur>5 m" ? "dur>\"5 m\"" : term
        let error = try #require(parseError(query))
        #expect(error.kind == .badDuration)
        #expect(error.message.contains("\"\(query)\""))
        #expect(error.message.hasPrefix("bad duration"))
    }

    @Test(arguments: ["chunks>x", "chunks>1.5", "chunks>-1", "chunks>1k", "chunks=+2", "chunks>99999999999999999999"])
    func badNumber(term: String) throws {
        let error = try #require(parseError(term))
        #expect(error.kind == .badNumber)
        #expect(error.message.contains("\"\(term)\""))
        #expect(error.message.contains("whole number"))
    }

    @Test(arguments: ["start>yesterday", "start>2026-13-01", "start>2026-02-30", "start>2026-10-1",
                      "start>2026-10-01T8:00", "start>2026-10-01T08", "start>2026-10-01T08:00:00.",
                      "start>2026-10-01Z", "start>2026-10-01T25:00", "start>2026-10-01T08:00+2", "start>20261001",
                      "start>2026-10-01X08:00"])
    func badTime(term: String) throws {
        let error = try #require(parseError(term))
        #expect(error.kind == .badTime)
        #expect(error.message.contains("\"\(term)\""))
        #expect(error.message.contains("2026-10-01T08:00"), "shows the accepted forms")
    }

    @Test(arguments: ["dur=>5m", "dur>>5m", "dur<>5m", "dur!=5m", "dur==5m", "chunks=<1", "age!1h", "start>==2026-10-01",
                      "call>5", "rec=abc", "file<x", "anomaly>1", "dur:5m", "chunks:1", "age:1h", "start:2026-10-01"])
    func badOperator(term: String) throws {
        let error = try #require(parseError(term))
        #expect(error.kind == .badOperator)
        #expect(error.term == term)
        #expect(error.message.contains("\"\(term)\""))
    }

    @Test func badOperatorMessages() throws {
        #expect(parseError("dur=>5m")?.message
            == "bad operator \"=>\" in \"dur=>5m\": use >, <, >=, <= or =, e.g. dur>5m")
        #expect(parseError("call>5")?.message == "bad operator \">\" in \"call>5\": call takes call:VALUE")
        #expect(parseError("dur:5m")?.message
            == "bad operator \":\" in \"dur:5m\": use >, <, >=, <= or =, e.g. dur>5m")
    }

    @Test(arguments: ["\"abc", "call:\"abc def", "ok \"abc def", "\"a\" \"b", "-\""])
    func unterminatedQuote(query: String) throws {
        let error = try #require(parseError(query))
        #expect(error.kind == .unterminatedQuote)
        #expect(error.message.hasPrefix("unterminated quote in"))
        #expect(query.hasSuffix(error.term), "the term runs to the end")
        #expect(error.message.contains(error.term))
    }

    @Test(arguments: ["-", "call:x -", "- call:x", "a - b"])
    func loneNegation(query: String) throws {
        let error = try #require(parseError(query))
        #expect(error.kind == .loneNegation)
        #expect(error.term == "-")
        #expect(error.message.contains("\"-\""))
    }

    @Test func unknownAnomaly() throws {
        let error = try #require(parseError("anomaly:xyz"))
        #expect(error.kind == .unknownAnomaly)
        #expect(error.message.contains("\"xyz\""))
        #expect(error.message.contains("\"anomaly:xyz\""))
        for code in Anomaly.allCases {
            #expect(error.message.contains(code.rawValue))
        }
    }

    @Test func firstErrorWinsAndNothingIsApplied() throws {
        #expect(parseError("call:x dur>5x foo:bar")?.kind == .badDuration)
        #expect(parseError("foo:bar dur>5x")?.kind == .unknownField)
        // A valid prefix does not make a query: the whole text is rejected.
        #expect(throws: QueryError.self) { try RecordingQuery(parsing: "call:call-1 chunks>x") }
    }
}
