import Foundation

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
            guard var url else { self = .absent; return }
            guard var documentId, !documentId.isEmpty else { self = .verbatim(url); return }
            let parts: (prefix: String, suffix: String)? = url.withUTF8 { url in
                documentId.withUTF8 { documentId in
                    Self.onlyOccurrence(of: documentId, in: url).map { start in
                        (String(decoding: UnsafeBufferPointer(rebasing: url[..<start]), as: UTF8.self),
                         String(decoding: UnsafeBufferPointer(rebasing: url[(start + documentId.count)...]), as: UTF8.self))
                    }
                }
            }
            guard let parts else { self = .verbatim(url); return }
            self = .around(prefix: parts.prefix, suffix: parts.suffix)
        }

        /// Where `part` starts in `bytes` when it occurs there exactly once, byte for byte.
        private static func onlyOccurrence(of part: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            guard part.count <= bytes.count else { return nil }
            var found: Int?
            for start in 0...(bytes.count - part.count) where bytes[start] == part[0] && equal(bytes, from: start, part) {
                if found != nil { return nil }
                found = start
            }
            return found
        }

        func url(documentId: String?) -> String? {
            switch self {
            case .absent: nil
            case .around(let prefix, let suffix): prefix + (documentId ?? "") + suffix
            case .verbatim(let url): url
            }
        }

        /// Whether `url` (`nil` when absent) is this form around `documentId`, compared byte by
        /// byte without building a string. A verbatim form gives nothing: it names one chunk.
        func gives(_ url: UnsafeBufferPointer<UInt8>?, documentId: UnsafeBufferPointer<UInt8>) -> Bool {
            switch self {
            case .absent:
                return url == nil
            case .verbatim:
                return false
            case .around(var prefix, var suffix):
                guard let url else { return false }
                return prefix.withUTF8 { prefix in
                    suffix.withUTF8 { suffix in
                        url.count == prefix.count + documentId.count + suffix.count
                            && Self.equal(url, from: 0, prefix)
                            && Self.equal(url, from: prefix.count, documentId)
                            && Self.equal(url, from: prefix.count + documentId.count, suffix)
                    }
                }
            }
        }

        private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ part: UnsafeBufferPointer<UInt8>) -> Bool {
            part.isEmpty || memcmp(bytes.baseAddress! + start, part.baseAddress!, part.count) == 0
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

    /// Whether these are a chunk's URLs (`nil` when absent, else their bytes) around `documentId`.
    func gives(content: UnsafeBufferPointer<UInt8>?, metadata: UnsafeBufferPointer<UInt8>?,
               delete: UnsafeBufferPointer<UInt8>?, documentId: UnsafeBufferPointer<UInt8>) -> Bool {
        self.content.gives(content, documentId: documentId) && self.metadata.gives(metadata, documentId: documentId)
            && self.delete.gives(delete, documentId: documentId)
    }
}
