/// A key as the dashboard understands it, independent of how the terminal encoded it.
public enum Key: Hashable, Sendable {
    /// A printable character (`q`, `/`, `G`, `é`).
    case character(Character)
    /// Control plus a letter (`ctrl("c")` is Ctrl-C), lower case.
    case control(Character)
    /// Alt (Meta) plus a character: the terminal sends Escape then the character (`alt("b")` is Alt-B).
    case alt(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
}

/// A mouse action at a cell.
public struct MouseEvent: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        case press
        case wheelUp
        case wheelDown
    }

    public var action: Action
    public var column: Int
    public var row: Int

    public init(action: Action, column: Int, row: Int) {
        self.action = action
        self.column = column
        self.row = row
    }
}

/// What the terminal reports: a key, a paste, a mouse action or a new size.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// Text the terminal marked as pasted (bracketed paste): one input however long it is.
    case paste(String)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
}
