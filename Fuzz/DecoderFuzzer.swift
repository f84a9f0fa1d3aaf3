// libFuzzer entry point for recdeck's decoder: every input is decoded as a `.json` file and as a
// JSON Lines file, then applied to a store. Built by Fuzz/run.sh with -sanitize=fuzzer,address
// together with RecDeckCore's sources; not part of the package build.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var store = RecordingStore()
    for (name, layout) in [("fuzz.json", FileDecoder.Layout.json), ("fuzz.jsonl", .jsonLines)] {
        let contents = FileDecoder.decode(bytes, file: name, layout: layout)
        for problem in contents.problems {
            precondition(problem.file == name, "a problem names another file")
            if let line = problem.line { precondition(line >= 1, "line numbers start at 1") }
        }
        for event in contents.events {
            let location = event.envelope.location
            precondition(location.offset >= 0 && location.offset + location.length <= size, "location outside the input")
        }
        store.apply(contents, to: name)
    }
    let recordings = Array(store.recordings.values)
    for format in RecordingFormats.ListFormat.allCases {
        RecordingFormats.write(recordings, as: format, now: Timestamp(nanoseconds: 0)) { _ in }
    }
    store.remove(file: "fuzz.json")
    store.remove(file: "fuzz.jsonl")
    precondition(store.recordings.isEmpty, "removing every file leaves recordings behind")
    return 0
}
