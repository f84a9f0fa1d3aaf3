import RecDeckCore

/// The event pane's text, read on a worker: one section per event, each the raw text of the
/// delivery asked for, titled with where it is written and, for an event delivered more than
/// once, which delivery it is and how its body compares with the one that counts
/// (`RedeliveryRule`, worked out again from the deliveries' own text).
enum EventSections {
    /// The answer to `.loadEvents` (`delivery` 0) or `.loadDelivery`.
    static func message(for events: [EventRef], from source: EventSource?, subject: EventSubject, delivery: Int) -> Msg {
        var note: String?
        let sections = events.enumerated().map { index, event -> JSONDocument.Section in
            let count = event.deliveryTotal
            let shown = count > 1 ? delivery % count : 0
            let location = event.deliveries[shown]
            var title = "── event \(CountText.grouped(index + 1)) of \(CountText.grouped(events.count)) · \(location.title) · "
            let text = read(location, from: source)
            if count > 1 {
                let verdict = self.verdict(of: event, shown: shown, shownText: text, from: source)
                let which = "delivery \(CountText.grouped(shown + 1)) of \(CountText.grouped(count))"
                title += "\(which) \(verdict) ──"
                if note == nil { note = "\(which) \(verdict)" }
            } else {
                title += "1 delivery ──"
            }
            switch text {
            case .success(let text): return JSONDocument.Section(title: title, text: text, key: key(of: event))
            case .failure(let error):
                return JSONDocument.Section(title: title, text: "cannot read the event: \(error.description)", key: key(of: event))
            }
        }
        return .eventLoaded(subject: subject, sections: sections, deliveryNote: note)
    }

    /// What names `event` among the pane's sections (`JSONDocument.Section.key`): its type and id.
    static func key(of event: EventRef) -> String {
        event.type + " " + event.id
    }

    private static func read(_ location: EventLocation, from source: EventSource?) -> Result<String, EventTextError> {
        source?.text(of: location) ?? .failure(EventTextError(description: "no source to read it from"))
    }

    /// How delivery `shown` of `event` stands against the one that counts (delivery 1).
    static func verdict(of event: EventRef, shown: Int, shownText: Result<String, EventTextError>, from source: EventSource?) -> String {
        func envelope(_ text: Result<String, EventTextError>, _ location: EventLocation) -> EventEnvelope? {
            guard case .success(let text) = text else { return nil }
            var bytes = Array(text.utf8)
            return bytes.withUnsafeMutableBufferPointer { buffer in
                FileDecoder.decode(UnsafeBufferPointer(buffer), file: location.file, layout: .json).events.first?.envelope
            }
        }
        let counting = shown == 0 ? shownText : read(event.deliveries[0], from: source)
        guard let winner = envelope(counting, event.deliveries[0]) else { return "bodies not compared: the delivery that counts cannot be read" }
        if shown > 0 {
            guard let other = envelope(shownText, event.deliveries[shown]) else { return "bodies not compared: this delivery cannot be read" }
            if other.body == winner.body { return "has the same body as delivery 1, which counts" }
            return "conflicts; delivery 1 counts: " + RedeliveryRule.reason(winner, over: other)
        }
        for (index, location) in event.deliveries.enumerated().dropFirst() {
            guard let other = envelope(read(location, from: source), location), other.body != winner.body else { continue }
            return "counts over delivery \(index + 1): " + RedeliveryRule.reason(winner, over: other)
        }
        return "counts; every delivery has the same body"
    }
}
