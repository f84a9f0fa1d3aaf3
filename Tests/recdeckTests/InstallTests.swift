import Foundation
import RecDeckTestSupport
import Testing

/// `make install` into a temporary prefix (the slow tier, run by `make test` after `swift test`): the installed binary runs from anywhere and finds its
/// themes, `man -l` renders its page, the completions are there; `make uninstall` removes it all.
@Suite(.tags(.install), .enabled(if: SlowTests.enabled, "the install tier: `make test` runs it"))
struct InstallTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test(.timeLimit(.minutes(20)))
    func makeInstallAndUninstall() throws {
        let prefix = TemporaryDirectory()
        // Its own build folder: the test run holds the package's usual one.
        let install = CommandRunner.run(["/usr/bin/env", "make", "-C", Self.package, "install", "PREFIX=\(prefix.path)",
                                         "SCRATCH=.build-install"], environment: [:], deadline: 1200)
        #expect(install.status == 0, "make install failed:\n\(install.stdout.suffix(2000))\n\(install.stderr.suffix(2000))")
        let binary = prefix.path + "/bin/recdeck"
        for file in ["bin/recdeck", "share/man/man1/recdeck.1", "share/recdeck/themes/default.toml",
                     "share/recdeck/themes/solarized-dark.toml", "share/bash-completion/completions/recdeck",
                     "share/zsh/site-functions/_recdeck", "share/fish/vendor_completions.d/recdeck.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix.path + "/" + file), "\(file) not installed")
        }

        // From another directory: themes come from PREFIX/share/recdeck/themes.
        let elsewhere = TemporaryDirectory()
        elsewhere.write("events/a.json", EventFixture.recording())
        let themes = CommandRunner.run(["/bin/sh", "-c", "cd '\(elsewhere.path)' && '\(binary)' themes"], environment: [:], deadline: 30)
        #expect(themes.status == 0, "\(themes.stderr)")
        #expect(themes.stdout.contains(prefix.path + "/share/recdeck/themes/light.toml"), "\(themes.stdout)")
        let list = CommandRunner.run(["/bin/sh", "-c", "cd '\(elsewhere.path)' && '\(binary)' list events --format ndjson"],
                                     environment: [:], deadline: 30)
        #expect(list.status == 0 && list.stdout.contains("\"recordingId\":\"rec-1\""), "\(list.stderr)")
        #expect(CommandRunner.run([binary, "--version"], environment: [:], deadline: 30).stdout == "0.1.0\n")

        let manual = CommandRunner.run(["/usr/bin/env", "man", "-l", prefix.path + "/share/man/man1/recdeck.1"],
                                       environment: ["MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "100"], deadline: 60)
        #expect(manual.status == 0, "\(manual.stderr)")
        #expect(manual.stdout.contains("recdeck") && manual.stdout.contains("list"), "\(manual.stdout.prefix(500))")
        let bash = try String(contentsOfFile: prefix.path + "/share/bash-completion/completions/recdeck", encoding: .utf8)
        #expect(bash.contains("complete") && bash.contains("recdeck"))

        let uninstall = CommandRunner.run(["/usr/bin/env", "make", "-C", Self.package, "uninstall", "PREFIX=\(prefix.path)"],
                                          environment: [:], deadline: 60)
        #expect(uninstall.status == 0)
        let left = FileManager.default.enumerator(atPath: prefix.path)?.compactMap { $0 as? String }
            .filter { !FileManager.default.isDirectory(prefix.path + "/" + $0) } ?? []
        #expect(left.isEmpty, "left after uninstall: \(left)")
    }
}

private extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
