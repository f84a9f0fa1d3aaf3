import Foundation
import RecDeckCore
import RecDeckUI
import Testing

/// The help overlay teaches the prompts from the code that runs them: every filter field, every
/// comparison, every command.
@Suite struct PromptHelpTests {
    @Test func helpCarriesTheFilterSyntaxAndTheCommands() {
        var state = DashboardFixture.state(width: 120, height: 40)
        _ = update(&state, .input(.key(.character("?"))))
        _ = update(&state, .input(.key(.character("G"))))
        let text = render(state).text
        for field in QueryField.allCases {
            #expect(text.contains(field.isComparison ? field.rawValue : field.syntax), "\(field) is in the help")
        }
        #expect(text.contains("compared with > < >= <= ="))
        #expect(text.contains("e.g. reason:failure dur>5m"))
        for command in PromptCommand.allCases {
            #expect(text.contains(DisplayWidth.padded(command.usage, to: 24) + command.summary), "\(command.usage) is in the help:\n\(text)")
        }
        #expect(text.contains("│  :call ID                the recordings of a call"))
        #expect(text.contains("Esc or q closes this window"), "scrolled to the end")
    }

    @Test func fieldCompletionComesFromTheFieldList() {
        #expect(FilterSyntax.fields(completing: "c") == ["call:", "channel:", "chunks>"])
        #expect(FilterSyntax.fields(completing: "-DU") == ["-dur>"])
        #expect(FilterSyntax.fields(completing: "") == QueryField.allCases.map(\.syntax))
        #expect(FilterSyntax.fields(completing: "call:") == [], "the field is there: nothing to complete")
        #expect(FilterSyntax.fields(completing: "zz").isEmpty)
    }

    @Test func everyCommandIsInTheManualAndTheReadme() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let manual = try String(contentsOf: root.appendingPathComponent("docs/recdeck.1"), encoding: .utf8)
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        for command in PromptCommand.allCases {
            #expect(manual.contains(".It Cm :\(command.rawValue)"), "docs/recdeck.1's COMMAND LINE lists :\(command.rawValue)")
            #expect(readme.contains("| `:\(command.rawValue)"), "README's command table lists :\(command.rawValue)")
        }
    }
}
