import RecDeckCore

/// What the help overlay says of the prompts, after the keys: editing, the filter language
/// (`FilterSyntax`) and the commands (`PromptCommand`), all generated from the code that does them.
enum PromptHelp {
    /// The lines, each at most `width` cells.
    static func rows(width: Int) -> [(String, ThemeRole)] {
        var rows: [(String, ThemeRole)] = [("", .dim), ("Prompts (/ :)", .dim)]
        rows += FilterSyntax.wrapped("← → Home End Ctrl-A Ctrl-E Alt-B Alt-F move; Ctrl-W Ctrl-U Ctrl-K Alt-D Delete cut; "
            + "Ctrl-Y puts the cut back, Alt-Y the one before; "
            + "↑ ↓ history; Tab completes; ⏎ applies; Esc cancels", width: width).map { ($0, .text) }
        rows.append(("", .dim))
        for (index, line) in FilterSyntax.helpLines(width: width).enumerated() { rows.append((line, index == 0 ? .dim : .text)) }
        rows += [("", .dim), ("Commands (:, Tab completes names, fields, themes, call ids and paths)", .dim)]
        for command in PromptCommand.allCases {
            rows += FilterSyntax.wrapped(DisplayWidth.padded(command.usage, to: 24) + command.summary, width: width).map { ($0, .text) }
        }
        return rows
    }
}
