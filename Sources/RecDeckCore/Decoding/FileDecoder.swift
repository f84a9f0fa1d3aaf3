/// Reads the events out of one file's bytes: a JSON array of events, a single event object,
/// several JSON values one after another, or JSON Lines.
///
/// Nothing good is dropped because of something bad: in JSON Lines each line stands alone, and in
/// an array every element that was complete before a syntax error still counts.
public enum FileDecoder {
    /// How the file's text is laid out.
    public enum Layout: Sendable {
        /// One JSON document (array or object), or several whitespace-separated ones.
        case json
        /// One JSON value a line (`.jsonl`, `.ndjson`); a bad line spoils only itself.
        case jsonLines

        /// The layout a file name implies.
        public init(fileName: String) {
            let lower = fileName.lowercased()
            self = lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonLines : .json
        }
    }

    /// Decodes `bytes`, naming `file` (relative path) in every location and problem.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String, layout: Layout) -> FileContents {
        var interner = StringInterner()
        return decode(bytes, file: file, layout: layout, interner: &interner)
    }

    /// Decodes `bytes`, sharing repeated strings through `interner` (one per thread, for many files).
    /// With `keepRecordingSubjects` false, a recording event's subject is parsed into its ids and
    /// not kept (`envelope.subject` nil): the store does not need it, and the raw event is on disk.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String, layout: Layout,
                              interner: inout StringInterner, keepRecordingSubjects: Bool = true) -> FileContents {
        var decoder = EventDecoder(bytes: bytes, file: file, interner: interner)
        decoder.keepsRecordingSubjects = keepRecordingSubjects
        defer { interner = decoder.interner }
        var events: [DecodedEvent] = []
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            decoder.report("the file is UTF-16; recdeck reads UTF-8 (convert it with iconv -f UTF-16 -t UTF-8)", at: 0)
            return FileContents(events: [], problems: decoder.problems)
        }
        var probe = JSONParser(bytes: bytes, start: start)
        probe.skipWhitespace()
        if probe.isAtEnd {
            decoder.reportFile("the file is empty")
            return FileContents(events: [], problems: decoder.problems)
        }
        switch layout {
        case .json:
            decodeValues(bytes, from: start, to: bytes.count, into: &events, decoder: &decoder)
        case .jsonLines:
            var lineStart = start
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                decodeValues(bytes, from: lineStart, to: lineEnd, into: &events, decoder: &decoder)
                lineStart = lineEnd + 1
            }
        }
        var contents = FileContents(events: events, problems: decoder.problems, zonelessTimes: decoder.zonelessTimes)
        contents.metadata = decoder.metadata
        return contents
    }

    /// Decodes the whitespace-separated JSON values in `start..<end`, stopping at the first syntax error.
    private static func decodeValues(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                                     into events: inout [DecodedEvent], decoder: inout EventDecoder) {
        var parser = JSONParser(bytes: bytes, start: start, end: end)
        do throws(JSONSyntaxError) {
            while true {
                parser.skipWhitespace()
                if parser.isAtEnd { return }
                if parser.peek == UInt8(ascii: "[") {
                    try parser.expect(UInt8(ascii: "["), "expected '['")
                    parser.skipWhitespace()
                    if parser.peek == UInt8(ascii: "]") {
                        try parser.expect(UInt8(ascii: "]"), "expected ']'")
                        continue
                    }
                    while true {
                        parser.skipWhitespace()
                        if let event = try decoder.decodeElement(&parser) { events.append(event) }
                        parser.skipWhitespace()
                        if parser.peek == UInt8(ascii: ",") {
                            try parser.expect(UInt8(ascii: ","), "expected ','")
                        } else {
                            try parser.expect(UInt8(ascii: "]"), "expected ',' or ']' after an event in the array")
                            break
                        }
                    }
                } else {
                    let event = try decoder.decodeElement(&parser) {
                        "expected an event object or an array of events, found \($0)"
                    }
                    if let event { events.append(event) }
                }
            }
        } catch {
            decoder.report(error.message, at: error.offset)
        }
    }
}
