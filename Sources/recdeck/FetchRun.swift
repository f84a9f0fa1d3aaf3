import Foundation
import RecDeckCore
import RecDeckFetch
import Synchronization

/// One `fetch` run: the items on `parallel` threads, a line per finished file on standard output,
/// failures and notes on standard error, the live progress line on standard error when it is a
/// terminal, and a summary at the end.
struct FetchRun {
    let items: [FetchItem]
    let folder: String
    let fetcher: ChunkFetcher
    let now: Timestamp
    let parallel: Int

    /// Counts for the summary.
    private struct Tally {
        var saved = 0
        var savedBytes: Int64 = 0
        var there = 0
        var failed = 0
    }

    /// Fetches everything; returns how many files failed.
    func run() -> Int {
        let progress = FetchProgress(files: items.count)
        let tally = Mutex(Tally())
        let output = Mutex(())
        let live = isatty(2) == 1
        let stop = Atomic(false)
        let display = live ? Thread {
            while !stop.load(ordering: .relaxed) {
                let width = Self.terminalWidth()
                output.withLock { _ in StandardOutput.raw("\r\u{1B}[K" + ProgressLine.text(progress.snapshot(), width: width)) }
                Thread.sleep(forTimeInterval: 0.2)
            }
        } : nil
        display?.start()
        let items = self.items
        let fetcher = self.fetcher
        let folder = self.folder
        let now = self.now
        ParallelTransfers.run(count: items.count, parallel: parallel) { slot in
            let item = items[slot]
            let result = fetcher.fetch(item, into: folder, now: now) { bytes, total in
                progress.update(slot: slot, name: item.relativePath, bytes: bytes, total: total)
            }
            progress.finish(slot: slot, bytes: result.bytes, arrived: result.status == .done ? result.bytes - result.resumedFrom : 0)
            let path = folder + "/" + item.relativePath
            output.withLock { _ in
                if live { StandardOutput.raw("\r\u{1B}[K") }
                for note in result.notes { StandardOutput.message("recdeck: \(path): \(SafeText.escaped(note))") }
                switch result.status {
                case .done:
                    StandardOutput.line("saved \(path) (\(ByteCountText.text(result.bytes))\(result.resumedFrom > 0 ? ", resumed at \(result.resumedFrom) bytes" : ""))")
                case .alreadyThere:
                    StandardOutput.line("complete \(path) (\(ByteCountText.text(result.bytes)), already there)")
                case .failed:
                    StandardOutput.message("recdeck: failed \(path): \(SafeText.escaped(result.message ?? "unknown failure"))")
                }
                StandardOutput.flush()
            }
            tally.withLock { tally in
                switch result.status {
                case .done:
                    tally.saved += 1
                    tally.savedBytes += result.bytes
                case .alreadyThere: tally.there += 1
                case .failed: tally.failed += 1
                }
            }
        }
        stop.store(true, ordering: .relaxed)
        output.withLock { _ in if live { StandardOutput.raw("\r\u{1B}[K") } }
        let totals = tally.withLock { $0 }
        let seconds = progress.snapshot().elapsed
        var summary = "recdeck: fetched \(CountText.of(totals.saved, "file")) (\(ByteCountText.text(totals.savedBytes))) in \(String(format: "%.1f", seconds)) s"
        if totals.there > 0 { summary += ", \(CountText.grouped(totals.there)) already complete" }
        if totals.failed > 0 { summary += ", \(CountText.grouped(totals.failed)) failed" }
        summary += "; \(folder)"
        StandardOutput.message(summary)
        return totals.failed
    }

    /// The width of the terminal on standard error (80 when it does not say).
    static func terminalWidth() -> Int {
        var size = winsize()
        return ioctl(2, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }
}
