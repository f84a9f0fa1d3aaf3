import Testing
@testable import RecDeckCore
import RecDeckTestSupport

/// Two deliveries with one key and different bodies: a problem naming both files, and the same
/// body counting whatever the file names or the order they are read in.
@Suite struct RedeliveryConflictTests {
    static let small = EventFixture.recording(id: "e1", durationMs: "1000")
    /// The same event with one more field in `data` (more fields: it counts).
    static let large = EventFixture.recording(id: "e1", durationMs: "2000")
        .replacingOccurrences(of: #""sessionEndReason": "CallEnded","#, with: #""sessionEndReason": "CallEnded", "storageType": "AcsStorage","#)

    func store(_ files: [(String, String)], bulk: Bool) -> RecordingStore {
        var store = RecordingStore()
        if bulk {
            store.apply(files.map { (file: $0.0, contents: decode($0.1, file: $0.0)) })
        } else {
            for (name, text) in files { store.apply(decode(text, file: name), to: name) }
        }
        return store
    }

    @Test(arguments: [false, true])
    func eitherFileOrderGivesTheSameResult(bulk: Bool) throws {
        let results = [
            store([("a.json", Self.small), ("b.json", Self.large)], bulk: bulk),
            store([("b.json", Self.large), ("a.json", Self.small)], bulk: bulk),
            // The names swapped: the larger body still counts.
            store([("a.json", Self.large), ("b.json", Self.small)], bulk: bulk),
        ]
        for (index, store) in results.enumerated() {
            let recording = try #require(store.recordings["rec-1"])
            #expect(recording.durationMs == 2000)
            #expect(recording.storageType == "AcsStorage")
            #expect(store.summary.problems == 1)
            let largeFile = index == 2 ? "a.json" : "b.json", smallFile = index == 2 ? "b.json" : "a.json"
            #expect(store.problems == [Problem(
                file: largeFile,
                message: "conflicting redelivery: event \"e1\" (Microsoft.Communication.RecordingFileStatusUpdated) is also in "
                    + "\(smallFile) with a different body; the body here counts because it has more fields (17 against 16)")])
            #expect(recording.events.first?.deliveries.map(\.file) == [largeFile, smallFile])
            // Each delivery, for the event pane.
            let key = EventKey(source: "/subscriptions/s/resourceGroups/g/providers/microsoft.communication/communicationservices/acs",
                               id: "e1", type: EventFixture.recordingType)
            #expect(store.deliveries(of: key).map(\.location.file) == [largeFile, smallFile])
        }
    }

    @Test func sameFieldCountNewerEventTimeCounts() throws {
        let older = EventFixture.recording(id: "e1", eventTime: "2026-10-01T08:00:10Z", durationMs: "1000")
        let newer = EventFixture.recording(id: "e1", eventTime: "2026-10-01T08:00:20Z", durationMs: "1000")
        for files in [[("a.json", newer), ("b.json", older)], [("a.json", older), ("b.json", newer)]] {
            let store = store(files, bulk: false)
            let newerFile = files.first { $0.1 == newer }!.0
            #expect(store.recordings["rec-1"]?.events.first?.location.file == newerFile)
            #expect(store.problems.first?.message.hasSuffix("because it has the newer event time") == true)
        }
    }

    @Test func whitespaceAndKeyOrderAreNotADifferentBody() {
        let compact = #"{"id":"e1","eventType":"T","subject":"s","eventTime":"2026-10-01T08:00:00Z","data":{"a":1,"b":[1,2]}}"#
        let spaced = """
        {
          "eventTime": "2026-10-01T08:00:00Z", "data": { "a" : 1, "b": [ 1, 2 ] },
          "subject": "s", "eventType": "T", "id": "e1", "dataVersion": "1.0"
        }
        """
        var store = RecordingStore()
        store.apply(decode(compact, file: "a.json"), to: "a.json")
        store.apply(decode(spaced, file: "b.json"), to: "b.json")
        #expect(store.problems == [])
        #expect(store.summary.duplicateDeliveries == 1)
    }

    /// The body of `data` written as `text`.
    static func body(_ text: String) -> EventBody {
        var body = EventBody()
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { body.add(.data, value: 0..<bytes.count, in: $0) }
        return body
    }

    @Test func longStringsAreOneBodyWhateverTheWhitespaceAroundThemAndAnyByteOfThemChangesIt() {
        // Strings long enough to be hashed eight bytes at a time, with escapes (an escaped quote
        // must not end the string) and at every offset from the start of the text.
        let value = #"https://x.example/a/"quoted"/path\withéescapes/and-a-tail-0123456789"#
        let compact = #"{"url":"\#(value)","n":[1,2],"m":"\#(value)"}"#
        let spaced = """
        {
            "url" :  "\(value)" ,
          "n": [ 1, 2 ],
          "m":"\(value)"
        }
        """
        #expect(Self.body(compact) == Self.body(spaced))
        #expect(Self.body(compact).members == 3)
        var digests: Set<UInt64> = [Self.body(compact).digest]
        let bytes = Array(compact.utf8)
        for index in bytes.indices where bytes[index] != UInt8(ascii: "\"") && bytes[index] != UInt8(ascii: "\\") {
            var changed = bytes
            changed[index] = bytes[index] == UInt8(ascii: "z") ? UInt8(ascii: "y") : UInt8(ascii: "z")
            digests.insert(Self.body(String(decoding: changed, as: UTF8.self)).digest)
        }
        // Every one-byte change is a different body.
        #expect(digests.count == 1 + bytes.filter { $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }.count)
    }

    @Test func removingOneOfTheFilesEndsTheConflict() {
        var store = store([("a.json", Self.small), ("b.json", Self.large)], bulk: false)
        let delta = store.remove(file: "b.json")
        #expect(delta.problemsChanged)
        #expect(store.problems == [])
        #expect(store.recordings["rec-1"]?.durationMs == 1000)
    }
}
