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
        let name = recording.recordingId ?? recording.id
        let shortName = DisplayWidth.truncated(name, to: 12)
        PaneFrame.draw(into: &buffer, rect: rect, title: "Chunks of \(shortName)",
                       detail: "(\(CountText.grouped(recording.chunks.count)))", focused: focused, theme: theme)
        let inner = rect.inset(by: 1)
        guard inner.width > 2, inner.height > 0 else { return }
        if state.chunkDetail, recording.chunks.indices.contains(state.chunkIndex) {
            drawDetail(recording, chunk: recording.chunks[state.chunkIndex], into: &buffer, rect: inner, theme: theme)
            return
        }
        let reasonWidth = min(24, max(10, inner.width / 3))
        buffer.write("#", column: inner.x + 1, row: inner.y, style: theme[.columnHeader])
        buffer.write("END REASON", column: inner.x + 6, row: inner.y, limit: reasonWidth, style: theme[.columnHeader])
        let documentColumn = inner.x + 7 + reasonWidth
        buffer.write("DOCUMENT", column: documentColumn, row: inner.y, limit: inner.maxX - documentColumn,
                     style: theme[.columnHeader])
        if recording.chunks.isEmpty {
            buffer.write("no chunks in the event", column: inner.x + 1, row: inner.y + 1, style: theme[.dim])
            return
        }
        for offset in 0..<(inner.height - 1) {
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

    /// Every field of one chunk, one per line, long values wrapped.
    static func drawDetail(_ recording: Recording, chunk: Chunk, into buffer: inout Buffer, rect: Rect, theme: Theme) {
        let fields: [(String, String?)] = [
            ("index", chunk.index.map(String.init)), ("documentId", chunk.documentId), ("endReason", chunk.endReason),
            ("contentLocation", chunk.contentLocation), ("metadataLocation", chunk.metadataLocation),
            ("deleteLocation", chunk.deleteLocation),
        ]
        var row = rect.y
        for (name, value) in fields {
            guard row < rect.maxY else { return }
            buffer.write(name, column: rect.x + 1, row: row, limit: rect.width - 1, style: theme[.jsonKey])
            row += 1
            var rest = SafeText.escaped(value ?? "null")
            let width = max(1, rect.width - 3)
            repeat {
                guard row < rect.maxY else { return }
                let fitting = DisplayWidth.prefix(of: rest, cells: width)
                let piece = fitting.isEmpty ? String(rest.prefix(1)) : fitting
                buffer.write(piece, column: rect.x + 3, row: row, limit: width, style: theme[value == nil ? .jsonNull : .jsonString])
                rest.removeFirst(piece.count)
                row += 1
            } while !rest.isEmpty
        }
    }
}
