import RecDeckCore

/// Something that happened: input, time passing, the store changing, an effect's answer.
public enum Msg: Sendable {
    case input(InputEvent)
    /// The clock moved on (the run loop's timer).
    case tick(Timestamp)
    /// A batch from the event source: the merged delta, the totals, and the problems and other
    /// events when they changed.
    case storeChanged(StoreDelta, summary: StoreSummary, problems: [Problem]?, otherEvents: [EventRef]?, initialLoad: Bool)
    /// The feed's state (live, polling, directory missing, …) and its standing notice, such as why
    /// kernel notifications are not used (`nil` when there is nothing to say).
    case feedStatus(WatchStatus, notice: String?)
    /// Progress of the first scan: files read so far and in all (`nil` when done).
    case loadProgress(done: Int, total: Int)
    case loadFinished
    /// The raw text of the events the event pane asked for, one section per event, and what the
    /// pane title says of a redelivered event's delivery shown (`EventDeliveryView.note`).
    case eventLoaded(subject: EventSubject, sections: [JSONDocument.Section], deliveryNote: String? = nil)
    /// Every call event and its deliveries, when they changed (before the batch's `storeChanged`).
    case callEventsChanged([(event: CallEvent, deliveries: [EventLocation])])
    /// A worker's answer to `.listCalls`.
    case callsListed(CallsAnswer)
    /// A worker's answer to `.filterRecordings`.
    case recordingsFiltered(RecordingFilterAnswer)
    /// A worker's answer to `.listPaths`: the completions of the path typed.
    case pathsListed(PathListing, candidates: [String])
    /// A worker's answer to `.sortRecordings`.
    case recordingsSorted(RecordingSortAnswer)
    /// The answer to `.copy`: what was copied, and whether the terminal took the request.
    case copied(what: String, written: Bool)
    /// The answer to `.export`.
    case exported(ExportResult)
    /// A line to show in the status bar for a while.
    case notice(String, isError: Bool)
    /// What the source receives over HTTP (`recdeck serve`), once a second.
    case receiving(ReceivingSummary)
    /// A download's bytes so far (and the sizes announced), or its end.
    case download(id: Int, bytes: Int64, total: Int64?, outcome: DownloadOutcome?)
    /// The prompts' history as read from its file at start, or why it could not be.
    case historyLoaded(Result<PromptHistory, HistoryFileError>)
    /// The answer to `.saveHistory`: nil when written, else why not.
    case historySaved(HistoryFileError?)
}

/// What the event pane shows: a recording's events, or one event that belongs to no recording.
public enum EventSubject: Sendable, Hashable {
    /// The events of the recording with this id.
    case recording(PackedID)
    /// One event that is not a recording event, by where it is written.
    case event(EventLocation)
    /// The call events of the call with this id (the calls view).
    case call(String)
}

/// Work `update` asks the run loop to do: nothing here touches files or the terminal itself.
public enum Effect: Sendable, Equatable {
    case quit
    /// Read these events' text (on a worker) and answer with `.eventLoaded(subject:…)`.
    case loadEvents(subject: EventSubject, events: [EventRef])
    /// The same, showing delivery `delivery` (counted round) of each event delivered more than once (`r`).
    case loadDelivery(subject: EventSubject, events: [EventRef], delivery: Int)
    /// List the calls (on a worker) and answer with `.callsListed`.
    case listCalls(CallsRequest)
    /// Filter the recordings (on a worker) and answer with `.recordingsFiltered`.
    case filterRecordings(RecordingFilterRequest)
    /// List the folder of a path being typed (on a worker) and answer with `.pathsListed`.
    case listPaths(PathListing)
    /// Sort the recordings (on a worker) and answer with `.recordingsSorted`.
    case sortRecordings(RecordingSortRequest)
    /// Put `text` on the clipboard (OSC 52) and answer with `.copied`; `what` names it; control
    /// characters are stripped (line breaks and tabs kept when `keepsLayout`).
    case copy(String, what: String, keepsLayout: Bool = false)
    /// Write the recordings with these ids to `path` (JSON when it ends in `.json`, CSV otherwise),
    /// on a worker, and answer with `.exported`; an existing file is replaced only with `replace`.
    case export(path: String, ids: [PackedID], replace: Bool)
    /// Download a recording or chunk (on a worker, through the program's `DownloadRunner`),
    /// answering with `.download` messages.
    case download(DownloadRequest)
    /// Write the prompts' history to its file (in order, on a worker) and answer with `.historySaved`.
    case saveHistory(PromptHistory)
    /// Repaint every cell (Ctrl-L).
    case redraw
    /// Give the terminal back and stop until resumed (Ctrl-Z; input is raw, so it arrives as a key).
    case suspend
}
