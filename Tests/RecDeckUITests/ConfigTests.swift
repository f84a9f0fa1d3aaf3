import Foundation
import RecDeckCore
import RecDeckUI
import Testing

@Suite struct ConfigTests {
    @Test func theDefaultFileParsesToTheDefaults() throws {
        let config = try RecDeckConfig.parse(RecDeckConfig.defaultText, path: "default.toml")
        #expect(config.theme == "default" && config.utc == false && config.recursive == true)
        #expect(config.poll == 0 && config.mouse == true && config.follow == false)
        #expect(config.sort == RecordingSort())
        #expect(config.columns == RecordingColumn.dashboardDefault)
        #expect(try Keymap.standard.remapped(config.keys).bindings == Keymap.standard.bindings)
    }

    @Test func settingsAreRead() throws {
        let text = """
        theme = "light"
        utc = true
        recursive = false
        poll = 2.5
        mouse = false
        follow = true
        sort = "duration:asc"
        columns = ["start", "call"]
        """
        let config = try RecDeckConfig.parse(text, path: "c.toml")
        #expect(config.theme == "light" && config.utc == true && config.recursive == false)
        #expect(config.poll == 2.5 && config.mouse == false && config.follow == true)
        #expect(config.sort == RecordingSort(field: .duration, ascending: true))
        #expect(config.columns == [.start, .call])
    }

    @Test func remappedKeysReachTheKeymap() throws {
        let config = try RecDeckConfig.parse("""
        [keys]
        quit = ["x", "ctrl-q"]
        moveDown = ["down", "ctrl-n"]
        help = "f1"
        """, path: "keys.toml")
        let keymap = try Keymap.standard.remapped(config.keys)
        #expect(keymap.action(for: .character("x")) == .quit)
        #expect(keymap.action(for: .control("q")) == .quit)
        #expect(keymap.action(for: .character("q")) == nil, "q is no longer bound")
        #expect(keymap.action(for: .control("n")) == .moveDown)
        #expect(keymap.action(for: .character("j")) == nil)
        #expect(keymap.action(for: .function(1)) == .help)
        #expect(keymap.label(of: .quit) == "x Ctrl-q Ctrl-C", "Ctrl-C always quits")
        // The dashboard uses the remapped keymap: help lists the new keys, and the keys act.
        var state = AppState(directory: ".", size: (120, 40), now: Timestamp(nanoseconds: 0), keymap: keymap)
        #expect(update(&state, .input(.key(.character("x")))) == [.quit])
        #expect(update(&state, .input(.key(.character("q")))).isEmpty)
        _ = update(&state, .input(.key(.function(1))))
        #expect(render(state).text.contains("x Ctrl-q Ctrl…quit"), "the keys column is cut, the quit row is there")
    }

    /// Quit and suspend mapped to keys a terminal cannot send still leave Ctrl-C; Ctrl-C cannot be
    /// given to another action.
    @Test func theOldNameOfTheCallsKeyStillReads() throws {
        let config = try RecDeckConfig.parse("[keys]\ngroupByCall = [\"C\"]\n", path: "keys.toml")
        let keymap = try Keymap.standard.remapped(config.keys)
        #expect(keymap.action(for: .character("C")) == .calls)
    }

    @Test func ctrlCAlwaysQuits() throws {
        let config = try RecDeckConfig.parse("[keys]\nquit = [\"f12\"]\nsuspend = [\"f11\"]\n", path: "keys.toml")
        let keymap = try Keymap.standard.remapped(config.keys)
        var state = AppState(directory: ".", size: (120, 40), now: Timestamp(nanoseconds: 0), keymap: keymap)
        #expect(update(&state, .input(.key(.control("c")))) == [.quit])
        #expect(throws: ConfigError.self) { try RecDeckConfig.parse("[keys]\nmoveDown = [\"ctrl-c\"]\n", path: "keys.toml") }
    }

    @Test(arguments: [
        ("utc = \"yes\"", 1, "utc must be true or false"),
        ("\n\nsort = \"colour\"", 3, "unknown sort field \"colour\""),
        ("columns = [\"start\", \"size\"]", 1, "unknown column \"size\""),
        ("poll = 0.001", 1, "poll must be 0"),
        ("colour = 1", 1, "unknown setting \"colour\""),
        ("[keys]\nfly = [\"f\"]", 2, "unknown action \"fly\""),
        ("[keys]\nquit = [\"hyper-x\"]", 2, "unknown key \"hyper-x\""),
        ("[keys]\nquit = [\"j\"]", 1, "j is bound to both"),
        ("theme = ", 1, "not valid TOML"),
    ])
    func errorsSayFileLineAndReason(text: String, line: Int, reason: String) {
        do {
            _ = try RecDeckConfig.parse(text, path: "/home/me/.config/recdeck/config.toml")
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.path == "/home/me/.config/recdeck/config.toml")
            #expect(error.line == line, "\(error)")
            #expect(error.reason.contains(reason), "\(error)")
            #expect(error.description.hasPrefix("/home/me/.config/recdeck/config.toml:\(line): "))
        }
    }

    @Test func lookupFollowsXDG() {
        #expect(RecDeckConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/recdeck/config.toml")
        #expect(RecDeckConfig.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/recdeck/config.toml")
        #expect(RecDeckConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/recdeck/config.toml")
    }

    @Test func missingFiles() throws {
        #expect(try RecDeckConfig.load(path: "/nonexistent/config.toml", required: false) == RecDeckConfig())
        #expect(throws: ConfigError.self) { try RecDeckConfig.load(path: "/nonexistent/config.toml", required: true) }
    }

    @Test func keyNamesRoundTrip() {
        let keys: [Key] = [.character("q"), .character(" "), .control("c"), .up, .down, .left, .right, .pageUp, .pageDown,
                           .home, .end, .enter, .escape, .tab, .backTab, .backspace, .delete, .function(12)]
        for key in keys { #expect(KeyName.parse(KeyName.configName(key)) == key, "\(key)") }
        #expect(KeyName.parse("Ctrl-C") == .control("c"))
        #expect(KeyName.parse("PageDown") == .pageDown)
        #expect(KeyName.parse("ctrl-1") == nil)
    }
}
