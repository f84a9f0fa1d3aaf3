import Glibc
import RecDeckCore
import Synchronization

/// Keeps what `recdeck serve` receives under the served directory, durably, before it answers.
///
/// Each body goes to `received/YYYY/MM/DD/` (or `rejected/…` when it is not JSON) under a name
/// from `ReceivedFileName`, its kept headers beside it. Order: the sidecar, then the body (each
/// written to a hidden name, flushed, renamed to its name), then one flush of the folder; only
/// then does the caller answer 200. A crash at any moment leaves either no body or a whole one.
public final class DeliveryStore: Sendable {
    /// The served directory.
    public let root: String
    /// Folders known to exist (relative), so that most writes skip `mkdir`.
    private let knownFolders = Mutex<Set<String>>([])

    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    /// Where a stored request went (paths relative to the served directory).
    public struct Stored: Sendable, Equatable {
        /// The body's path (`nil` for a request without one, such as the CloudEvents handshake).
        public var body: String?
        public var headers: String
    }

    /// A failed write: what failed and the system's reason (never the request's content).
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Stores `body` (when given) and `headers`, received at `time`, under `received/` or `rejected/`.
    /// `suffix` (Event Grid's `aeg-output-event-id`) names the files when it is a plain id.
    public func store(body: UnsafeRawBufferPointer?, headers: DeliveryHeaders, time: Timestamp, suffix: String?,
                      rejected: Bool = false) -> Result<Stored, Failure> {
        let top = rejected ? ReceivedFileName.rejectedFolder : ReceivedFileName.receivedFolder
        var name = ReceivedFileName(top: top, time: time, suffix: suffix, random: Self.randomSuffix)
        for attempt in 0..<4 {
            if attempt > 0 {
                // The name was taken (the same event id within a microsecond): a random one instead.
                name = ReceivedFileName(top: top, time: time, suffix: nil, random: Self.randomSuffix)
            }
            if let failure = ensureFolder(name.folder) { return .failure(failure) }
            let folder = "\(root)/\(name.folder)"
            let headersName = String(name.headersPath.dropFirst(name.folder.count + 1))
            let bodyPath = rejected ? name.rejectedBodyPath : name.bodyPath
            let bodyName = String(bodyPath.dropFirst(name.folder.count + 1))
            let text = Array(headers.text.utf8)
            switch text.withUnsafeBytes({ FileWriter.writeDurably($0, folder: folder, name: headersName) }) {
            case .exists: continue
            case .failed(let step, let reason):
                forget(name.folder)
                return .failure(Failure(description: "cannot store \(name.headersPath): \(step): \(reason)"))
            case .written: break
            }
            if let body {
                switch FileWriter.writeDurably(body, folder: folder, name: bodyName) {
                case .exists:
                    unlink("\(folder)/\(headersName)")
                    continue
                case .failed(let step, let reason):
                    unlink("\(folder)/\(headersName)")
                    forget(name.folder)
                    return .failure(Failure(description: "cannot store \(bodyPath): \(step): \(reason)"))
                case .written: break
                }
            }
            if let reason = FileWriter.syncFolder(folder) {
                // The names may not survive a crash: say so rather than answer 200.
                return .failure(Failure(description: "cannot flush \(name.folder): \(reason)"))
            }
            return .success(Stored(body: body == nil ? nil : bodyPath, headers: name.headersPath))
        }
        return .failure(Failure(description: "cannot find a free name in \(name.folder)"))
    }

    /// Creates `relative` and its parents as needed, then flushes each parent. A folder found
    /// already there is flushed too: another thread may have just made it and not yet flushed it.
    /// Once per folder (then it is known), so the cost is nothing beside the deliveries.
    private func ensureFolder(_ relative: String) -> Failure? {
        if knownFolders.withLock({ $0.contains(relative) }) { return nil }
        var path = root
        for component in relative.split(separator: "/") {
            let parent = path
            path += "/\(component)"
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
                return Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))")
            }
            if let reason = FileWriter.syncFolder(parent) {
                return Failure(description: "cannot flush \(parent): \(reason)")
            }
        }
        knownFolders.withLock { _ = $0.insert(relative) }
        return nil
    }

    /// Forgets that `relative` exists (it may have been removed), so the next write creates it again.
    private func forget(_ relative: String) {
        knownFolders.withLock { _ = $0.remove(relative) }
    }

    /// 16 random hex digits.
    static func randomSuffix() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
