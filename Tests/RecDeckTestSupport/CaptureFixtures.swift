import Foundation

/// The Event Hubs Capture fixtures, written by `Tests/Fixtures/capture/generate.py` with fastavro
/// (the reference writer) into a fresh temporary directory.
///
/// When python3 or fastavro is missing, `generate()` throws with the script's own message: the
/// Capture tests fail, they are never skipped (`.ci/run` installs fastavro).
public enum CaptureFixtures {
    /// Why the fixtures could not be written.
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// `generate.py`, found from this source file (the package's Tests folder).
    public static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/capture/generate.py").path

    /// A directory holding every fixture (the script's doc string lists them).
    public static func generate() throws -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, directory.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Unavailable(description: "cannot run python3 \(script): \(error)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Unavailable(description: "python3 \(script) failed (exit \(process.terminationStatus)): \(message)")
        }
        return directory
    }
}

extension TemporaryDirectory {
    /// The bytes of `relative`, which must exist.
    public func bytes(_ relative: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path + "/" + relative) else {
            throw CaptureFixtures.Unavailable(description: "no file \(relative) in \(path)")
        }
        return [UInt8](data)
    }
}
