import Foundation
import RecDeckTestSupport
import RecDeckUI
import Testing

@Suite struct PromptHistoryTests {
    @Test func keepsEachPromptsEntriesWithoutRepeatsOrBlanksUpToTheLimit() {
        var history = PromptHistory()
        let added = [("call:1027", PromptKind.filter), ("call:1027", .filter), ("dur>5m", .filter), ("call:1027", .filter),
                     ("   ", .filter), ("sort duration", .command)].map { history.add($0.0, to: $0.1) }
        // The same as the newest entry is not added again (only the newest counts), nor a blank.
        #expect(added == [true, false, true, true, false, true])
        #expect(history[.filter] == ["call:1027", "dur>5m", "call:1027"])
        #expect(history[.command] == ["sort duration"])
        #expect(history[.search].isEmpty)
        for number in 0..<(PromptHistory.limit + 20) { history.add("chunks>\(number)", to: .search) }
        #expect(history[.search].count == PromptHistory.limit)
        #expect(history[.search].first == "chunks>20" && history[.search].last == "chunks>\(PromptHistory.limit + 19)")
    }

    /// The text after each Up (`↑`) or Down (`↓`), or nil when the key did nothing.
    func walk(_ prompt: inout PromptState, _ keys: String, in entries: [String]) -> [String?] {
        keys.map { key in
            let moved = key == "↑" ? prompt.older(in: entries) : prompt.newer(in: entries)
            return moved ? prompt.text : nil
        }
    }

    @Test func upAndDownWalkTheHistoryAndGiveBackWhatWasBeingTyped() {
        let entries = ["call:1027", "dur>5m", "reason:failure"]
        var prompt = PromptState(text: "form")
        #expect(walk(&prompt, "↑↑↑↑", in: entries) == ["reason:failure", "dur>5m", "call:1027", nil])
        #expect(prompt.text == "call:1027", "the oldest stays")
        // Past the newest: the text being typed, and then nothing more.
        #expect(walk(&prompt, "↓↓↓↓", in: entries) == ["dur>5m", "reason:failure", "form", nil])
        #expect(prompt.text == "form" && prompt.editor.cursor == 4)

        // An edit makes the line the new draft.
        _ = walk(&prompt, "↑", in: entries)
        let edited = prompt.edit(.character("!"))
        #expect(edited)
        #expect(walk(&prompt, "↑↓", in: entries) == ["reason:failure", "reason:failure!"])
        var empty = PromptState(text: "x")
        #expect(walk(&empty, "↑↓", in: []) == [nil, nil])
        #expect(empty.text == "x")
    }

    @Test func theFileKeepsEveryPromptsEntriesAcrossRuns() throws {
        let folder = TemporaryDirectory()
        let file = PromptHistoryFile(path: folder.path + "/state/recdeck/history")
        #expect(try file.load().get() == PromptHistory(), "no file yet: an empty history")
        var history = PromptHistory()
        history.add("call:1027 dur>5m", to: .filter)
        history.add("dur>5m", to: .filter)
        history.add("\"subject\"", to: .search)
        history.add("sort duration desc", to: .command)
        #expect(file.save(history) == nil)
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(text == "filter\tcall:1027 dur>5m\nfilter\tdur>5m\nsearch\t\"subject\"\ncommand\tsort duration desc\n")
        #expect(try file.load().get() == history)
        var info = stat()
        #expect(stat(folder.path + "/state/recdeck", &info) == 0 && info.st_mode & 0o777 == 0o700, "the folder is the user's alone")
    }

    @Test func aDamagedFileLosesOnlyItsBadLines() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("history", "filter\tcall:1\nbogus\tx\nno tab here\r\nsearch\tescape \u{1B}[2J\ncommand\tq\r\n\n"
            + "filter\t" + String(repeating: "x", count: PromptHistoryFile.longestEntry + 1) + "\nfilter\tdur>1\n")
        let history = try PromptHistoryFile(path: path).load().get()
        #expect(history[.filter] == ["call:1", "dur>1"])
        #expect(history[.search].isEmpty)
        #expect(history[.command] == ["q"])
    }

    @Test func failuresToReadOrWriteAreReasonsNotCrashes() {
        let folder = TemporaryDirectory()
        _ = folder.write("history/placeholder", "")
        // A folder where the file should be.
        let unreadable = PromptHistoryFile(path: folder.path + "/history")
        guard case .failure(let reading) = unreadable.load() else { Issue.record("a folder read as a history"); return }
        #expect(reading.description == "history not read: \(folder.path)/history: not a regular file")
        // A file where the folder should be.
        _ = folder.write("plain", "x")
        let unwritable = PromptHistoryFile(path: folder.path + "/plain/recdeck/history")
        #expect(unwritable.save(PromptHistory())?.description == "history not saved: \(folder.path)/plain/recdeck/history: cannot make the folder \(folder.path)/plain/recdeck")
    }

    @Test func theFileIsWhereXDGSays() {
        #expect(PromptHistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/recdeck/history")
        #expect(PromptHistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/recdeck/history")
        #expect(PromptHistoryFile.defaultPath(environment: [:]) == nil)
    }
}
