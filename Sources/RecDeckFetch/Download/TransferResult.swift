/// How one file's fetch (or one delete) ended.
public struct TransferResult: Sendable {
    public enum Status: Sendable, Equatable {
        /// Downloaded now (or deleted).
        case done
        /// Already complete on disk: nothing was requested.
        case alreadyThere
        case failed
    }

    public var status: Status
    /// The file's size on disk (0 for a delete or a failure).
    public var bytes: Int64
    /// Bytes that were already in the `.part` file when this run resumed it.
    public var resumedFrom: Int64 = 0
    /// What went wrong and what to do, in words (failures); what happened on the way (notes).
    public var message: String?
    public var notes: [String] = []

    public init(status: Status, bytes: Int64, resumedFrom: Int64 = 0, message: String? = nil, notes: [String] = []) {
        self.status = status
        self.bytes = bytes
        self.resumedFrom = resumedFrom
        self.message = message
        self.notes = notes
    }
}
