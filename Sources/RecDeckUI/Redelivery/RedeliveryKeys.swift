import RecDeckCore

/// `r`: the event pane shows the next delivery of each event delivered more than once.
enum RedeliveryKeys {
    static func nextDelivery(_ state: inout AppState) -> [Effect] {
        guard let subject = state.eventSubject else { return [] }
        let events = self.events(of: subject, in: state)
        let most = events.map(\.deliveryTotal).max() ?? 0
        guard most > 1 else {
            notify(&state, "every event here has one delivery", isError: false)
            return []
        }
        let next = (state.eventDeliveries.shown + 1) % most
        state.eventDeliveries.shown = next
        state.eventLoading = true
        return [.loadDelivery(subject: subject, events: events, delivery: next)]
    }

    /// The events the pane shows for `subject`.
    static func events(of subject: EventSubject, in state: AppState) -> [EventRef] {
        switch subject {
        case .recording(let id): state.list[id: id]?.events ?? []
        case .call(let id): state.calls.selectedCall.flatMap { $0.id == id ? $0.callEvents : nil } ?? []
        case .event(let location): state.otherEvents.first { $0.location == location }.map { [$0] } ?? []
        }
    }
}
