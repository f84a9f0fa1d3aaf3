# One TSV row per Microsoft.Communication.RecordingFileStatusUpdated event, with the fields
# `recdeck list --format tsv` shows, in its column order where jq can tell them from one event
# (the event's id and time stand where recdeck has the delivery and duplicate counts and anomalies,
# which need every file read first). Reads Event Grid arrays, single objects (Event Grid or
# CloudEvents) and JSON Lines alike: jq reads a stream of concatenated values.
(if type == "array" then .[] else . end)
| select((.eventType // .type) == "Microsoft.Communication.RecordingFileStatusUpdated")
| ((.subject // "") | split("/")) as $s
| (reduce range(2; ($s | length) - 1; 2) as $i ({}; .[$s[$i]] = $s[$i + 1])) as $k
| (.data // {}) as $d
| (($d.recordingStorageInfo.recordingChunks // []) | sort_by(.index)) as $c
| [ ($k.recordingId // (($k.call // "") + "/" + ($c[0].documentId // .id))),
    $k.call, $k.serverCallId,
    $d.recordingStartTime, $d.recordingDurationMs, $d.sessionEndReason,
    $d.recordingContentType, $d.recordingChannelType, $d.recordingFormatType,
    ($c | length), ($c | map(.endReason // "") | join(",")),
    .id, (.eventTime // .time), input_filename, $c[0].contentLocation ]
| @tsv
