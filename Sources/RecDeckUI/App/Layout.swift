/// Where everything goes for a terminal size: the full three-pane layout, a reduced one for
/// small terminals, or nothing but a "too small" line.
public struct Layout: Sendable, Hashable {
    public enum Mode: Sendable, Hashable {
        /// Recordings and chunks side by side, the event below; in the calls view the calls, the
        /// timeline and the call events one above the other, each the full width.
        case full
        /// Recordings above, the chunks or the event (whichever is focused) below; in the calls
        /// view the calls above a third, the timeline or the call events below.
        case stacked
        /// Only the focused pane.
        case single
        /// Below the smallest usable size.
        case tooSmall
    }

    /// The smallest size the dashboard draws in.
    public static let minimumWidth = 30
    public static let minimumHeight = 8

    public var mode: Mode
    public var header = Rect(x: 0, y: 0, width: 0, height: 0)
    public var status = Rect(x: 0, y: 0, width: 0, height: 0)
    /// The prompt line (filter, search), when one is open.
    public var prompt: Rect?
    public var panes: [Pane: Rect] = [:]

    public init(width: Int, height: Int, focus: Pane, promptOpen: Bool, callsView: Bool = false) {
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            mode = .tooSmall
            return
        }
        var body = Rect(x: 0, y: 0, width: width, height: height)
        (header, body) = body.splitTop(1)
        status = Rect(x: 0, y: height - 1, width: width, height: 1)
        body.height -= 1
        if promptOpen {
            prompt = Rect(x: 0, y: body.maxY - 1, width: width, height: 1)
            body.height -= 1
        }
        if width >= 90, height >= 20 {
            mode = .full
            if callsView {
                // The timeline wants the width: a stretch nothing recorded shows at a glance.
                let (list, rest) = body.splitTop(max(5, body.height / 4))
                let (timeline, event) = rest.splitTop(max(5, rest.height * 2 / 3))
                panes = [.recordings: list, .chunks: timeline, .event: event]
                return
            }
            let (top, bottom) = body.splitTop(max(6, body.height * 11 / 20))
            let (left, right) = top.splitLeft(top.width * 62 / 100)
            panes = [.recordings: left, .chunks: right, .event: bottom]
        } else if width >= 50, height >= 14 {
            mode = .stacked
            let (top, bottom) = body.splitTop(callsView ? max(5, body.height / 3) : body.height / 2)
            panes = [.recordings: top, (focus == .event ? .event : .chunks): bottom]
        } else {
            mode = .single
            panes = [focus: body]
        }
    }

    /// The pane under the cell at (`column`, `row`).
    public func pane(atColumn column: Int, row: Int) -> Pane? {
        panes.first { $0.value.contains(column: column, row: row) }?.key
    }
}
