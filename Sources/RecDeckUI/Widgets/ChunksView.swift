import RecDeckCore

/// The chunks pane: the selected recording's chunks in index order, or every field of one chunk.
public enum ChunksView {
    public static func draw(_ state: AppState, into buffer: inout Buffer, rect: Rect) {
        let theme = state.theme
        let focused = state.focus == .chunks
        guard let recording = state.selectedRecording else {
            PaneFrame.draw(into: &buffer, rect: rect, title: "Chunks", focused: focused, theme: theme)
            return
        }
        // The id as far as the frame has room ("┌ Chunks of " … " (n) expires in 3h ─┐"), its
        // middle cut when long; the retention gives way when the id would get fewer than 17 cells.
        let id = RecordingIdText.readable(recording.shownId)
        let count = "(\(CountText.grouped(recording.chunks.count)))"
        var detail = count
        if let retention = MediaRetention(recording, now: state.now) {
            let withRetention = "\(count) \(retention.text)"
            if rect.width - 16 - DisplayWidth.of(withRetention) >= min(17, DisplayWidth.of(id)) { detail = withRetention }
        }
        let name = DisplayWidth.middleTruncated(id, to: max(9, rect.width - 16 - DisplayWidth.of(detail)))
        let inner = rect.inset(by: 1)
        if state.chunkDetail, let lines = detailLines(state, width: inner.width) {
            // The detail scrolls (`j`, `G`, PgDn); its bottom edge says how much more there is.
            let scroll = min(max(0, state.chunkDetailScroll), max(0, lines.count - inner.height))
            let shown = min(max(0, inner.height), lines.count - scroll)
            PaneFrame.draw(into: &buffer, rect: rect, title: "Chunks of \(name)", detail: detail,
                           footer: PaneFrame.more(above: scroll, below: lines.count - scroll - shown), focused: focused, theme: theme)
            guard inner.width > 2 else { return }
            for (offset, line) in lines.dropFirst(scroll).prefix(shown).enumerated() {
                buffer.write(line.text, column: inner.x + line.indent, row: inner.y + offset, limit: inner.width - line.indent,
                             style: theme[line.role])
            }
            return
        }
        PaneFrame.draw(into: &buffer, rect: rect, title: "Chunks of \(name)", detail: detail, focused: focused, theme: theme)
        guard inner.width > 2, inner.height > 0 else { return }
        // The recording's faults in words, under its chunks (at most half the pane; the last line says how many more).
        let faults = AnomalyExplanation.lines(for: recording)
        let faultRows = recording.chunks.isEmpty ? inner.height - 1 : min(faults.count, max(0, (inner.height - 1) / 2))
        for (offset, line) in faults.prefix(faultRows).enumerated() {
            let more = faults.count - faultRows
            let text = offset == faultRows - 1 && more > 0 ? "⚠ \(line) (and \(CountText.grouped(more)) more)" : "⚠ \(line)"
            let first = recording.chunks.isEmpty ? inner.y + 1 : inner.maxY - min(faults.count, faultRows)
            buffer.write(text, column: inner.x + 1, row: first + offset,
                         limit: inner.width - 1, style: theme[.rowAnomaly])
        }
        let reasonWidth = min(24, max(10, inner.width / 3))
        buffer.write("#", column: inner.x + 1, row: inner.y, style: theme[.columnHeader])
        buffer.write("END REASON", column: inner.x + 6, row: inner.y, limit: reasonWidth, style: theme[.columnHeader])
        let documentColumn = inner.x + 7 + reasonWidth
        buffer.write("DOCUMENT", column: documentColumn, row: inner.y, limit: inner.maxX - documentColumn,
                     style: theme[.columnHeader])
        if recording.chunks.isEmpty { return }
        for offset in 0..<max(0, inner.height - 1 - faultRows) {
            let index = state.chunksScroll + offset
            guard index < recording.chunks.count else { break }
            let chunk = recording.chunks[index]
            let row = inner.y + 1 + offset
            var style = chunk.endedInFailure ? theme[.rowAnomaly] : theme[.text]
            if index == state.chunkIndex { style = theme[focused ? .selection : .selectionUnfocused] }
            buffer.fill(Rect(x: inner.x, y: row, width: inner.width, height: 1), with: Cell(" ", style: style))
            buffer.write(chunk.index.map(String.init) ?? "—", column: inner.x + 1, row: row, limit: 4, style: style)
            buffer.write((chunk.endedInFailure ? "⚠ " : "") + (chunk.endReason ?? "—"), column: inner.x + 6, row: row,
                         limit: reasonWidth, style: style)
            buffer.write(chunk.documentId ?? "—", column: documentColumn, row: row, limit: inner.maxX - documentColumn,
                         style: style)
        }
    }

