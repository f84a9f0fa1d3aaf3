import Foundation
import RecDeckTestSupport
import Testing

/// The shell completions offer the values of the options whose values are names (issue 13):
/// sort fields for `--sort`, formats for `--format`, theme names for `--theme`. bash is driven
/// through its completion function; fish through `complete -C`; zsh's script must parse and
/// carry the same words. `.ci/run` installs zsh and fish.
@Suite struct CompletionTests {
    static func script(_ shell: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recdeck-completion-\(UUID().uuidString).\(shell)").path
        let generated = CommandRunner.recdeck("--generate-completion-script", shell)
        precondition(FileManager.default.createFile(atPath: path, contents: Data(generated.stdout.utf8)), "cannot write \(path)")
        return path
    }

    /// What bash's completion function offers for `line` (the cursor at its end).
    static func bash(_ line: String) -> [String] {
        let path = script("bash")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let folder = (CommandRunner.binary as NSString).deletingLastPathComponent
        let program = """
            source '\(path)'; PATH='\(folder)':$PATH
            COMP_WORDS=(\(words.map { "'\($0)'" }.joined(separator: " "))); COMP_CWORD=\(words.count - 1)
            COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
            _recdeck recdeck '\(words[words.count - 1])' '\(words[words.count - 2])'
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = CommandRunner.run(["/usr/bin/env", "bash", "-c", program], environment: [:], deadline: 30)
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func bashOffersSortFieldsFormatsAndThemes() {
        #expect(Self.bash("recdeck list x --sort du") == ["duration", "duration:asc", "duration:desc"])
        #expect(Self.bash("recdeck list x --format n") == ["ndjson"])
        #expect(Self.bash("recdeck watch --theme so") == ["solarized-dark"])
        #expect(Set(Self.bash("recdeck demo --theme ")).isSuperset(of: ["default", "light", "mono", "gruvbox-dark"]))
    }

    /// What fish offers for each of `lines` (`complete -C`), the words without their descriptions,
    /// and what fish printed, for failure messages.
    static func fish(_ lines: [String]) -> (offered: [String], output: String) {
        let path = script("fish")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let folder = (CommandRunner.binary as NSString).deletingLastPathComponent
        let home = TemporaryDirectory()
        let completions = lines.map { "complete -C '\($0)'" }.joined(separator: "; ")
        let result = CommandRunner.run(["/usr/bin/env", "fish", "--no-config", "-i", "-c",
                                        "set -x PATH '\(folder)' $PATH; source '\(path)'; \(completions)"],
                                       environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path], deadline: 30)
        let offered = result.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
        return (offered, result.stdout + result.stderr)
    }

    @Test func fishOffersSortFieldsAndFormats() {
        let (offered, output) = Self.fish(["recdeck list x --sort du", "recdeck list x --format n"])
        #expect(offered == ["duration", "duration:asc", "duration:desc", "ndjson"], "\(output)")
    }

    @Test func zshScriptParsesAndCarriesTheWords() throws {
        let path = Self.script("zsh")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = CommandRunner.run(["/usr/bin/env", "zsh", "-n", path], environment: [:], deadline: 30)
        #expect(check.status == 0, "\(check.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("duration:desc"))
        #expect(text.contains("---completion watch -- --theme"))
        #expect(text.contains("ndjson"))
    }

    /// `recdeck DIR --theme …` is the dashboard: its options complete at the top level too, while
    /// the subcommands still do; in fish, theme names (asked of recdeck) complete after both.
    @Test func bashOffersTheDashboardsOptionsAtTheTopLevel() {
        #expect(Self.bash("recdeck --th") == ["--theme"])
        #expect(Self.bash("recdeck x --fol") == ["--follow"])
        #expect(Self.bash("recdeck x --theme so") == ["solarized-dark"])
        #expect(Self.bash("recdeck li") == ["list"])
        #expect(Self.bash("recdeck list x --th") == [], "list has no --theme")
    }

    @Test func fishOffersTheDashboardsOptionsAtTheTopLevel() {
        let (offered, output) = Self.fish(["recdeck --th", "recdeck x --theme so", "recdeck watch x --theme so", "recdeck list x --sort du"])
        #expect(offered == ["--theme", "solarized-dark", "solarized-dark", "duration", "duration:asc", "duration:desc"], "\(output)")
    }

    @Test func zshOffersTheDashboardsOptionsAtTheTopLevel() throws {
        let path = Self.script("zsh")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(text.range(of: "\n_recdeck() {\n"))
        let end = try #require(text.range(of: "\n}\n", range: start.upperBound..<text.endIndex))
        let root = text[start.upperBound..<end.lowerBound]
        #expect(root.contains("'--theme[A theme by name"))
        #expect(root.contains("*)\n            _recdeck_watch && ret=0"))
    }

    /// Asked for without a shell's name, the script is the shell's recdeck runs under, patched too;
    /// a name that is no shell is refused as ArgumentParser refuses it.
    @Test func aScriptAskedForWithoutAShellsNameIsTheSame() {
        let bash = CommandRunner.run([CommandRunner.binary, "--generate-completion-script"], environment: ["SHELL": "/bin/bash"], deadline: 30)
        #expect(bash.status == 0)
        #expect(bash.stdout == CommandRunner.recdeck("--generate-completion-script", "bash").stdout)
        #expect(bash.stdout.contains("# Or the dashboard's arguments"))
        let wrong = CommandRunner.recdeck("--generate-completion-script", "nosuch")
        #expect(wrong.stderr.contains("Can't generate completion scripts for 'nosuch'"))
    }
}
