/// Recording ids written so people can tell them apart. ACS recording ids are base64 of JSON,
/// `{"PlatformEndpointId":"72723b9c-…","ResourceSpecificId":"a66d58b5-…"}`, so every one starts
/// `eyJQbGF0Zm9ybUVuZHBvaW50SWQiOi…`; what differs is inside.
public enum RecordingIdText {
    /// The string values of the JSON object `id` encodes, joined by `/`
    /// (`72723b9c-ef44-40d5-bee4-da5a7989e9d0/a66d58b5-d1a4-401e-a887-ae221b35411b`); any other id as it is.
    public static func readable(_ id: String) -> String {
        guard id.utf8.count >= 8, id.utf8.count <= 4096, id.utf8.first == UInt8(ascii: "e"), let text = Base64Text.decoded(id) else { return id }
        let bytes = Array(text.utf8)
        let value = bytes.withUnsafeBufferPointer { buffer -> JSONValue? in
            var parser = JSONParser(bytes: buffer)
            guard let value = try? parser.parseValue() else { return nil }
            parser.skipWhitespace()
            return parser.isAtEnd ? value : nil
        }
        guard case .object(let members)? = value else { return id }
        let parts = members.compactMap { $0.value.stringValue }.filter { !$0.isEmpty }
        return parts.isEmpty ? id : parts.joined(separator: "/")
    }

    /// `readable(id)` in at most `cells` cells, its middle taken out when it does not fit, so the
    /// start and the end that tell ids apart both stay.
    public static func fitted(_ id: String, cells: Int) -> String {
        DisplayWidth.middleTruncated(readable(id), to: cells)
    }
}
