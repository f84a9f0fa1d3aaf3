import Foundation

/// An ACS connection string, `endpoint=https://NAME.communication.azure.com/;accesskey=BASE64KEY`
/// (keys in any case, in any order, blanks around parts ignored).
public struct ConnectionString: Sendable {
    /// The resource's endpoint, such as `https://contoso.communication.azure.com/`.
    public let endpoint: URL
    /// The endpoint's host: what requests are signed for (`x-ms-host`).
    public let host: String
    public let accessKey: AccessKey

    /// Parses `text`; `origin` names where it came from, for the error. The error never quotes
    /// the text (it holds the key).
    public init(parsing text: String, origin: String) throws(CredentialError) {
        var endpointText: String?
        var keyText: String?
        for part in text.split(separator: ";") {
            let trimmed = part.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw CredentialError("\(origin): a part of the connection string has no `=`; expected endpoint=https://NAME.communication.azure.com/;accesskey=KEY")
            }
            let name = trimmed[..<equals].lowercased().trimmingCharacters(in: .whitespaces)
            let value = String(trimmed[trimmed.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            switch name {
            case "endpoint": endpointText = value
            case "accesskey": keyText = value
            default: continue
            }
        }
        guard let endpointText else {
            throw CredentialError("\(origin): the connection string has no endpoint=; expected endpoint=https://NAME.communication.azure.com/;accesskey=KEY")
        }
        guard let keyText, !keyText.isEmpty else {
            throw CredentialError("\(origin): the connection string has no accesskey=; copy it from the resource's Keys page in the Azure portal")
        }
        guard let url = URL(string: endpointText), url.scheme?.lowercased() == "https", let host = url.host, !host.isEmpty else {
            throw CredentialError("\(origin): the endpoint is not an https:// URL with a host, such as https://NAME.communication.azure.com/")
        }
        guard let key = Data(base64Encoded: keyText), !key.isEmpty else {
            throw CredentialError("\(origin): the access key is not base64 text; copy it again from the resource's Keys page")
        }
        endpoint = url
        self.host = host.lowercased()
        accessKey = AccessKey(bytes: Array(key))
    }
}
