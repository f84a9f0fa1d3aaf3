import RecDeckUI

/// Turns the terminal's bracketed paste (`ESC [200~` text `ESC [201~`, asked for with `?2004h`)
/// into one `.paste` input, SGR mouse reports (`ESC [ < …`, see `SGRMouseReport`) into mouse
/// inputs, and everything else into keys (through `KeyDecoder`).
///
/// Pure and incremental: feed it what `wget_wch` returned, one read at a time; a paste or a mouse
/// report may span reads. An Escape followed by a printable character is that character with Alt
/// (`.alt`); followed by anything else other than the start of a marker or a report it is the
/// Escape key and what follows it.
public struct BracketedPaste {
    /// One thing `wget_wch` returned: a character (`OK`) or a function-key code (`KEY_CODE_YES`).
    public enum Item: Hashable, Sendable {
        case character(UInt32)
        case keyCode(Int32)
    }

    private static let start: [UInt32] = Array("\u{1B}[200~".unicodeScalars.map(\.value))
    private static let end: [UInt32] = Array("\u{1B}[201~".unicodeScalars.map(\.value))

    /// The text of a paste still being received, when one is.
    private var pasting: [UInt32]?
    /// Characters that may be the start of the start marker, held until it is known.
    private var held: [UInt32] = []

    public init() {}

    /// The inputs `items` complete; characters that may begin the start marker are held until
    /// the marker is complete or `endOfRead()`.
    public mutating func feed(_ items: [Item]) -> [InputEvent] {
        var events: [InputEvent] = []
        for item in items {
            switch item {
            case .keyCode(let code):
                if pasting != nil {
                    if code == KeyDecoder.enterKeyCode { pasting!.append(10) }
                    continue
                }
                flushHeld(into: &events)
                if let key = KeyDecoder.key(keyCode: code) { events.append(.key(key)) }
            case .character(let code):
                if pasting != nil {
                    pasting!.append(code)
                    if pasting!.count >= Self.end.count, Array(pasting!.suffix(Self.end.count)) == Self.end {
                        let text = pasting!.dropLast(Self.end.count).compactMap(Unicode.Scalar.init)
                        events.append(.paste(String(String.UnicodeScalarView(text))))
                        pasting = nil
                    }
                    continue
                }
                held.append(code)
                if held == Self.start {
                    held = []
                    pasting = []
                } else if !Self.start.starts(with: held) {
                    switch SGRMouseReport.match(held) {
                    case .prefix: break
                    case .report(let mouse):
                        if let mouse { events.append(.mouse(mouse)) }
                        held = []
                    case .mismatch:
                        // A last Escape may begin a marker or an Alt key of its own: it stays held.
                        let escape = held.count > 1 && held.last == 27
                        if escape { held.removeLast() }
                        flushHeld(into: &events)
                        if escape { held = [27] }
                    }
                }
            }
        }
        return events
    }

    /// Ends a read: held characters that did not become a marker are keys after all (a lone
    /// Escape press is never held back for longer than the read it came in); a mouse report begun
    /// (`ESC [ <` read) waits for the rest in the next read.
    public mutating func endOfRead() -> [InputEvent] {
        if held.count >= 3, SGRMouseReport.match(held) == .prefix { return [] }
        var events: [InputEvent] = []
        flushHeld(into: &events)
        return events
    }

    /// Held characters become keys; an Escape read together with a printable character is that
    /// character with Alt (terminals send Alt-b as ESC b), except `[` and `O`, which begin the
    /// terminal's own sequences.
    private mutating func flushHeld(into events: inout [InputEvent]) {
        var index = 0
        while index < held.count {
            if held[index] == 27, index + 1 < held.count, case .character(let character)? = KeyDecoder.key(character: held[index + 1]),
               character != "[", character != "O" {
                events.append(.key(.alt(character)))
                index += 2
                continue
            }
            if let key = KeyDecoder.key(character: held[index]) { events.append(.key(key)) }
            index += 1
        }
        held = []
    }
}
