import Foundation
import Synchronization

/// A text kept as a prefix shared by every text that starts the same way and its own remainder, in
/// one allocation: a serverCallId's URL is `https://api.flightproxy.skype.com/api/v2/cp/conv-usea-07-prod-acs.conv.skype.com/conv/`
/// and 48 characters of its own, 80 bytes of heap instead of a 176-byte string.
///
/// The prefix is the text up to and including its last `/` (when that is at least 16 bytes and at
/// most 256), interned once for the process in `Prefixes` and never freed; a text whose prefix is
/// not interned and cannot be (4,096 prefixes are) is not kept this way. The split is a function of
/// the text, and one prefix text has one address, so two values are equal exactly when their texts are.
struct PrefixedText: @unchecked Sendable, Hashable {
    /// The prefix's address and both lengths, then the remainder's bytes.
    private final class Storage: ManagedBuffer<Header, UInt8> {}

    private struct Header {
        var prefix: UnsafePointer<UInt8>
        var prefixCount: Int32
        var restCount: Int32
    }

    /// Never written after `make`, so sharing it between threads is safe.
    private let storage: Storage

    private init(storage: Storage) {
        self.storage = storage
    }

    /// `bytes` kept as prefix and remainder, or nil when it has no shared prefix.
    static func make(_ bytes: UnsafeBufferPointer<UInt8>) -> PrefixedText? {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")), slash + 1 >= 16, slash + 1 <= 256,
              let prefix = Prefixes.shared.intern(UnsafeBufferPointer(rebasing: bytes[...slash])) else { return nil }
        let rest = UnsafeBufferPointer(rebasing: bytes[(slash + 1)...])
        let buffer = Storage.create(minimumCapacity: rest.count) { _ in
            Header(prefix: prefix, prefixCount: Int32(slash + 1), restCount: Int32(rest.count))
        }
        buffer.withUnsafeMutablePointerToElements { elements in
            if let base = rest.baseAddress { elements.update(from: base, count: rest.count) }
        }
        return PrefixedText(storage: unsafeDowncast(buffer, to: Storage.self))
    }

    /// How many bytes the whole text has.
    var count: Int { Int(storage.header.prefixCount + storage.header.restCount) }

    /// Calls `body` with the first `limit` bytes of the whole text (all of it when `limit` is
    /// larger), written on the stack.
    func withBytes<Result>(prefix limit: Int = .max, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let header = storage.header
        let prefixCount = Int(header.prefixCount), total = min(limit, count)
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: total) { buffer in
            guard let base = buffer.baseAddress else { return try body(UnsafeBufferPointer(buffer)) }
            base.update(from: header.prefix, count: min(prefixCount, total))
            if total > prefixCount {
                storage.withUnsafeMutablePointerToElements { (base + prefixCount).update(from: $0, count: total - prefixCount) }
            }
            return try body(UnsafeBufferPointer(buffer))
        }
    }

    static func == (lhs: PrefixedText, rhs: PrefixedText) -> Bool {
        let left = lhs.storage.header, right = rhs.storage.header
        guard left.prefix == right.prefix, left.restCount == right.restCount else { return false }
        return lhs.storage.withUnsafeMutablePointerToElements { leftBytes in
            rhs.storage.withUnsafeMutablePointerToElements { rightBytes in memcmp(leftBytes, rightBytes, Int(left.restCount)) == 0 }
        }
    }

    func hash(into hasher: inout Hasher) {
        let header = storage.header
        hasher.combine(header.prefix)
        storage.withUnsafeMutablePointerToElements {
            hasher.combine(bytes: UnsafeRawBufferPointer(start: $0, count: Int(header.restCount)))
        }
    }

    /// The process's prefix texts, each stored once where it stays.
    final class Prefixes: Sendable {
        static let shared = Prefixes()
        /// How many prefixes may be interned: untrusted input cannot make the table grow past it.
        static let limit = 4_096

        /// Each prefix's address, by its bytes (as an integer: the stored bytes are never written again).
        private let table = Mutex<[[UInt8]: UInt]>([:])

        /// A table of its own (tests); recdeck uses `shared`.
        init() {}

        /// The one stored copy of `bytes`, made when there is none and the table has room.
        func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<UInt8>? {
            let key = Array(bytes)
            let address = table.withLock { table -> UInt? in
                if let stored = table[key] { return stored }
                guard table.count < Self.limit else { return nil }
                let stored = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
                stored.update(from: bytes.baseAddress!, count: bytes.count)
                let address = UInt(bitPattern: stored)
                table[key] = address
                return address
            }
            return address.flatMap { UnsafePointer(bitPattern: $0) }
        }
    }
}
