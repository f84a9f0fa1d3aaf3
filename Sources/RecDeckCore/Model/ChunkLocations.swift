/// The content, metadata and delete URLs of a chunk, kept small.
///
/// A chunk's URLs are nearly always a prefix, the chunk's documentId and a suffix
/// (`https://…/v1/objects/` + documentId + `/content/video`), and the prefixes and suffixes are the
/// same for every chunk of a region: the decoder shares one instance among all chunks of a shape
/// (`StringInterner.locations`), so a chunk holds one reference instead of three long strings.
/// A URL of any other shape is kept verbatim.
final class ChunkLocations: Sendable {
    /// One URL: absent, around the documentId, or as written.
    enum Form: Sendable, Equatable {
        case absent
        case around(prefix: String, suffix: String)
        case verbatim(String)

        /// `url` in terms of `documentId`: around it when it holds the documentId once.
        init(_ url: String?, documentId: String?) {
            guard let url else { self = .absent; return }
            guard let documentId, !documentId.isEmpty, let range = url.range(of: documentId),
                  url.range(of: documentId, range: range.upperBound..<url.endIndex) == nil else {
                self = .verbatim(url)
                return
            }
            self = .around(prefix: String(url[..<range.lowerBound]), suffix: String(url[range.upperBound...]))
        }

        func url(documentId: String?) -> String? {
            switch self {
            case .absent: nil
            case .around(let prefix, let suffix): prefix + (documentId ?? "") + suffix
            case .verbatim(let url): url
            }
        }

        /// Whether the form can be shared by other chunks (it names no chunk of its own).
        var isShared: Bool {
            if case .verbatim = self { return false }
            return true
        }
    }

    let content: Form
    let metadata: Form
    let delete: Form

    init(content: Form, metadata: Form, delete: Form) {
        self.content = content
        self.metadata = metadata
        self.delete = delete
    }

    convenience init(content: String?, metadata: String?, delete: String?, documentId: String?) {
        self.init(content: Form(content, documentId: documentId), metadata: Form(metadata, documentId: documentId),
                  delete: Form(delete, documentId: documentId))
    }

    /// Whether other chunks may hold this instance (no URL of its own chunk is kept verbatim).
    var isShared: Bool { content.isShared && metadata.isShared && delete.isShared }

    func hasForms(_ content: Form, _ metadata: Form, _ delete: Form) -> Bool {
        self.content == content && self.metadata == metadata && self.delete == delete
    }
}
