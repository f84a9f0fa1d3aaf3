import Foundation
import RecDeckCore
import RecDeckTestSupport
import Testing
@testable import RecDeckUI

/// Messages about config and theme files quote the files' keys and values: escaped like the
/// screen, so no OSC 0 (title), OSC 52 (clipboard) or CSI sequence reaches the terminal.
@Suite struct FileMessageEscapingTests {
    static let hostile = #"\u001b]0;owned\u0007\u001b]52;c;cm0gLXJmIH4=\u0007\u001b[2J"#

    @Test func configErrorsEscapeTheKeysAndValuesTheyQuote() {
        for text in ["\"\(Self.hostile)\" = 1\n", "sort = \"\(Self.hostile)\"\n", "[keys]\nquit = [\"\(Self.hostile)\"]\n"] {
            do {
                _ = try RecDeckConfig.parse(text, path: "c.toml")
                Issue.record("parsed: \(text)")
            } catch {
                #expect(!error.description.unicodeScalars.contains(where: SafeText.isUnsafe), "\(error.description.debugDescription)")
                #expect(error.description.contains(#"\u001b]0;owned\u0007"#), "\(error.description.debugDescription)")
            }
        }
    }

    @Test func themeErrorsEscapeTheKeysAndValuesTheyQuote() {
        let directory = TemporaryDirectory()
        for (index, text) in ["\"\(Self.hostile)\" = 1\n", "[styles]\nerror = { fg = \"\(Self.hostile)\" }\n"].enumerated() {
            let path = directory.write("t\(index).toml", text)
            do {
                _ = try ThemeLoader(locations: ThemeLocations(userDirectory: nil, bundledDirectory: nil)).load(path)
                Issue.record("loaded: \(text)")
            } catch {
                #expect(!error.description.unicodeScalars.contains(where: SafeText.isUnsafe), "\(error.description.debugDescription)")
                #expect(error.description.contains(#"\u001b]0;owned\u0007"#), "\(error.description.debugDescription)")
            }
        }
    }

    /// A 3,000-deep chain is not a cycle: it is too deep, said once the 33rd theme is reached
    /// (the message names where it stopped).
    @Test func aDeepInheritsChainIsTooDeepNotACycle() throws {
        let directory = TemporaryDirectory()
        for index in 0..<3000 { directory.write("t\(index).toml", "inherits = \"t\(index + 1)\"\n") }
        do {
            _ = try ThemeLoader(locations: ThemeLocations(userDirectory: directory.path, bundledDirectory: nil)).load("t0")
            Issue.record("loaded")
        } catch {
            #expect(error.kind == .inheritsTooDeep)
            #expect(error.description == directory.path + "/t0.toml:1: inherits goes more than 32 themes deep: t0 → … → t31 → t32")
        }
    }
}
