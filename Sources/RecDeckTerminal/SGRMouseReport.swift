import RecDeckUI

/// Reads the terminal's SGR mouse reports (`ESC [ < b ; x ; y M`, a release ending in `m`, asked
/// for with `?1006h`): unlike the X10 reports curses reads for a `kmous` of `ESC [ M`, they
/// reach past column 223. Pure: `BracketedPaste` holds what may be one and asks here.
///
/// `b` is the button (0 left, 64 wheel up, 65 wheel down) plus 4, 8 and 16 for Shift, Alt and
/// Ctrl and 32 for a move; `x` and `y` count from 1. A left press and the wheel become
/// `MouseEvent`s; releases, moves and other buttons are read and dropped. A report longer than
/// `maximumLength` characters is not one (so a stream of digits is never held for long).
public enum SGRMouseReport {
    /// What the characters read so far are.
    public enum Match: Hashable, Sendable {
        /// The start of a report: hold them and read on.
        case prefix
        /// A whole report: the mouse action it stands for, or nil for one recdeck does not use.
        case report(MouseEvent?)
        /// Not a report: they are keys.
        case mismatch
    }

    /// Longest report read: `ESC [ <` and three numbers of up to five digits, two `;` and the final.
    public static let maximumLength = 3 + 15 + 2 + 1

    private static let introducer: [UInt32] = [0x1B, 0x5B, 0x3C]

    /// What `codes` (characters as `wget_wch` returned them) are.
    public static func match(_ codes: [UInt32]) -> Match {
        guard codes.count <= maximumLength else { return .mismatch }
        let head = min(codes.count, introducer.count)
        guard Array(codes.prefix(head)) == Array(introducer.prefix(head)) else { return .mismatch }
        guard codes.count > introducer.count else { return .prefix }
        var numbers: [Int] = [0]
        var digits = 0
        for (offset, code) in codes.dropFirst(introducer.count).enumerated() {
            switch code {
            case 0x30...0x39:
                guard digits < 5 else { return .mismatch }
                numbers[numbers.count - 1] = numbers[numbers.count - 1] * 10 + Int(code - 0x30)
                digits += 1
            case 0x3B:
                guard digits > 0, numbers.count < 3 else { return .mismatch }
                numbers.append(0)
                digits = 0
            case 0x4D, 0x6D:
                guard digits > 0, numbers.count == 3, offset == codes.count - introducer.count - 1 else { return .mismatch }
                return .report(event(button: numbers[0], column: numbers[1] - 1, row: numbers[2] - 1, pressed: code == 0x4D))
            default:
                return .mismatch
            }
        }
        return .prefix
    }

    private static func event(button: Int, column: Int, row: Int, pressed: Bool) -> MouseEvent? {
        guard pressed, column >= 0, row >= 0 else { return nil }
        switch button & ~(4 | 8 | 16) {
        case 0: return MouseEvent(action: .press, column: column, row: row)
        case 64: return MouseEvent(action: .wheelUp, column: column, row: row)
        case 65: return MouseEvent(action: .wheelDown, column: column, row: row)
        default: return nil
        }
    }
}
