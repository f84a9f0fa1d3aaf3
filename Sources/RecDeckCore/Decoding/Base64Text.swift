import Foundation

/// Text hidden in base64 ids: Azure writes server call ids and recording ids as base64 (or
/// base64url without padding) of UTF-8 text.
public enum Base64Text {
    /// The printable UTF-8 text `encoded` decodes to, or `nil` when it is not base64 of such text.
    public static func decoded(_ encoded: String) -> String? {
        // Azure's own ids are canonical base64url: decoded on the stack, without Foundation.
        var utf8 = encoded
        if let text = utf8.withUTF8({ Base64URL.withDecoded($0) { bytes, _ in String(validating: bytes, as: UTF8.self) } }) {
            return text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) ? text : nil
        }
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
              text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { return nil }
        return text
    }
}
