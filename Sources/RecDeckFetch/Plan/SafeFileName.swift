import Crypto
import Foundation

/// Short, readable, filesystem-safe names for ids from events (untrusted text): letters, digits,
/// `.`, `_` and `-` kept, anything else `_`; a long id cut, with a hash of the whole so two long
/// ids never share a name.
public enum SafeFileName {
    /// Ids longer than this are cut to `keep` characters plus `-` and 8 hex digits of their hash.
    static let longest = 40
    static let keep = 28

    /// `text` as one path component (never empty, never `.` or `..`).
    public static func component(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-": out.unicodeScalars.append(scalar)
            case ".": out.unicodeScalars.append(out.isEmpty ? "_" : scalar)
            default: out.append("_")
            }
        }
        if out.isEmpty { return "unknown" }
        guard out.count > longest else { return out }
        let digest = SHA256.hash(data: Array(text.utf8)).prefix(4).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
        return String(out.prefix(keep)) + "-" + digest
    }

    /// The media file's extension for a `recordingFormatType` (`Mp4` → `mp4`); `bin` when unknown.
    public static func mediaExtension(format: String?) -> String {
        let known = ["mp4", "mp3", "wav", "ogg", "webm"]
        guard let format = format?.lowercased(), known.contains(format) else { return "bin" }
        return format
    }
}
