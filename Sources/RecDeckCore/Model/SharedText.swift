import Synchronization

/// A text that event after event repeats (a topic or source, an event type), kept as a reference to
/// its one copy for the process: 8 bytes where a `String` takes 16, compared and hashed by that
/// copy's identity instead of by its characters.
///
/// `Table` interns up to 4,096 texts and never frees them; a text first met when the table is full
/// (only input that makes up a topic per event gets there) is kept in a copy of its own, freed with
/// the last value that holds it. A text is interned exactly when it was first met while the table
/// had room, so its form is a function of the text and two values are equal exactly when their
/// texts are.
struct SharedText: Sendable, Hashable {
    fileprivate final class Storage: Sendable {
        let text: String
        let isInterned: Bool

        init(_ text: String, isInterned: Bool) {
            self.text = text
            self.isInterned = isInterned
        }
    }

    private let storage: Storage

    /// `text`, interned in `table` when it has room.
    init(_ text: String, in table: Table = .shared) {
        storage = table.intern(text) ?? Storage(text, isInterned: false)
    }

    var text: String { storage.text }

    static func == (lhs: SharedText, rhs: SharedText) -> Bool {
        lhs.storage === rhs.storage || (!lhs.storage.isInterned && !rhs.storage.isInterned && lhs.text == rhs.text)
    }

    func hash(into hasher: inout Hasher) {
        if storage.isInterned { hasher.combine(ObjectIdentifier(storage)) } else { hasher.combine(storage.text) }
    }

    /// Interned texts: recdeck uses `shared`, for the process.
    final class Table: Sendable {
        /// At most 4,096 texts: untrusted input cannot make the table grow past it.
        static let shared = Table(limit: 4_096)

        private let limit: Int
        private let copies = Mutex<[String: Storage]>([:])

        /// A table of its own (tests) that interns at most `limit` texts.
        init(limit: Int) {
            self.limit = limit
        }

        /// The one stored copy of `text`, made when there is none and the table has room.
        fileprivate func intern(_ text: String) -> Storage? {
            copies.withLock { copies in
                if let stored = copies[text] { return stored }
                guard copies.count < limit else { return nil }
                let stored = Storage(text, isInterned: true)
                copies[text] = stored
                return stored
            }
        }
    }
}
