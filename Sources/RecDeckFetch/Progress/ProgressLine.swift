import Foundation
import RecDeckCore

/// The live progress line of `fetch` on a terminal: the total (files, bytes, rate, ETA when the
/// sizes are known) then each file in flight (bytes of size, per cent, its rate and ETA), cut to
/// `width` cells.
public enum ProgressLine {
    public static func text(_ snapshot: FetchProgress.Snapshot, width: Int, now: Date = Date()) -> String {
        let rate = snapshot.elapsed > 0.2 ? Double(snapshot.arrived) / snapshot.elapsed : 0
        var line = "\(snapshot.filesDone)/\(snapshot.filesTotal) files, \(ByteCountText.text(snapshot.bytes))"
        if rate > 0 { line += ", \(ByteCountText.text(Int64(rate)))/s" }
        let remaining = snapshot.active.reduce(Int64(0)) { $0 + max(0, ($1.total ?? $1.bytes) - $1.bytes) }
        if rate > 0, remaining > 0, snapshot.active.allSatisfy({ $0.total != nil }) {
            line += ", ETA " + DurationText.age(nanoseconds: Int64(Double(remaining) / rate * 1e9))
        }
        for file in snapshot.active {
            line += " | " + (file.name as NSString).lastPathComponent + " " + ByteCountText.text(file.bytes)
            if let total = file.total, total > 0 {
                line += "/\(ByteCountText.text(total)) \(Int(Double(file.bytes) * 100 / Double(total)))%"
                let seconds = now.timeIntervalSince(file.started)
                let fileRate = seconds > 0.2 ? Double(file.bytes - file.startBytes) / seconds : 0
                if fileRate > 0 {
                    line += " \(ByteCountText.text(Int64(fileRate)))/s ETA " + DurationText.age(nanoseconds: Int64(Double(total - file.bytes) / fileRate * 1e9))
                }
            }
        }
        let safe = SafeText.escaped(line)
        return safe.count > width ? String(safe.prefix(max(0, width - 1))) + "…" : safe
    }
}
