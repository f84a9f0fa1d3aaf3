// libFuzzer entry point for recdeck's Event Hubs Capture reader: every input is decoded as a
// `.avro` file, applied to a store and written out as rows; then read again the way the watcher
// reads a file that grows (its first part, then on from the last complete block), which must give
// the same events as reading it whole. Built by `Fuzz/run.sh capture` with
// -sanitize=fuzzer,address together with RecDeckCore's sources; not part of the package build.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaptureReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let name = "ns/calls/0/2026/10/01/08/00/00.avro"
    var interner = StringInterner()
    let (whole, _) = CaptureFileDecoder.decode(bytes, file: name, path: name, interner: &interner)
    for problem in whole.problems {
        precondition(problem.file == name, "a problem names another file")
    }
    var store = RecordingStore()
    store.apply(whole, to: name)
    let recordings = Array(store.recordings.values)
    for format in RecordingFormats.ListFormat.allCases {
        RecordingFormats.write(recordings, as: format, now: Timestamp(nanoseconds: 0)) { _ in }
    }
    store.remove(file: name)
    precondition(store.recordings.isEmpty, "removing the file leaves recordings behind")

    // The file as a watcher meets it while Capture is still writing: cut somewhere (the first
    // byte picks where), then read on from the tail with every byte there.
    guard size > 1 else { return 0 }
    let cut = 1 + Int(data[0]) * (size - 1) / 255
    let (_, tail) = CaptureFileDecoder.decode(UnsafeBufferPointer(rebasing: bytes[..<cut]), file: name, path: name,
                                              interner: &interner)
    guard let tail, tail.nextBlockOffset <= size else { return 0 }
    let (grown, _) = CaptureFileDecoder.readBlocks(UnsafeBufferPointer(rebasing: bytes[tail.nextBlockOffset...]), after: tail,
                                                   file: name, interner: &interner, keepRecordingSubjects: true)
    precondition(grown.events == whole.events, "read on from a tail, the file gives other events than read whole")
    return 0
}
