/// What Event Hubs Capture's default blob naming says of a file:
/// `{Namespace}/{EventHub}/{PartitionId}/{YYYY}/{MM}/{DD}/{HH}/{mm}/{ss}.avro`.
enum CapturePath {
    /// The partition id: the folder above the six date and time parts, when the path has them.
    static func partition(of path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count >= 7 else { return nil }
        let time = parts.suffix(6).enumerated().map { index, part in
            index == 5 ? part.dropLast(part.lowercased().hasSuffix(".avro") ? 5 : 0) : part[...]
        }
        let widths = [4, 2, 2, 2, 2, 2]
        for (part, width) in zip(time, widths) where part.utf8.count != width || !part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return nil
        }
        return String(parts[parts.count - 7])
    }
}
