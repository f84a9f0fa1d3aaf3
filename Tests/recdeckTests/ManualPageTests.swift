import Foundation
import Testing

/// The manual page (`docs/recdeck.1`, installed by `make install`) renders without a warning
/// under `man -l` and passes `mandoc -T lint` (both installed by `.ci/run`), and carries the
/// sections a newcomer looks for.
@Suite struct ManualPageTests {
    static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/recdeck.1").path

    @Test func mandocFindsNothingToLint() {
        let lint = CommandRunner.run(["/usr/bin/env", "mandoc", "-T", "lint", "-W", "warning", Self.page], environment: [:], deadline: 30)
        #expect(lint.status == 0, "mandoc -T lint: \(lint.stdout)\(lint.stderr)")
        #expect(lint.stdout.isEmpty && lint.stderr.isEmpty, "\(lint.stdout)\(lint.stderr)")
    }

    @Test func manRendersItWithoutWarnings() {
        let manual = CommandRunner.run(["/usr/bin/env", "man", "--warnings", "-l", Self.page],
                                       environment: ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat"], deadline: 30)
        #expect(manual.status == 0, "\(manual.stderr)")
        #expect(manual.stderr.isEmpty, "man -l warned: \(manual.stderr)")
        for section in ["KEYS", "FILTER LANGUAGE", "CONFIGURATION", "THEMES", "FILES", "ENVIRONMENT", "EXIT STATUS"] {
            #expect(manual.stdout.contains("\n\(section)\n"), "no \(section) section")
        }
        #expect(manual.stdout.contains("exits 0 when every file is clean, 1 when"), "\(manual.stdout)")
        // check's third status, wherever man breaks the line.
        #expect(manual.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .contains("1 when problems were found, 2 when DIR cannot be read"))
    }
}
