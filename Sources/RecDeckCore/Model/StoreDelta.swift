/// What one change to the store did to its recordings, keyed by recording id.
///
/// Deltas merge, so a watcher can coalesce many file changes into one batch for the screen.
public struct StoreDelta: Sendable, Equatable {
    /// Recordings that did not exist before, by id.
    public var added = RecordingMap()
    /// Recordings that changed, by id, with their new value.
    public var updated = RecordingMap()
    /// Ids of recordings that are gone.
    public var removed: Set<PackedID> = []
    /// Whether the set of non-recording events changed.
    public var otherEventsChanged = false
    /// Whether the list of problems changed.
    public var problemsChanged = false

    public init() {}

    /// Whether nothing changed.
    public var isEmpty: Bool {
        added.isEmpty && updated.isEmpty && removed.isEmpty && !otherEventsChanged && !problemsChanged
    }

    /// Folds a later delta into this one, as if both had happened in one step.
    public mutating func merge(_ later: StoreDelta) {
        if isEmpty {
            // Nothing to fold into (a first scan's 100,000 recordings): take it whole.
            self = later
            return
        }
        for (id, recording) in later.added {
            if removed.remove(id) != nil {
                updated[id] = recording
            } else {
                added[id] = recording
            }
        }
        for (id, recording) in later.updated {
            if added[id] != nil {
                added[id] = recording
            } else {
                updated[id] = recording
            }
        }
        for id in later.removed {
            if added.removeValue(forKey: id) == nil {
                updated.removeValue(forKey: id)
                removed.insert(id)
            }
        }
        otherEventsChanged = otherEventsChanged || later.otherEventsChanged
        problemsChanged = problemsChanged || later.problemsChanged
    }
}
