import ArgumentParser

/// The shell completion scripts `--generate-completion-script bash|zsh|fish` prints:
/// ArgumentParser's, with the dashboard's arguments offered at the top level too. `recdeck DIR
/// --theme …` is the dashboard (`watch`, the default command), but ArgumentParser completes its
/// options only after the word `watch`; each shell's script is given the same words at the top.
enum CompletionScript {
    /// The shell asked for with `--generate-completion-script` on `arguments` (`bash`, `=zsh`, or
    /// none: the shell recdeck runs under, as ArgumentParser picks it), if a script is asked for.
    static func requested(in arguments: [String]) -> CompletionShell? {
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix("--generate-completion-script=") {
                return CompletionShell(rawValue: String(argument.dropFirst("--generate-completion-script=".count)))
            }
            if argument == "--generate-completion-script" {
                // A name that is no shell is left to ArgumentParser, which says so.
                if index + 1 < arguments.count, !arguments[index + 1].hasPrefix("-") { return CompletionShell(rawValue: arguments[index + 1]) }
                return CompletionShell.autodetected()
            }
        }
        return nil
    }

    /// The script for `shell`.
    static func generate(for shell: CompletionShell) -> String {
        let script = RecDeck.completionScript(for: shell)
        switch shell {
        case .bash: return bash(script)
        case .zsh: return zsh(script)
        case .fish: return fish(script)
        default: return script
        }
    }

    /// bash: a first word that is not a subcommand (a DIR, an option) also gets `watch`'s completions.
    static func bash(_ script: String) -> String {
        guard let root = function("_recdeck", in: script) else { return script }
        let offer = "        # Offer subcommand completions\n"
        guard let start = script.range(of: offer, range: root), let end = script.range(of: "        ;;\n", range: start.upperBound..<root.upperBound)
        else { return script }
        return script.replacingCharacters(in: end.lowerBound..<end.lowerBound,
                                          with: "        # Or the dashboard's arguments: the first word was DIR or an option\n        _recdeck_watch\n")
    }

    /// zsh: the top level takes `watch`'s options, and arguments after a first word that is not a
    /// subcommand are `watch`'s.
    static func zsh(_ script: String) -> String {
        guard let root = function("_recdeck", in: script), let watch = function("_recdeck_watch", in: script),
              let watchSpecs = arraySpecs(in: script[watch]), let rootSpecs = script.range(of: "    local -ar arg_specs=(\n", range: root),
              let dispatch = script.range(of: "            \"_recdeck_${words[1]}\" && ret=0\n            ;;\n", range: root)
        else { return script }
        let options = watchSpecs.filter { $0.hasPrefix("'--") && !$0.hasPrefix("'--version") }
        var patched = script
        patched.replaceSubrange(dispatch.upperBound..<dispatch.upperBound, with: "        *)\n            _recdeck_watch && ret=0\n            ;;\n")
        patched.replaceSubrange(rootSpecs.upperBound..<rootSpecs.upperBound, with: options.map { "        \($0)\n" }.joined())
        return patched
    }

    /// fish: every `watch` option is offered after `recdeck` too, and the top level parses them.
    /// The cursor's place in the word is measured by fish itself: the generated
    /// `(__recdeck_tokens -tC)` prints the word rather than the place with fish 3.6 (Debian 12's),
    /// so every value asked of recdeck (`--theme`'s names) failed with "Invalid state".
    static func fish(_ script: String) -> String {
        let watchCondition = "'__recdeck_should_offer_completions_for_flags_or_options \"recdeck watch\" "
        let script = script.replacingOccurrences(of: "(__recdeck_tokens -tC)", with: "(string length -- (commandline -ct))")
        var lines = script.components(separatedBy: "\n")
        guard let parse = lines.indices.dropFirst().first(where: {
                  lines[$0].hasPrefix("            __recdeck_parse_subcommand 1 ") && lines[$0 - 1].hasSuffix("case 'watch'")
              }),
              let rootParse = lines.firstIndex(of: "        __recdeck_parse_subcommand 0 'version' 'h/help'")
        else { return script }
        // The top level knows `watch`'s options (which take a value), still with no positional of
        // its own: the first word left is the subcommand, or the dashboard's DIR.
        lines[rootParse] = "        __recdeck_parse_subcommand 0 "
            + lines[parse].trimmingCharacters(in: [" "]).dropFirst("__recdeck_parse_subcommand 1 ".count)
        let options = lines.filter { $0.contains(watchCondition) && !$0.contains(" version' ") && !$0.contains(" h help' ") }
        let topLevel = options.map { $0.replacingOccurrences(of: watchCondition, with: "'__recdeck_should_offer_completions_for_flags_or_options \"recdeck\" ") }
        if lines.last == "" { lines.removeLast() }
        return (lines + topLevel).joined(separator: "\n") + "\n"
    }

    /// The range of `name() { … }` (up to its closing `}` line) in `script`.
    private static func function(_ name: String, in script: String) -> Range<String.Index>? {
        guard let start = script.range(of: "\n\(name)() {\n"), let end = script.range(of: "\n}\n", range: start.upperBound..<script.endIndex)
        else { return nil }
        return start.lowerBound..<end.upperBound
    }

    /// The lines of the first `local -ar arg_specs=( … )` in `body`, trimmed.
    private static func arraySpecs(in body: Substring) -> [String]? {
        guard let open = body.range(of: "    local -ar arg_specs=(\n"), let close = body.range(of: "\n    )\n", range: open.upperBound..<body.endIndex)
        else { return nil }
        return body[open.upperBound..<close.lowerBound].split(separator: "\n").map { $0.trimmingCharacters(in: [" "]) }
    }
}
