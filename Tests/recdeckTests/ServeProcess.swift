import Foundation
import RecDeckCore

/// `recdeck serve … --headless` started as a process, its standard error kept in a file.
final class ServeProcess {
    let process = Process()
    private let errorFile: String
    /// The port from the start line.
    private(set) var port = 0

    /// Starts `prefix + [recdeck, "serve"] + arguments` and waits (up to 30 s) for the start line.
    init(_ arguments: [String], environment: [String: String] = [:], prefix: [String] = []) throws {
        errorFile = NSTemporaryDirectory() + "recdeck-serve-\(UUID().uuidString).err"
        FileWriter.write([], to: errorFile)
        let command = prefix + [CommandRunner.binary, "serve"] + arguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "RECDECK_SERVE_KEY")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorFile))
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let line = startLine, let port = Self.port(in: line) {
                self.port = port
                return
            }
            if !process.isRunning { return }
            usleep(10_000)
        }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(atPath: errorFile)
    }

    /// Everything written to standard error so far.
    var standardError: String { (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? "" }

    /// The `recdeck: receiving on …` line, once written.
    var startLine: String? {
        standardError.split(separator: "\n").first { $0.hasPrefix("recdeck: receiving on ") }.map(String.init)
    }

    /// The port in `http://HOST:PORT/…`.
    static func port(in line: String) -> Int? {
        guard let scheme = line.range(of: "http://") else { return nil }
        let rest = line[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/"), let colon = rest[..<slash].lastIndex(of: ":") else { return nil }
        return Int(rest[rest.index(after: colon)..<slash])
    }

    /// Waits up to `deadline` seconds for the process to end; its status, or `nil` if it did not.
    func waitForExit(deadline: TimeInterval = 30) -> Int32? {
        let end = Date().addingTimeInterval(deadline)
        while process.isRunning, Date() < end { usleep(10_000) }
        guard !process.isRunning else { return nil }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Sends `signal` to the process.
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }
}
