import ArgumentParser
import Foundation
import RecDeckCore
import RecDeckUI

/// What the shell completions (bash, zsh, fish; `--generate-completion-script`) offer for the
/// options whose values are names: themes found where `--theme` looks, sort fields.
enum CompletionWords {
    /// The themes `--theme` would find now (user and bundled ones), asked of recdeck at Tab time.
    static let themes = CompletionKind.custom { _, _, _ in
        let environment = ProcessInfo.processInfo.environment
        let loader = ThemeLoader(locations: ThemeLocations(environment: environment,
                                                           executablePath: ThemeLocations.currentExecutablePath))
        return loader.catalog().map(\.identifier)
    }

    /// Every sort field, alone and with `:asc` / `:desc`.
    static let sortFields = CompletionKind.list(SortField.allCases.flatMap { [$0.rawValue, "\($0.rawValue):asc", "\($0.rawValue):desc"] })
}
