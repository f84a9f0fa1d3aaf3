import RecDeckCore

/// The event pane: the raw event(s) of the selected recording, with the file and delivery count in
/// its title, and whether long lines wrap or are scrolled sideways.
public enum EventPaneView {
    public static func draw(_ state: AppState, into buffer: inout Buffer, rect: Rect) {
        let theme = state.theme
        let focused = state.focus == .event
        var title = "Event"
        var detail = ""
        if let recording = state.selectedRecording, state.eventSubject == .recording(recording.id), let first = recording.events.first {
            let deliveries = first.deliveryTotal
            // The file of the delivery shown (`r` steps through them).
            title = "Event  \(first.deliveries[state.eventDeliveries.shown % deliveries].title)"
            if recording.eventCount > 1 {
                detail = "(\(CountText.of(recording.eventCount, "event")), "
                    + "\(CountText.of(deliveries, "delivery", "deliveries")) of the first)"
            } else if state.eventDeliveries.note == nil {
                detail = "(1 of \(CountText.of(deliveries, "delivery", "deliveries")))"
            }
            // What Event Grid said, when `recdeck serve` kept its headers.
            if let count = first.deliveryCount { detail += " · Event Grid delivery count \(count)" }
            if let deadLetter = recording.events.lazy.compactMap(\.deadLetter).first { detail += " · " + deadLetter.summary }
        } else if case .event(let location)? = state.eventSubject {
            title = "Event  \(location.title)"
            if let deadLetter = state.otherEvents.first(where: { $0.location == location })?.deadLetter { detail = deadLetter.summary }
        } else if case .call(let id)? = state.eventSubject {
            let events = state.calls.selectedCall.flatMap { $0.id == id ? $0.callEvents : nil } ?? []
            title = "Call events  \(id)"
            detail = "(\(CountText.of(events.count, "call event")))"
            if let deadLetter = events.lazy.compactMap(\.deadLetter).first { detail += " · " + deadLetter.summary }
        }
        if let note = state.eventDeliveries.note { detail += (detail.isEmpty ? "" : " · ") + note }
        // Long lines: wrapped, or cut on the left too once scrolled sideways.
        if state.eventState.wrap {
            detail += (detail.isEmpty ? "" : " · ") + "wrapped"
        } else if state.eventState.column > 0 {
            detail += (detail.isEmpty ? "" : " · ") + "from column \(CountText.grouped(state.eventState.column + 1))"
        }
        if let summary = state.eventState.matchSummary {
            detail += "  /\(state.eventState.search) \(summary)"
        }
        PaneFrame.draw(into: &buffer, rect: rect, title: title, detail: detail, focused: focused, theme: theme)
        let inner = rect.inset(by: 1)
        if state.eventLoading {
            buffer.write("loading…", column: inner.x + 1, row: inner.y, limit: inner.width - 1, style: theme[.dim])
            return
        }
        guard let document = state.eventDocument, inner.width > 0, inner.height > 0 else { return }
        JSONView.render(document, state: state.eventState, into: &buffer, rect: inner, theme: theme, focused: focused)
    }
}