    /// What a chunk's metadata document says, as detail fields.
    static func metadataFields(_ metadata: ChunkMetadata) -> [(String, String?)] {
        func joined(_ fields: [ChunkMetadata.Field]) -> String? {
            fields.isEmpty ? nil : fields.map { "\($0.name) \($0.value)" }.joined(separator: ", ")
        }
        let pauses = metadata.pauses.map { pause in
            (pause.startTime?.iso8601UTC ?? "?") + " for " + (pause.durationMs.map { DurationText.length(milliseconds: Int64($0.rounded())) } ?? "?")
        }
        let participants = metadata.participants.map { ($0.participantId ?? "?") + ($0.channel.map { " → channel \($0)" } ?? "") }
        return [
            ("metadata document", metadata.location.file),
            ("chunkStartTime", metadata.chunkStartTime?.iso8601UTC),
            ("chunkDuration", metadata.chunkDurationMs.map { DurationText.length(milliseconds: Int64($0.rounded())) }),
            ("pauseResumeIntervals", pauses.isEmpty ? nil : pauses.joined(separator: ", ")),
            ("recordingInfo", [metadata.contentType, metadata.channelType, metadata.format].compactMap { $0 }.joined(separator: " · ")),
            ("audioConfiguration", joined(metadata.audioConfiguration)),
            ("videoConfiguration", joined(metadata.videoConfiguration)),
            ("participants", participants.isEmpty ? nil : participants.joined(separator: ", ")),
        ]
    }

    /// One line of the chunk detail: its text, its role and the cells it is indented by.
    struct DetailLine: Hashable {
        var text: String
        var role: ThemeRole
        var indent: Int
    }

    /// The chunk detail of the selected chunk, laid out `width` cells wide; nil when no chunk is selected.
    static func detailLines(_ state: AppState, width: Int) -> [DetailLine]? {
        guard let recording = state.selectedRecording, recording.chunks.indices.contains(state.chunkIndex) else { return nil }
        let chunk = recording.chunks[state.chunkIndex]
        let metadata = chunk.metadata ?? chunk.documentId.flatMap { state.fetchedMetadata[$0] }
        return detailLines(recording, chunk: chunk, metadata: metadata, width: width)
    }

    /// The recording's faults in words, then every field of one chunk, one per line, long values
    /// wrapped `width` cells wide; then what its metadata document says (saved in the folder, or
    /// downloaded with `d`), when there is one.
    static func detailLines(_ recording: Recording, chunk: Chunk, metadata: ChunkMetadata?, width: Int) -> [DetailLine] {
        let fields: [(String, String?)] = [
            ("index", chunk.index.map(String.init)), ("documentId", chunk.documentId), ("endReason", chunk.endReason),
            ("contentLocation", chunk.contentLocation), ("metadataLocation", chunk.metadataLocation),
            ("deleteLocation", chunk.deleteLocation),
        ] + (metadata.map(metadataFields) ?? [])
        var lines = AnomalyExplanation.lines(for: recording).map { DetailLine(text: "⚠ " + $0, role: .rowAnomaly, indent: 1) }
        let valueWidth = max(1, width - 3)
        for (name, value) in fields {
            lines.append(DetailLine(text: name, role: .jsonKey, indent: 1))
            var rest = SafeText.escaped(value ?? "null")
            repeat {
                let fitting = DisplayWidth.prefix(of: rest, cells: valueWidth)
                let piece = fitting.isEmpty ? String(rest.prefix(1)) : fitting
                lines.append(DetailLine(text: piece, role: value == nil ? .jsonNull : .jsonString, indent: 3))
                rest.removeFirst(piece.count)
            } while !rest.isEmpty
        }
        return lines
    }
}
