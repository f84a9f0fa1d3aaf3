import ArgumentParser
import Dispatch
import Foundation
import NIOCore
import RecDeckCore
import RecDeckServe

/// `recdeck serve DIR`: an Event Grid webhook endpoint that stores every delivery under DIR.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Receive Event Grid deliveries over HTTP, store each one under DIR/received, and show them.",
        discussion: """
            Answers the Event Grid validation handshake and the CloudEvents OPTIONS handshake, stores each
            delivery durably before answering 200, and prints (once, on standard error) the endpoint to give
            the subscription, key included. Put a TLS-terminating tunnel or proxy in front of it for Azure.

            Examples:
              recdeck serve ~/events --headless
              recdeck serve ~/events --listen 0.0.0.0:8080 --key-file ~/.recdeck-key
            """
    )

    @Argument(help: "The directory to store deliveries in (created if missing).")
    var directory: String

    @Option(name: .customLong("listen"), help: ArgumentHelp(
        "The address to listen on; port 0 picks a free one (default 127.0.0.1:8080).", valueName: "HOST:PORT"))
    var listen = "127.0.0.1:8080"

    @Option(name: .customLong("path"), help: ArgumentHelp("The path deliveries are posted to.", valueName: "PATH"))
    var path = "/api/events"

    @Option(name: .customLong("key"), help: ArgumentHelp(
        "The shared secret requests must carry (?key= or x-recdeck-key); visible to other users in ps, prefer --key-file.",
        valueName: "SECRET"))
    var key: String?

    @Option(name: .customLong("key-file"), help: ArgumentHelp(
        "Read the secret from the first line of PATH. Without --key, --key-file or RECDECK_SERVE_KEY one is generated.",
        valueName: "PATH"))
    var keyFile: String?

    @Flag(help: "Do not open the dashboard: log one line per request to standard error until SIGTERM or SIGINT.")
    var headless = false

    @Option(name: .customLong("max-body"), help: ArgumentHelp(
        "Answer 413 to bodies larger than SIZE (bytes, or with K, M, G; default 16M).", valueName: "SIZE"))
    var maxBody: String?

    @Option(name: .customLong("header-timeout"), help: ArgumentHelp(
        "Close connections whose request head is not complete within SECONDS (also the keep-alive idle time; default 10).",
        valueName: "SECONDS"))
    var headerTimeout: Double = 10

    @Option(name: .customLong("body-timeout"), help: ArgumentHelp(
        "Answer 408 when a body takes longer than SECONDS (default 20).", valueName: "SECONDS"))
    var bodyTimeout: Double = 20

    @Option(name: .customLong("max-connections"), help: ArgumentHelp(
        "Close connections beyond N open at once (default 512).", valueName: "N"))
    var maxConnections: Int = 512

    @Flag(help: "Dashboard: keep the newest recording selected as new ones arrive.")
    var follow = false

    @Flag(name: .customLong("no-mouse"), help: "Dashboard: do not ask the terminal for mouse reports.")
    var noMouse = false

    @Option(name: .customLong("theme"), help: ArgumentHelp(
        "Dashboard: a theme by name (see `recdeck themes`) or a .toml file.", valueName: "NAME|PATH"))
    var theme: String?

    @OptionGroup var display: DisplayFlags

    @OptionGroup var config: ConfigFlags

    func validate() throws {
        if key != nil && keyFile != nil { throw ValidationError("give --key or --key-file, not both") }
        for (name, value) in [("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout)] where !(value >= 0.01 && value <= 3600) {
            throw ValidationError("\(name): give a number of seconds between 0.01 and 3600, such as 10")
        }
        if maxConnections < 1 { throw ValidationError("--max-connections: give at least 1") }
    }

    func run() throws {
        let configuration = try serverConfiguration()
        let file = try config.load()
        var settings = try DashboardSettings(directory: directory, displayName: WatchCommand.displayName(directory), config: file)
        // Deliveries land in DIR/received/YYYY/MM/DD: always read sub-directories.
        settings.watchOptions.scan.recursive = true
        settings.mouse = settings.mouse && !noMouse
        settings.utc = settings.utc || display.utc
        settings.follow = settings.follow || follow
        settings.theme = theme ?? settings.theme
        settings.query = try display.query(utc: settings.utc)
        let log = ServeLog(perRequest: headless, sink: { StandardOutput.message($0) })
        let server: WebhookServer
        do {
            server = try WebhookServer.start(configuration, log: log)
        } catch {
            StandardOutput.message("recdeck: \(error.description)")
            throw ExitCode(2)
        }
        let host = configuration.listen.description.dropLast(String(configuration.listen.port).count + 1)
        StandardOutput.message("recdeck: receiving on http://\(host):\(server.port)\(configuration.path)?key=\(configuration.key.queryText)")
        var status: Int32 = 0
        if headless {
            let signal = Self.waitForTermination()
            StandardOutput.message("recdeck: \(signal): finishing the requests in flight")
        } else {
            let address = configuration.listen.isLoopback ? ":\(server.port)" : "\(host):\(server.port)"
            let statistics = server.statistics
            status = MainActor.assumeIsolated {
                Dashboard(settings, source: { ServingSource(watcher: $0, statistics: statistics, address: address) }).run()
            }
        }
        server.shutdown()
        StandardOutput.message("recdeck: stopped; \(CountText.of(server.statistics.deliveries, "delivery", "deliveries")) stored under \(directory)/received")
        // The dashboard ended by q (0) or a signal (128 + its number); either way the server drained.
        if status != 0 && status < 128 { throw ExitCode(status) }
    }

    /// The server's settings from the flags and the environment; usage errors exit 2.
    func serverConfiguration() throws -> WebhookServer.Configuration {
        do {
            let address = try ListenAddress(parsing: listen)
            let environmentKey = ProcessInfo.processInfo.environment["RECDECK_SERVE_KEY"].flatMap { $0.isEmpty ? nil : $0 }
            let serveKey: ServeKey
            if let key {
                serveKey = try ServeKey(key)
            } else if let keyFile {
                serveKey = try ServeKey.read(file: keyFile)
            } else if let environmentKey {
                serveKey = try ServeKey(environmentKey)
            } else {
                serveKey = ServeKey.generate()
            }
            var limits = ServeLimits()
            limits.headerTimeout = .nanoseconds(Int64(headerTimeout * 1e9))
            limits.bodyTimeout = .nanoseconds(Int64(bodyTimeout * 1e9))
            limits.maxConnections = maxConnections
            var body = WebhookServer.Configuration.defaultMaxBody
            if let maxBody {
                guard let bytes = ScanFlags.parseSize(maxBody) else {
                    throw ValidationError("--max-body: \"\(maxBody)\" is not a size; use bytes or a number with K, M or G, such as 16M")
                }
                body = bytes
            }
            try Self.prepareDirectory(directory)
            return WebhookServer.Configuration(directory: directory, listen: address, path: path, key: serveKey,
                                               maxBody: body, limits: limits)
        } catch let error as ServeError {
            throw ValidationError(error.description)
        }
    }

    /// Creates DIR when it is missing; refuses a path that is not a directory.
    static func prepareDirectory(_ directory: String) throws(ServeError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw ServeError("\(directory) is not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ServeError("cannot create \(directory): \(error.localizedDescription)")
        }
    }

    /// Blocks until SIGTERM or SIGINT arrives; returns its name.
    static func waitForTermination() -> String {
        let received = DispatchSemaphore(value: 0)
        let name = LockedName()
        var sources: [DispatchSourceSignal] = []
        for (number, label) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { @Sendable in
                name.set(label)
                received.signal()
            }
            source.resume()
            sources.append(source)
        }
        received.wait()
        for source in sources { source.cancel() }
        return name.value
    }
}

/// The name of the signal that arrived, set from a signal handler's queue.
private final class LockedName: @unchecked Sendable {
    private let lock = NSLock()
    private var name = "signal"

    func set(_ value: String) {
        lock.withLock { name = value }
    }

    var value: String { lock.withLock { name } }
}
