/// The request details `recdeck serve` keeps beside each stored body, in a `.headers` sidecar.
///
/// One `name: value` line each, as HTTP writes them: pseudo-headers first (`:method`,
/// `:received`), then the request's `aeg-*`, `content-type` and `webhook-request-*` headers in the
/// order they came. The key (`?key=`, `x-recdeck-key`) and every other header are never kept.
public struct DeliveryHeaders: Sendable, Hashable {
    /// Lower-cased names and values, in file order.
    public var fields: [(name: String, value: String)]

    public init(fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    public static func == (lhs: DeliveryHeaders, rhs: DeliveryHeaders) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for field in fields {
            hasher.combine(field.name)
            hasher.combine(field.value)
        }
    }

    /// Whether a request header of this (lower-cased) name is kept.
    public static func keeps(_ name: String) -> Bool {
        name.hasPrefix("aeg-") || name == "content-type" || name.hasPrefix("webhook-request-")
    }

    /// The first value of `name` (lower-cased).
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Event Grid's `aeg-delivery-count`, when it is a number.
    public var deliveryCount: Int? {
        self["aeg-delivery-count"].flatMap { Int($0) }
    }

    /// The sidecar's text. A value cannot hold a line break (HTTP forbids it); one that does is cut there.
    public var text: String {
        var result = ""
        for field in fields {
            let value = field.value.prefix { $0 != "\n" && $0 != "\r" }
            result += "\(field.name): \(value)\n"
        }
        return result
    }

    /// Reads a sidecar's text; lines without a `:` after the name are skipped.
    public init(parsing bytes: some BidirectionalCollection<UInt8>) {
        var fields: [(name: String, value: String)] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            // A pseudo-header's name starts with ':'; look for the separator after it.
            let searchFrom = line.first == UInt8(ascii: ":") ? line.index(after: line.startIndex) : line.startIndex
            guard let colon = line[searchFrom...].firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            var value = line[line.index(after: colon)...]
            while value.first == UInt8(ascii: " ") { value = value.dropFirst() }
            if value.last == UInt8(ascii: "\r") { value = value.dropLast() }
            fields.append((name, String(decoding: value, as: UTF8.self)))
        }
        self.fields = fields
    }
}

