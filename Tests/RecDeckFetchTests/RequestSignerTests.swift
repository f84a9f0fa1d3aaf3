import Foundation
import RecDeckFetch
import Testing

/// The signer against AZURE.md's test vectors, plus vectors for recording URLs (computed apart,
/// with Python's hmac and hashlib).
@Suite struct RequestSignerTests {
    static let date = "Wed, 13 Apr 2022 18:09:12 GMT"
    static let key = AccessKey(bytes: Array(Data(base64Encoded: "pw==")!))

    @Test(arguments: [
        ("/", "88MDmJhUR3m5QhFxb8ztShsSwlGrg7g/6XPnWf7QEO4="),
        ("/testPath", "RoCrHjw7fb9fpHSbqvRUY2xa8RBS0YvI1cxI1x8AS38="),
        ("/testPath?testQuery=yes", "il99+rd6V5O136roX/zVePCNle78HmvC4B7tu9zRH3I="),
    ])
    func azureVectors(path: String, signature: String) {
        let signer = RequestSigner(acsHost: "contoso.communicationservices.azure.com", key: Self.key)
        #expect(signer.signature(of: signer.stringToSign(method: "GET", pathAndQuery: path, date: Self.date)) == signature)
    }

    @Test(arguments: [
        ("GET", "https://eu.asm.skype.com/v1/objects/0-weu-d7-doc/content/video", "7uftZDutLtIAUlRv/va98oCKtbIKuhPjpJ6l5NMpB9U="),
        ("GET", "https://eu.asm.skype.com/v1/objects/0-weu-d7-doc/content/acsmetadata", "NMX0X4KXmPBaht+IaexZ1IUgdEls6ms8zZNSYDsDyjg="),
        ("DELETE", "https://eu.asm.skype.com/v1/objects/0-weu-d7-doc/content/deletedata", "9Id0n27uoZu7CvwQbq0fLgNRFemdOp3J3NrZeXrjVhU="),
    ])
    func recordingURLVectors(method: String, url: String, signature: String) throws {
        let credentials = try ConnectionString(parsing: "endpoint=https://contoso.communication.azure.com/;accesskey=pw==", origin: "test")
        let signer = RequestSigner(credentials)
        let date = try #require(HTTPDate.parse(Self.date))
        let headers = signer.headers(method: method, url: URL(string: url)!, date: date)
        #expect(headers.date == Self.date)
        #expect(headers.acsHost == "contoso.communication.azure.com")
        #expect(headers.contentHash == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        let path = String(url.dropFirst("https://eu.asm.skype.com".count))
        #expect(headers.stringToSign == "\(method)\n\(path)\n\(Self.date);contoso.communication.azure.com;47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        #expect(headers.fields.last?.value == "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=\(signature)")
        #expect(!headers.shown.contains { $0.value.contains(signature) })
    }

    @Test func datesHaveLeadingZerosAndRoundTrip() {
        let date = Date(timeIntervalSince1970: 1_649_873_352)  // Wed, 13 Apr 2022 18:09:12 GMT
        #expect(HTTPDate.format(date) == Self.date)
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 1_704_164_646)) == "Tue, 02 Jan 2024 03:04:06 GMT")
        #expect(HTTPDate.parse(Self.date) == date)
        #expect(HTTPDate.parse("13 Apr 2022") == nil)
    }
}

/// Connection strings: keys in any case and order, and errors that never quote the key.
@Suite struct ConnectionStringTests {
    @Test func keysInAnyCaseAndOrder() throws {
        let parsed = try ConnectionString(parsing: " AccessKey=pw== ; ENDPOINT=https://Contoso.communication.azure.com/ ;", origin: "x")
        #expect(parsed.host == "contoso.communication.azure.com")
        #expect(parsed.accessKey.bytes == [0xA7])
        #expect("\(parsed.accessKey)" == "<access key>")
    }

    @Test(arguments: [
        ("endpoint=https://a.communication.azure.com/", "no accesskey="),
        ("accesskey=c2VjcmV0LWtleQ==", "no endpoint="),
        ("endpoint=http://a.communication.azure.com/;accesskey=c2VjcmV0LWtleQ==", "not an https:// URL"),
        ("endpoint=https://a.communication.azure.com/;accesskey=c2VjcmV0!!!", "not base64"),
    ])
    func errorsSayWhatIsWrongWithoutTheKey(text: String, reason: String) {
        do {
            _ = try ConnectionString(parsing: text, origin: "$COMMUNICATION_SERVICES_CONNECTION_STRING")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.hasPrefix("$COMMUNICATION_SERVICES_CONNECTION_STRING: "))
            #expect(error.description.contains(reason), "\(error)")
            #expect(!error.description.contains("c2VjcmV0"))
        }
    }

    @Test func sourcesInOrderFlagThenEnvironmentThenConfig() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recdeck-cred-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "# mine\n\nendpoint=https://flag.communication.azure.com/;accesskey=pw==\n".write(toFile: folder + "/flag", atomically: false, encoding: .utf8)
        try "endpoint=https://config.communication.azure.com/;accesskey=pw==".write(toFile: folder + "/config", atomically: false, encoding: .utf8)
        let environment = [CredentialSource.environmentVariable: "endpoint=https://env.communication.azure.com/;accesskey=pw=="]
        #expect(try CredentialSource(flagFile: folder + "/flag", environment: environment, configFile: folder + "/config").load().host == "flag.communication.azure.com")
        #expect(try CredentialSource(flagFile: nil, environment: environment, configFile: folder + "/config").load().host == "env.communication.azure.com")
        #expect(try CredentialSource(flagFile: nil, environment: [:], configFile: folder + "/config").load().host == "config.communication.azure.com")
        #expect(throws: CredentialError.self) { try CredentialSource(flagFile: nil, environment: [:], configFile: nil).load() }
        #expect(throws: CredentialError.self) { try CredentialSource(flagFile: folder + "/missing", environment: environment, configFile: nil).load() }
    }
}

/// The hosts a signed request may go to.
@Suite struct HostAllowListTests {
    @Test func onlyHTTPSMediaHostsUnlessAdded() throws {
        let list = try HostAllowList(adding: "127.0.0.1:8080, storage.example.com:8443,[::1]:9000")
        #expect(list.refusal(for: URL(string: "https://eu.asm.skype.com/v1/objects/x")!) == nil)
        #expect(list.refusal(for: URL(string: "https://x.asyncgw.teams.microsoft.com/a")!) == nil)
        #expect(list.refusal(for: URL(string: "https://eu.asm.skype.com:8443/v1")!) != nil)
        #expect(list.refusal(for: URL(string: "http://eu.asm.skype.com/v1")!)?.contains("plain HTTP") == true)
        #expect(list.refusal(for: URL(string: "https://evil.example/asm.skype.com")!)?.contains("not an ACS media host") == true)
        #expect(list.refusal(for: URL(string: "https://eu.asm.skype.com.evil.example/")!) != nil)
        #expect(list.refusal(for: URL(string: "http://127.0.0.1:8080/x")!) == nil)
        #expect(list.refusal(for: URL(string: "http://[::1]:9000/x")!) == nil)
        #expect(list.refusal(for: URL(string: "http://127.0.0.1:8081/x")!) != nil)
        #expect(list.refusal(for: URL(string: "https://storage.example.com:8443/x")!) == nil)
        #expect(list.refusal(for: URL(string: "http://storage.example.com:8443/x")!)?.contains("plain HTTP") == true)
        #expect(throws: FetchError.self) { try HostAllowList(adding: "127.0.0.1") }
    }
}
