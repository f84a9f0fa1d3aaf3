import Testing
@testable import RecDeckCore
import RecDeckTestSupport

/// `RecordingStore.apply(_:)` (many files at once, as the first scan does) must leave the same store
/// and answer the same delta as applying the files one by one.
@Suite struct BulkApplyTests {
    static func files() -> [(file: String, contents: FileContents)] {
        (0..<40).map { index in
            let name = "d\(index % 3)/f\(index).json"
            let recording = EventFixture.recording(
                id: "e\(index % 11)", recording: index % 13 == 0 ? nil : "r\(index % 6)",
                eventTime: "2026-10-01T08:0\(index % 10):00Z",
                chunks: [EventFixture.chunk(index: index % 3, document: "d\(index % 4)")])
            let other = EventFixture.other(id: "o\(index % 5)", type: "Microsoft.Communication.CallEnded")
            let text = index % 9 == 0 ? "[\(recording), {" : "[\(recording), \(other)]"
            return (name, decode(text, file: name))
        }
    }

    @Test func bulkEqualsOneByOne() {
        let files = Self.files()
        var single = RecordingStore()
        var expected = StoreDelta()
        for (file, contents) in files { expected.merge(single.apply(contents, to: file)) }
        var bulk = RecordingStore()
        let delta = bulk.apply(files)
        #expect(delta == expected)
        #expect(bulk.recordings == single.recordings)
        #expect(bulk.summary == single.summary)
        #expect(bulk.problems == single.problems)
        #expect(bulk.otherEvents == single.otherEvents)
        // and it keeps working file by file afterwards
        for (file, _) in files.prefix(10) {
            #expect(bulk.remove(file: file) == single.remove(file: file))
        }
        #expect(bulk.recordings == single.recordings)
    }

    @Test func bulkIntoAStoreWithFilesOrWithRepeatsGoesOneByOne() {
        var files = Self.files()
        files.append(files[3])
        // A file named again midway, with other contents: the files after it go in one at a time too.
        files.insert((files[5].file, files[8].contents), at: 20)
        var single = RecordingStore()
        var expected = StoreDelta()
        for (file, contents) in files { expected.merge(single.apply(contents, to: file)) }
        var bulk = RecordingStore()
        #expect(bulk.apply(files) == expected)
        #expect(bulk.recordings == single.recordings)
        #expect(bulk.summary == single.summary)
        #expect(bulk.problems == single.problems)
        #expect(bulk.otherEvents == single.otherEvents)
    }
}
