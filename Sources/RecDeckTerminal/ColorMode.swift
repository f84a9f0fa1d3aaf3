import RecDeckUI

/// Whether the terminal backend may use colour.
public enum ColorMode: Sendable, Hashable {
    /// Whatever the terminal has, unless `NO_COLOR` is set to a non-empty value.
    case automatic
    /// No colour whatever the terminal has; bold, reverse and the other attributes still show.
    case none
    /// At most `depth` (e.g. to test a 16-colour look on a 256-colour terminal); `NO_COLOR` still wins.
    case limited(ColorDepth)
}
