import Foundation
import RecDeckUI
import Testing

@Suite struct KeymapTests {
    @Test func everyActionHasAKeyAndNoKeyTwoActions() {
        let keymap = Keymap.standard
        for action in Action.allCases {
            #expect(keymap.bindings.contains { $0.action == action }, "\(action) has no key")
        }
        var seen: [Key: Action] = [:]
        for binding in keymap.bindings {
            for key in binding.keys {
                #expect(seen[key] == nil, "\(key) is bound twice")
                seen[key] = binding.action
            }
        }
    }

    /// README's keys table is generated from the keymap; this fails (printing the table) when it drifts.
    @Test func readmeKeysTableMatchesTheKeymap() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let table = Keymap.standard.markdownTable
        #expect(text.contains(table), "README.md's keys table is out of date; replace it with:\n\(table)")
    }

    /// The manual page's KEYS list is generated from the keymap too (`docs/recdeck.1`).
    @Test func manualKeysListMatchesTheKeymap() throws {
        let manual = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/recdeck.1")
        let text = try String(contentsOf: manual, encoding: .utf8)
        let list = Keymap.standard.manualList
        #expect(text.contains(".Sh KEYS\n"))
        #expect(text.contains(list), "docs/recdeck.1's keys list is out of date; replace it with:\n\(list)")
    }
}
