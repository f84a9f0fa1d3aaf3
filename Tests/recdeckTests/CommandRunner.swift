import Foundation
import RecDeckCore

/// Runs the built `recdeck` binary (beside this test executable) with a deadline.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    /// The `recdeck` executable SwiftPM built next to the test bundle.
    static let binary: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while !folder.path.hasSuffix(".xctest"), folder.path != "/" {
            let candidate = folder.appendingPathComponent("recdeck").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return folder.deletingLastPathComponent().appendingPathComponent("recdeck").path
    }()

    /// Runs `/bin/sh -c script` with `$RECDECK` set to the binary.
    static func shell(_ script: String, deadline: TimeInterval = 30) -> Result {
        run(["/bin/sh", "-c", script], environment: ["RECDECK": binary], deadline: deadline)
    }

    /// Runs `recdeck arguments…`.
    static func recdeck(_ arguments: String..., deadline: TimeInterval = 30) -> Result {
        run([binary] + arguments, environment: [:], deadline: deadline)
    }

    static func run(_ command: [String], environment: [String: String], deadline: TimeInterval) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = "UTC"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("recdeck-out-\(UUID().uuidString)")
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("recdeck-err-\(UUID().uuidString)")
        FileWriter.write([], to: outFile.path)
        FileWriter.write([], to: errFile.path)
        defer {
            try? FileManager.default.removeItem(at: outFile)
            try? FileManager.default.removeItem(at: errFile)
        }
        process.standardOutput = try? FileHandle(forWritingTo: outFile)
        process.standardError = try? FileHandle(forWritingTo: errFile)
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            return Result(status: -1, stdout: "", stderr: "could not start \(command[0]): \(error)", timedOut: false)
        }
        let end = Date().addingTimeInterval(deadline)
        var timedOut = false
        while process.isRunning {
            if Date() > end {
                timedOut = true
                process.terminate()
                break
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        let stdout = (try? String(contentsOf: outFile, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr, timedOut: timedOut)
    }
}
