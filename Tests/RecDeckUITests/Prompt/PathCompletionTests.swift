import Foundation
@testable import RecDeckUI
import RecDeckCore
import Testing

/// Tab at the export prompt and after `:export` completes paths from the file system, as a shell does.
@Suite struct PathCompletionTests {
    /// A folder holding `a.json`, `abc/` (with `inner.csv`), `b.csv` and `.hidden`.
    private func folder() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("recdeck-paths-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/abc", withIntermediateDirectories: true)
        for file in ["a.json", "b.csv", ".hidden", "abc/inner.csv"] {
            #expect(FileManager.default.createFile(atPath: root + "/" + file, contents: Data()))
        }
        return root
    }

    @Test func namesInTheFolderTypedSoFar() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(PathCompletion.candidates("a", workingDirectory: root) == ["a.json", "abc/"])
        #expect(PathCompletion.candidates("", workingDirectory: root) == ["a.json", "abc/", "b.csv"])
        #expect(PathCompletion.candidates(".", workingDirectory: root) == [".hidden"])
        #expect(PathCompletion.candidates("abc/", workingDirectory: root) == ["abc/inner.csv"])
        #expect(PathCompletion.candidates(root + "/b", workingDirectory: "/nonexistent") == [root + "/b.csv"])
        #expect(PathCompletion.candidates("~/ab", workingDirectory: "/nonexistent", home: root) == ["~/abc/"])
        #expect(PathCompletion.candidates("missing/x", workingDirectory: root) == [])
        #expect(PathCompletion.candidates("z", workingDirectory: root) == [])
    }

    @Test func tabCompletesTheExportPathAndTheExportCommand() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var state = DashboardFixture.state()
        // The folder is listed where the program's workers would list it: here, at once.
        func run(_ effects: [Effect]) {
            for case .listPaths(let listing) in effects { run(update(&state, listing.run())) }
        }
        func press(_ keys: Key...) { for key in keys { run(update(&state, .input(.key(key)))) } }
        func typed(_ text: String) { for character in text { press(.character(character)) } }
        press(.character("w"), .control("u"))
        typed(root + "/ab")
        press(.tab)
        guard case .exportPrompt(let prompt) = state.mode else { Issue.record("the export prompt closed"); return }
        #expect(prompt.text == root + "/abc/")
        press(.tab)
        guard case .exportPrompt(let inside) = state.mode else { Issue.record("the export prompt closed"); return }
        #expect(inside.text == root + "/abc/inner.csv")
        press(.escape)
        press(.character(":"))
        typed("export " + root + "/")
        press(.tab)
        guard case .commandPrompt(let command, _) = state.mode else { Issue.record("the command line closed"); return }
        #expect(command.text == "export " + root + "/a.json", "the first of several")
        #expect(command.completion?.candidates == [root + "/a.json", root + "/abc/", root + "/b.csv"])
    }

    /// The keyboard never waits for the folder: Tab hands the listing to a worker, and an answer
    /// that arrives after the word changed (typing went on) completes nothing.
    @Test func theFolderIsListedOffTheKeyboardAndAStaleAnswerIsDropped() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var state = DashboardFixture.state()
        for key in [Key.character("w"), .control("u")] + (root + "/ab").map(Key.character) { _ = update(&state, .input(.key(key))) }
        let effects = update(&state, .input(.key(.tab)))
        #expect(effects == [.listPaths(PathListing(typed: root + "/ab", forward: true))])
        guard case .exportPrompt(let waiting) = state.mode else { Issue.record("the export prompt closed"); return }
        #expect(waiting.text == root + "/ab", "nothing completed before the answer")
        guard case .listPaths(let listing) = effects.first else { return }
        _ = update(&state, .input(.key(.character("x"))))
        _ = update(&state, listing.run())
        guard case .exportPrompt(let typedOn) = state.mode else { Issue.record("the export prompt closed"); return }
        #expect(typedOn.text == root + "/abx", "a stale answer completes nothing")
        _ = update(&state, .input(.key(.backspace)))
        _ = update(&state, listing.run())
        guard case .exportPrompt(let completed) = state.mode else { Issue.record("the export prompt closed"); return }
        #expect(completed.text == root + "/abc/")
    }
}
