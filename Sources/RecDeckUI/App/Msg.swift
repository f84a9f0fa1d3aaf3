import RecDeckCore

/// Something that happened: input, time passing, the store changing, a file read finishing.
public enum Msg: Sendable {
    case input(InputEvent)
    /// The clock moved on (the run loop's timer).
    case tick(Timestamp)
    /// A batch from the watcher: the merged delta, the totals, and the problems and other events
    /// when they changed.
    case storeChanged(StoreDelta, summary: StoreSummary, problems: [Problem]?, otherEvents: [EventRef]?, initialLoad: Bool)
    /// The feed's state changed (live, polling, root missing, …).
    case feedStatus(String, isLive: Bool)
    /// Progress of the first scan: files read so far and in all (`nil` when done).
    case loadProgress(done: Int, total: Int)
    case loadFinished
    /// The raw text of the events the event pane asked for, one section per event.
    case eventLoaded(subject: String, sections: [(title: String, text: String)])
    /// The result of an effect, to show in the status line.
    case notice(String, isError: Bool)
}

/// Work `update` asks the run loop to do: nothing here touches files or the terminal itself.
public enum Effect: Sendable, Equatable {
    case quit
    /// Read these events' bytes and answer with `.eventLoaded(subject:…)`.
    case loadEvents(subject: String, events: [EventRef])
    /// Put `text` on the clipboard (OSC 52); `what` names it for the confirmation.
    case copy(String, what: String)
    /// Write the recordings with these ids to `path` (JSON when it ends in `.json`, CSV otherwise).
    case export(path: String, ids: [String])
    /// Repaint every cell (Ctrl-L).
    case redraw
    /// Give the terminal back and stop until resumed (Ctrl-Z; input is raw, so it arrives as a key).
    case suspend
}
