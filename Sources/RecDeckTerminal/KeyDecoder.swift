import CNcurses
import RecDeckUI

/// Turns what `wget_wch` returns into `Key`s: a pure table, testable without a terminal.
///
/// Characters: Tab (9) → `.tab`; LF/CR (10, 13) → `.enter`; Escape (27) → `.escape`; DEL (127)
/// and Backspace (8, which some terminals send for the Backspace key) → `.backspace`; the other
/// Ctrl-letters 1…26 → `.control("a"…"z")`; printable characters → `.character`; other controls
/// (NUL, 28–31, C1) → nil. Alt-x arrives as Escape then `x` (`BracketedPaste` makes it `.alt("x")`).
public enum KeyDecoder {
    /// The key for a character `wget_wch` returned with `OK`.
    public static func key(character code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(0x60 + code))))
        case 0, 28...31, 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// The key for a function-key code `wget_wch` returned with `KEY_CODE_YES`
    /// (`KEY_RESIZE` and `KEY_MOUSE` are not keys: the terminal handles them before asking).
    public static func key(keyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1, KEY_LL: return .end
        case KEY_A3: return .pageUp
        case KEY_C3: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case recdeck_key_f(1)...recdeck_key_f(63): return .function(Int(code - recdeck_key_f(0)))
        default: return nil
        }
    }

    /// `KEY_ENTER`, for a paste that contains one.
    static var enterKeyCode: Int32 { KEY_ENTER }

    /// The mouse action for a `getmouse` button state, or nil for anything else (releases, moves).
    public static func mouseAction(buttonState state: UInt) -> MouseEvent.Action? {
        if state & UInt(recdeck_button4_pressed()) != 0 { return .wheelUp }
        if state & UInt(recdeck_button5_pressed()) != 0 { return .wheelDown }
        if state & UInt(recdeck_button1_pressed() | recdeck_button1_clicked()) != 0 { return .press }
        return nil
    }

    /// The button states recdeck asks curses to report: button 1 press (and click: a press and
    /// release read together may come as one click) and the wheel.
    static var reportedButtons: mmask_t {
        recdeck_button1_pressed() | recdeck_button1_clicked() | recdeck_button4_pressed() | recdeck_button5_pressed()
    }
}
