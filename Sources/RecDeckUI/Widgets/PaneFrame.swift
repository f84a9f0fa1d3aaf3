import RecDeckCore

/// A pane's border and title; the inside is left to the pane's content.
public enum PaneFrame {
    /// Draws a box around `rect` with `title` in its top edge (and `detail` after it, dimmed),
    /// and `footer` at the right of its bottom edge (dimmed; see `more(above:below:)`).
    public static func draw(into buffer: inout Buffer, rect: Rect, title: String, detail: String = "",
                            footer: String = "", focused: Bool, theme: Theme) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let border = theme[focused ? .borderFocused : .border]
        for column in rect.x + 1..<rect.maxX - 1 {
            buffer[column, rect.y] = Cell("─", style: border)
            buffer[column, rect.maxY - 1] = Cell("─", style: border)
        }
        for row in rect.y + 1..<rect.maxY - 1 {
            buffer[rect.x, row] = Cell("│", style: border)
            buffer[rect.maxX - 1, row] = Cell("│", style: border)
        }
        buffer[rect.x, rect.y] = Cell("┌", style: border)
        buffer[rect.maxX - 1, rect.y] = Cell("┐", style: border)
        buffer[rect.x, rect.maxY - 1] = Cell("└", style: border)
        buffer[rect.maxX - 1, rect.maxY - 1] = Cell("┘", style: border)
        let room = rect.width - 4
        guard room > 0 else { return }
        if !footer.isEmpty {
            let text = " " + footer + " "
            let width = min(DisplayWidth.of(text), room + 2)
            buffer.write(text, column: rect.maxX - 1 - width, row: rect.maxY - 1, limit: width, style: theme[.dim])
        }
        var used = buffer.write(" " + title + " ", column: rect.x + 1, row: rect.y, limit: room + 2,
                                style: theme[focused ? .titleFocused : .title])
        if !detail.isEmpty, used < room {
            used += buffer.write(detail + " ", column: rect.x + 1 + used, row: rect.y, limit: room + 2 - used, style: theme[.dim])
        }
    }

    /// What a scrolled view says of the lines it does not show, for its footer: `↓ 12 more`,
    /// `↑ 3 more`, `↑ 3 ↓ 12 more`, or nothing when everything shows.
    public static func more(above: Int, below: Int) -> String {
        switch (above > 0, below > 0) {
        case (true, true): "↑ \(CountText.grouped(above)) ↓ \(CountText.grouped(below)) more"
        case (true, false): "↑ \(CountText.grouped(above)) more"
        case (false, true): "↓ \(CountText.grouped(below)) more"
        case (false, false): ""
        }
    }
}
