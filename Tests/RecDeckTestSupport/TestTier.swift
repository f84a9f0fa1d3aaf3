import Foundation
import Testing

/// The tiers of the test suite, as tags. Untagged suites are unit tests (pure functions and types,
/// files in temporary folders, commands run as processes); `inProcess` drives the dashboard's
/// `Program` with the test backend; `terminal` runs the built binary in a private tmux server or a
/// pseudo-terminal; `install` builds in release and runs `make install`. `swift test` runs every
/// tier but `install`; `make test` runs them all.
public extension Tag {
    @Tag static var inProcess: Tag
    @Tag static var terminal: Tag
    @Tag static var install: Tag
}

/// Whether the slow tier runs: `make test` sets `RECDECK_SLOW_TESTS=1` for its second step, which
/// runs only the `install` suites (they build recdeck in release, minutes on two cores).
public enum SlowTests {
    public static var enabled: Bool { ProcessInfo.processInfo.environment["RECDECK_SLOW_TESTS"] == "1" }
}
