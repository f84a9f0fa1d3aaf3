import Foundation
import Testing

/// README's sample of `recdeck list examples/events --utc` and `recdeck check examples/events` is
/// what the commands print (at the time README says it was run): this fails, printing the block
/// to paste, when either drifts.
@Suite struct ReadmeSampleTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func listAndCheckSamplesAreWhatTheCommandsPrint() throws {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("(as run on 2026-11-29 at 11:00 UTC;"))
        let examples = Self.packageRoot.appendingPathComponent("examples/events").path
        func run(_ arguments: String...) -> String {
            let result = CommandRunner.run([CommandRunner.binary] + arguments, environment: ["RECDECK_NOW": "2026-11-29T11:00:00Z"],
                                           deadline: 30)
            // The commands name the folder as given; README gives it relative to the package.
            return (result.stdout + result.stderr).replacingOccurrences(of: examples, with: "examples/events")
        }
        let block = "```\n$ recdeck list examples/events --utc\n" + run("list", examples, "--utc")
            + "\n$ recdeck check examples/events\n" + run("check", examples) + "```\n"
        #expect(readme.contains(block), "README.md's list/check sample is out of date; replace it with:\n\(block)")
    }
}
