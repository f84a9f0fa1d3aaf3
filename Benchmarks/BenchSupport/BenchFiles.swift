import Glibc

/// One recording event file's bytes: recording `number`, ids prefixed with `prefix`.
public func event(_ number: Int, prefix: String) -> [UInt8] {
    let second = number % 60, minute = (number / 60) % 60, hour = (number / 3600) % 24
    let time = "2026-10-01T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute):\(second < 10 ? "0" : "")\(second)Z"
    return Array("""
    [{"id":"\(prefix)-ev-\(number)","topic":"/subscriptions/x","subject":"/recording/call/\(prefix)-call-\(number)/recordingId/\(prefix)-rec-\(number)","eventType":"Microsoft.Communication.RecordingFileStatusUpdated","eventTime":"\(time)","data":{"recordingStorageInfo":{"recordingChunks":[{"documentId":"0-weu-d1-\(number)","index":0,"endReason":"SessionEnded","contentLocation":"https://x/content/video","metadataLocation":"https://x/content/acsmetadata"}]},"recordingStartTime":"\(time)","recordingDurationMs":6620,"sessionEndReason":"CallEnded"},"dataVersion":"1.0"}]

    """.utf8)
}

/// Writes `bytes` to `path` in place (benchmarks time the kernel, not an atomic rename).
public func writeFile(_ path: String, _ bytes: [UInt8]) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { fail("cannot write \(path): \(String(cString: strerror(errno)))") }
    let wrote = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    guard wrote == bytes.count else { fail("short write to \(path)") }
    close(descriptor)
}
