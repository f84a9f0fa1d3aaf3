import RecDeckUI
import Testing

/// Alt-x arrives as Escape then x: where Alt-x is not an edit or a key of the keymap, it is those two keys.
@Suite struct AltKeyTests {
    @Test func onThePanesAltIsEscapeThenTheKeyUnlessTheKeymapBindsIt() throws {
        var state = DashboardFixture.state()
        _ = update(&state, .input(.key(.alt("/"))))
        guard case .filterPrompt = state.mode else { Issue.record("Esc then / opens the filter: \(state.mode)"); return }

        var bound = DashboardFixture.state()
        bound.keymap = try Keymap.standard.remapped([.help: [try #require(KeyName.parse("alt-h"))]])
        _ = update(&bound, .input(.key(.alt("h"))))
        #expect(bound.mode.overlay == .help)
        #expect(KeyName.label(.alt("h")) == "Alt-h" && KeyName.configName(.alt("h")) == "alt-h")
    }

    @Test func inAPromptAltBFDEditAndTheRestAreEscapeThenTheKey() {
        var state = DashboardFixture.state()
        _ = update(&state, .input(.key(.character("/"))))
        _ = update(&state, .input(.paste("call:1027 dur")))
        _ = update(&state, .input(.key(.alt("b"))))
        _ = update(&state, .input(.key(.alt("d"))))
        guard case .filterPrompt(let prompt, _, _) = state.mode else { Issue.record("the prompt closed"); return }
        #expect(prompt.text == "call:1027 " && prompt.editor.cursor == 10)
        let effects = update(&state, .input(.key(.alt("q"))))
        #expect(state.mode == .browse, "Esc closed the prompt")
        #expect(effects == [.quit], "and q quit")
    }
}
