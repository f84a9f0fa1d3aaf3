import Glibc

/// Ends the benchmark with `message` on standard error (prefixed with the program's name), status 2.
public func fail(_ message: String) -> Never {
    let name = CommandLine.arguments.first.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? "bench"
    let bytes = Array("\(name): \(message)\n".utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

/// The number after `name` on the command line, or `value`.
public func argument(_ name: String, default value: Int) -> Int {
    guard let text = stringArgument(name) else { return value }
    guard let number = Int(text) else { fail("\(name) wants a number") }
    return number
}

/// The word after `name` on the command line, if any.
public func stringArgument(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
