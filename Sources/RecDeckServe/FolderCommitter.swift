import Glibc
import RecDeckCore

/// Flushes folders for many writers at once (a group commit): `commit(folder)` returns once a
/// flush of `folder` that started after the call began has finished, and every caller waiting on
/// the same folder meanwhile shares that one flush.
///
/// A caller renames its file into `folder` first, then commits: the flush that releases it began
/// after the rename, so the name is on disk. One flush of a folder runs at a time; callers that
/// arrive while it runs wait for the next, which one of them starts as soon as it ends.
public final class FolderCommitter: @unchecked Sendable {
    /// One folder's flushes: how many started, how many finished, and who waits.
    private struct Flushes {
        var started = 0
        var finished = 0
        var running = false
        /// The system's reason when the last finished flush failed.
        var failure: String?
        /// Callers inside `commit` for this folder (the one flushing included).
        var callers = 0
    }

    private let flush: @Sendable (String) -> String?
    /// Guards `folders`; `changed` is signalled whenever a flush finishes.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var folders: [String: Flushes] = [:]

    /// `flush` flushes a folder and returns the system's reason on failure (`FileWriter.syncFolder`
    /// by default; tests pass one that counts and blocks).
    public init(flush: @escaping @Sendable (String) -> String? = FileWriter.syncFolder) {
        self.flush = flush
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// Returns after a flush of `folder` that started after this call began has finished: `nil`
    /// when it succeeded, else the system's reason (the names written before the call may then not
    /// survive a crash).
    public func commit(_ folder: String) -> String? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        // The flush running now (if any) began before this call: the next one to start is needed.
        folders[folder, default: Flushes()].callers += 1
        let needed = folders[folder]!.started + 1
        while folders[folder]!.finished < needed {
            if folders[folder]!.running {
                pthread_cond_wait(changed, mutex)
                continue
            }
            folders[folder]!.running = true
            folders[folder]!.started += 1
            let number = folders[folder]!.started
            pthread_mutex_unlock(mutex)
            let failure = flush(folder)
            pthread_mutex_lock(mutex)
            folders[folder]!.finished = number
            folders[folder]!.failure = failure
            folders[folder]!.running = false
            pthread_cond_broadcast(changed)
        }
        // The last finished flush is `needed` or a later one: either began after this call.
        let failure = folders[folder]!.failure
        folders[folder]!.callers -= 1
        if folders[folder]!.callers == 0 { folders[folder] = nil }
        return failure
    }

    /// Callers waiting in `commit` for `folder`, the one flushing included (tests wait on it).
    public func callers(in folder: String) -> Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return folders[folder]?.callers ?? 0
    }
}
