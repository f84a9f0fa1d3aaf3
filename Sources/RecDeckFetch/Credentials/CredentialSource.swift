import Foundation

/// Where the connection string comes from: `--connection-string-file PATH`, else
/// `COMMUNICATION_SERVICES_CONNECTION_STRING`, else the config file's `connection_string_file`.
/// Never a command-line value: it would show in `ps`.
public struct CredentialSource: Sendable {
    /// The environment variable the Azure samples use.
    public static let environmentVariable = "COMMUNICATION_SERVICES_CONNECTION_STRING"

    public var flagFile: String?
    public var environment: [String: String]
    public var configFile: String?

    public init(flagFile: String?, environment: [String: String], configFile: String?) {
        self.flagFile = flagFile
        self.environment = environment
        self.configFile = configFile
    }

    /// The connection string from the first source that has one.
    public func load() throws(CredentialError) -> ConnectionString {
        if let flagFile { return try Self.read(file: flagFile, origin: "--connection-string-file \(flagFile)") }
        if let text = environment[Self.environmentVariable], !text.isEmpty {
            return try ConnectionString(parsing: text, origin: "$\(Self.environmentVariable)")
        }
        if let configFile { return try Self.read(file: configFile, origin: "connection_string_file \(configFile)") }
        throw CredentialError("no credentials: set \(Self.environmentVariable), give --connection-string-file PATH, "
            + "or set connection_string_file in the config file (the connection string is on the resource's Keys page)")
    }

    /// The connection string in `file`: its first line that is neither blank nor a `#` comment.
    static func read(file: String, origin: String) throws(CredentialError) -> ConnectionString {
        let path = (file as NSString).expandingTildeInPath
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CredentialError("\(origin): cannot read the file")
        }
        let line = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty && !$0.hasPrefix("#") }
        guard let line else { throw CredentialError("\(origin): the file holds no connection string") }
        return try ConnectionString(parsing: line, origin: origin)
    }
}
