import RecDeckCore
import Testing

/// The writers copy text sixteen bytes at a time while nothing needs escaping: a character that
/// does must be escaped at every position of a long text exactly as on its own.
@Suite struct OutputEscapingTests {
    private func json(_ text: String) -> String {
        var bytes = OutputBytes()
        bytes.append(jsonString: text)
        return bytes.text
    }

    private func tsv(_ text: String) -> String {
        var bytes = OutputBytes()
        bytes.append(safe: text, doublingBackslashes: true)
        return bytes.text
    }

    private func csv(_ text: String) -> String {
        var bytes = OutputBytes()
        bytes.append(safe: text, doublingQuotes: true)
        return bytes.text
    }

    @Test func shortTextsAreEscapedAsTheContractSays() {
        #expect(json("a\"b\\c\td\ne\u{1}f\u{7F}g") == #""a\"b\\c\td\ne\u0001f\u007fg""#)
        #expect(tsv("a\"b\\c\td") == #"a"b\\c\td"#)
        #expect(csv("a\"b\\c") == #"a""b\c"#)
        #expect(json("é\u{202E}x") == #""é\u202ex""#)
    }

    @Test(arguments: ["\"", "\\", "\t", "\n", "\u{1}", "\u{7F}", "é", "\u{202E}", "😀", " "])
    func aCharacterAnywhereInALongTextIsEscapedAsAlone(_ special: String) {
        for position in 0..<40 {
            let text = String(repeating: "a", count: position) + special + String(repeating: "b", count: 47 - position)
            let alone = json(special).dropFirst().dropLast()
            #expect(json(text) == "\"" + String(repeating: "a", count: position) + alone + String(repeating: "b", count: 47 - position) + "\"",
                    "at \(position)")
            #expect(tsv(text) == String(repeating: "a", count: position) + tsv(special) + String(repeating: "b", count: 47 - position))
            #expect(csv(text) == String(repeating: "a", count: position) + csv(special) + String(repeating: "b", count: 47 - position))
        }
    }
}
