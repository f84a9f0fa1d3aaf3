/// Every field of a recording (see `RecordingField`), in the order of the JSON contract's keys
/// and the CSV/TSV columns. A new field, column, sort key or filter word is an entry here (and the
/// name it is typed by in `RecordingColumn`, `SortField` or `QueryField`), plus its decoding.
extension RecordingField {
    public static let all: [RecordingField] = [
        RecordingField("recordingId",
            column: Column(.recording, "RECORDING", minimumWidth: 17, shrinks: true, listDropRank: 60, width: 24, growsTo: 36,
                           dashboardDropRank: 10, cutsInTheMiddle: true) { recording, _ in
                RecordingIdText.readable(recording.shownId)
            },
            sort: Sort(name: .rec, defaultAscending: true, key: .text { $0.shownId }),
            query: Query(.rec, .text { $1.isFound(in: $0.packedRecordingId ?? $0.id) }, searchedByBareWords: true),
            json: JSON(key: "recordingId") { recording, _, writer in writer.string(recording.recordingId) },
            cells: [Cell(name: "recordingId") { recording, _, row in row.cell(recording.recordingId) }]),
        RecordingField("callId",
            column: Column(.call, "CALL", minimumWidth: 8, listDropRank: nil, lastResort: true, width: 8, growsTo: 36,
                           dashboardDropRank: 90) { recording, _ in recording.callId ?? "—" },
            sort: Sort(name: .call, defaultAscending: true, key: .text(\.callId)),
            query: Query(.call, .text { $1.isFound(in: $0.packedCallId) }, searchedByBareWords: true),
            json: JSON(key: "callId") { recording, _, writer in writer.string(recording.callId) },
            cells: [Cell(name: "callId") { recording, _, row in row.cell(recording.callId) }]),
        RecordingField("serverCallId",
            query: Query(.server, .text { $1.isFound(in: $0.packedServerCallId) }, searchedByBareWords: true),
            json: JSON(key: "serverCallId") { recording, _, writer in writer.string(recording.serverCallId) },
            cells: [Cell(name: "serverCallId") { recording, _, row in row.cell(recording.serverCallId) }]),
        RecordingField("startTime",
            column: Column(.start, "START", minimumWidth: 19, listDropRank: nil, width: 14, dashboardDropRank: 110) { recording, context in
                RecordingField.timeCell(recording.startTime, context)
            },
            sort: Sort(name: .start, defaultAscending: false, key: .number { recording, _ in recording.startTime?.nanoseconds }),
            query: Query(.start, .comparison(.instant, example: "start>2026-10-01") { recording, _ in recording.startTime?.nanoseconds }),
            json: JSON(key: "startTime") { recording, _, writer in writer.time(recording.startTime) },
            cells: [Cell(name: "startTime") { recording, _, row in row.cell(recording.startTime) }]),
        RecordingField("endTime",
            // The start plus the duration: what `--sort end` orders by.
            column: Column(.end, "END TIME", minimumWidth: 19, listDropRank: 8, width: 14, dashboardDropRank: 35) { recording, context in
                RecordingField.timeCell(recording.endTime, context)
            },
            sort: Sort(name: .end, defaultAscending: false, key: .number { recording, _ in recording.endTime?.nanoseconds })),
        RecordingField("durationMs",
            column: Column(.duration, "DURATION", minimumWidth: 9, listDropRank: 90, width: 9, dashboardDropRank: 100) { recording, _ in
                recording.durationMs.map { DurationText.length(milliseconds: $0) } ?? "—"
            },
            sort: Sort(name: .duration, defaultAscending: false, key: .number { recording, _ in recording.durationMs }),
            query: Query(.dur, .comparison(.duration, example: "dur>5m") { recording, _ in
                guard let milliseconds = recording.durationMs else { return nil }
                let (nanoseconds, overflow) = milliseconds.multipliedReportingOverflow(by: 1_000_000)
                return overflow ? (milliseconds < 0 ? .min : .max) : nanoseconds
            }),
            json: JSON(key: "durationMs") { recording, _, writer in writer.integer(recording.durationMs) },
            cells: [Cell(name: "durationMs") { recording, _, row in row.cell(recording.durationMs) }]),
        RecordingField("sessionEndReason",
            column: Column(.reason, "END", minimumWidth: 10, shrinks: true, listDropRank: 50, width: 13, dashboardDropRank: 70) { recording, _ in
                recording.sessionEndReason ?? "—"
            },
            sort: Sort(name: .reason, defaultAscending: true, key: .text(\.sessionEndReason)),
            // The session's end reason or any chunk's.
            query: Query(.reason, .text { recording, needle in
                needle.isFound(in: recording.sessionEndReason) || recording.chunks.contains { needle.isFound(in: $0.endReason) }
            }, searchedByBareWords: true),
            json: JSON(key: "sessionEndReason") { recording, _, writer in writer.string(recording.sessionEndReason) },
            cells: [Cell(name: "sessionEndReason") { recording, _, row in row.cell(recording.sessionEndReason) }]),
        RecordingField("contentType",
            sort: Sort(name: .type, defaultAscending: true, key: .text(\.contentType)),
            query: Query(.type, .text { $1.isFound(in: $0.contentType) }, searchedByBareWords: true),
            json: JSON(key: "contentType") { recording, _, writer in writer.string(recording.contentType) },
            cells: [Cell(name: "contentType") { recording, _, row in row.cell(recording.contentType) }]),
        RecordingField("channelType",
            sort: Sort(name: .channel, defaultAscending: true, key: .text(\.channelType)),
            query: Query(.channel, .text { $1.isFound(in: $0.channelType) }, searchedByBareWords: true),
            json: JSON(key: "channelType") { recording, _, writer in writer.string(recording.channelType) },
            cells: [Cell(name: "channelType") { recording, _, row in row.cell(recording.channelType) }]),
        RecordingField("formatType",
            // The column shows the content type beside the format: `Mp4 A/V`.
            column: Column(.format, "FORMAT", minimumWidth: 7, listDropRank: 40, width: 7, dashboardDropRank: 60) { recording, _ in
                RecordingColumn.formatSummary(format: recording.formatType, content: recording.contentType)
            },
            sort: Sort(name: .format, defaultAscending: true, key: .text(\.formatType)),
            query: Query(.format, .text { $1.isFound(in: $0.formatType) }, searchedByBareWords: true),
            json: JSON(key: "formatType") { recording, _, writer in writer.string(recording.formatType) },
            cells: [Cell(name: "formatType") { recording, _, row in row.cell(recording.formatType) }]),
        RecordingField("storageType",
            // `AcsStorage`, or `BlobStorage` for bring-your-own storage: a column the config file may add.
            column: Column(.storage, "STORAGE", minimumWidth: 7, listDropRank: 5, width: 11, dashboardDropRank: 5) { recording, _ in
                recording.storageType ?? "—"
            }),
        RecordingField("chunks",
            column: Column(.chunks, "CHUNKS", minimumWidth: 6, listDropRank: 80, width: 6, dashboardDropRank: 80) { recording, _ in
                String(recording.chunks.count) + (recording.chunks.contains(where: \.endedInFailure) ? " ⚠" : "")
            },
            sort: Sort(name: .chunks, defaultAscending: false, key: .number { recording, _ in Int64(recording.chunks.count) }),
            query: Query(.chunks, .comparison(.count, example: "chunks>1") { recording, _ in Int64(recording.chunks.count) }),
            json: JSON(key: "chunks") { recording, _, writer in
                writer.beginArray()
                for chunk in recording.chunks {
                    writer.beginObject()
                    writer.field("index", chunk.index)
                    writer.field("documentId", chunk.documentId)
                    writer.field("endReason", chunk.endReason)
                    writer.field("contentLocation", chunk.contentLocation)
                    writer.field("metadataLocation", chunk.metadataLocation)
                    writer.field("deleteLocation", chunk.deleteLocation)
                    writer.endObject()
                }
                writer.endArray()
            },
            cells: [
                Cell(name: "chunks") { recording, _, row in row.cell(Int64(recording.chunks.count)) },
                Cell(name: "chunkEndReasons") { recording, _, row in
                    let chunks = recording.chunks
                    row.cell(chunks.count == 1 ? chunks[0].endReason ?? "" : chunks.map { $0.endReason ?? "" }.joined(separator: ";"))
                },
            ]),
        RecordingField("events",
            sort: Sort(name: .events, defaultAscending: false, key: .number { recording, _ in Int64(recording.eventCount) }),
            json: JSON(key: "events") { recording, _, writer in
                writer.beginArray()
                for event in recording.events {
                    writer.beginObject()
                    writer.field("id", event.id)
                    writer.field("file", event.location.file)
                    writer.field("eventTime", event.time)
                    writer.endObject()
                }
                writer.endArray()
            },
            cells: [Cell(name: "events") { recording, _, row in row.cell(Int64(recording.eventCount)) }]),
        RecordingField("duplicateDeliveries",
            json: JSON(key: "duplicateDeliveries") { recording, _, writer in writer.integer(recording.duplicateDeliveries) },
            cells: [Cell(name: "duplicateDeliveries") { recording, _, row in row.cell(Int64(recording.duplicateDeliveries)) }]),
        RecordingField("anomalies",
            // Faults only: the media's retention is the MEDIA column, not something wrong.
            column: Column(.anomalies, "ANOMALIES", minimumWidth: 9, shrinks: true, listDropRank: 70, width: 12, dashboardDropRank: 20) { recording, _ in
                recording.fixedAnomalies.sorted().map(\.rawValue).joined(separator: ",")
            },
            sort: Sort(name: .anomalies, defaultAscending: false, key: .number { recording, _ in Int64(recording.fixedAnomalies.count) }),
            query: Query(.anomaly, .anomaly),
            json: JSON(key: "anomalies") { recording, now, writer in
                writer.beginArray()
                for anomaly in recording.anomalies(now: now) { writer.string(anomaly.rawValue) }
                writer.endArray()
            },
            cells: [Cell(name: "anomalies") { recording, now, row in
                row.cell(recording.anomalies(now: now).map(\.rawValue).joined(separator: ";"))
            }]),
        RecordingField("file",
            // The path of any file that delivered one of the recording's events; the row names the first.
            query: Query(.file, .text { recording, needle in
                recording.events.contains { event in event.anyDelivery { needle.isFound(in: $0.file) } }
            }),
            cells: [Cell(name: "file") { recording, _, row in row.cell(recording.firstEventFile) }]),
        RecordingField("contentLocation",
            cells: [Cell(name: "contentLocation") { recording, _, row in row.cell(recording.chunks.first?.contentLocation) }]),
        RecordingField("deadLettered",
            query: Query(.deadlettered, .flag(\.deadLettered)),
            // Added after the contract's original keys, so that they stay byte for byte what they were.
            json: JSON(key: "deadLettered") { recording, _, writer in writer.bool(recording.deadLettered) }),
        RecordingField("age",
            // Time since the newest event (or the start).
            column: Column(.age, "AGE", minimumWidth: 6, listDropRank: 20, width: 4, dashboardDropRank: 50, dimmedWhenExpired: true) { recording, context in
                (recording.lastEventTime ?? recording.startTime).map { DurationText.age(of: $0, at: context.now) } ?? "—"
            },
            sort: Sort(name: .age, defaultAscending: true, dependsOnClock: true, key: .number(RecordingField.age)),
            query: Query(.age, .comparison(.duration, example: "age<1h", RecordingField.age), dependsOnClock: true)),
        RecordingField("lastEventTime",
            // When the newest event was sent (what AGE counts from).
            column: Column(.arrived, "ARRIVED", minimumWidth: 19, listDropRank: 10, width: 14, dashboardDropRank: 40) { recording, context in
                RecordingField.timeCell(recording.lastEventTime, context)
            }),
        RecordingField("mediaRetention",
            // Time left of the 24 h the media is kept; an expired recording has none, so `expires<` never matches it.
            column: Column(.media, "MEDIA", minimumWidth: 7, listDropRank: 30, width: 7, dashboardDropRank: 30, dimmedWhenExpired: true) { recording, context in
                MediaRetention(recording, now: context.now)?.cellText ?? "—"
            },
            query: Query(.expires, .comparison(.duration, example: "expires<2h") { recording, now in
                guard case .expiresIn(let left)? = MediaRetention(recording, now: now) else { return nil }
                return left
            }, dependsOnClock: true)),
    ]

    /// Nanoseconds since the newest event (or the start).
    @Sendable private static func age(_ recording: Recording, _ now: Timestamp) -> Int64? {
        guard let reference = recording.lastEventTime ?? recording.startTime else { return nil }
        return now.nanoseconds(since: reference)
    }

    /// A time as a cell shows it; `compact` drops the year in the current year (`10-01 08:00:12`)
    /// and the seconds instead in any other year (`2025-10-01 08:00`).
    private static func timeCell(_ time: Timestamp?, _ context: CellContext) -> String {
        let full = time?.display(offsetSeconds: context.offsetSeconds) ?? "—"
        guard context.compact, full.count == 19, let time else { return full }
        let sameYear = time.components(offsetSeconds: context.offsetSeconds).year == context.now.components(offsetSeconds: context.offsetSeconds).year
        return sameYear ? String(full.dropFirst(5)) : String(full.prefix(16))
    }
}
