#!/usr/bin/env python3
"""Write Event Hubs Capture fixtures with fastavro, the reference Avro writer recdeck is tested against.

    python3 Tests/Fixtures/capture/generate.py OUTDIR

OUTDIR gets, under the Capture naming {Namespace}/{EventHub}/{PartitionId}/YYYY/MM/DD/HH/mm/ss.avro
(namespace "ns", event hub "calls"):

  0/2026/10/01/08/00/00.avro  deflate, three blocks (2, 2 and 1 records): Event Grid arrays, a
                              CloudEvent, a CloudEvents batch of two, a CallEnded event
  1/2026/10/01/08/00/00.avro  null codec, one block: two records (Event Grid array, CloudEvent)
  2/2026/10/01/08/00/00.avro  deflate, one block: a Body that is not JSON, a null Body, a good one
  3/2026/10/01/08/05/00.avro  empty (0 bytes), as Capture writes for an idle window
  3/2026/10/01/08/10/00.avro  header only, no blocks
and, outside the Capture tree (copies of partition 0's file unless said):
  broken/truncated.avro       cut 7 bytes into its third block
  broken/bad-sync.avro        the sync marker after the second block altered
  broken/bad-deflate.avro     the first block's deflate data altered (same length)
  broken/bzip2.avro           written with the bzip2 codec (not one recdeck reads)
  broken/no-body.avro         a record schema without a Body field
  broken/not-avro.avro        text, not Avro
  other/message.avro          a record that is not EventData but has a bytes Body, after fields
                              of every other Avro kind (boolean, int, float, double, enum, fixed,
                              array, map, nested record, union), deflate
  grow/start.avro, grow/rest  partition 0's file split after its first block: start.avro is
                              the header and block 1, rest the bytes that follow

Every file is the same on every run (fixed sync markers). Exits non-zero, loudly, without fastavro.
"""

import json
import os
import sys

try:
    import fastavro
    from fastavro.write import Writer
except ImportError:
    sys.exit("generate.py: fastavro is not installed (python3 -m pip install fastavro); "
             "recdeck's Capture tests need it to write their fixtures")

# The record schema Event Hubs Capture writes (shared with bench/capture-corpus.py).
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "EventData.avsc")) as schema_file:
    EVENT_DATA = json.load(schema_file)

RECORDING = "Microsoft.Communication.RecordingFileStatusUpdated"
TOPIC = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Communication/CommunicationServices/acs"
SYNC = bytes(range(16))


def recording_data(number):
    return {
        "recordingStorageInfo": {"recordingChunks": [{
            "documentId": f"0-weu-d{number}-doc", "index": 0, "endReason": "SessionEnded",
            "contentLocation": f"https://storage.asm.skype.com/v1/objects/0-weu-d{number}-doc/content/video",
            "metadataLocation": f"https://storage.asm.skype.com/v1/objects/0-weu-d{number}-doc/content/acsmetadata",
            "deleteLocation": f"https://storage.asm.skype.com/v1/objects/0-weu-d{number}-doc"}]},
        "recordingStartTime": f"2026-10-01T07:{number:02d}:00.0000000Z", "recordingDurationMs": 60000 + number,
        "sessionEndReason": "CallEnded", "recordingContentType": "Audio", "recordingChannelType": "Mixed",
        "recordingFormatType": "Mp3",
    }


def subject(number):
    return f"/recording/call/call-{number}/serverCallId/server-{number}/recordingId/rec-{number}"


def event_grid(number):
    """An Event Grid delivery as Event Grid sends it to Event Hubs: an array of one event."""
    return json.dumps([{
        "id": f"eg-{number}", "topic": TOPIC, "subject": subject(number), "eventType": RECORDING,
        "eventTime": f"2026-10-01T08:{number:02d}:00.5Z", "data": recording_data(number),
        "dataVersion": "1.0", "metadataVersion": "1"}], indent=2)


def cloud_event(number):
    return {"specversion": "1.0", "id": f"ce-{number}", "source": TOPIC, "subject": subject(number),
            "type": RECORDING, "time": f"2026-10-01T08:{number:02d}:00.25Z", "data": recording_data(number)}


def call_ended(number):
    return json.dumps([{
        "id": f"call-ended-{number}", "topic": TOPIC, "subject": f"call/call-{number}",
        "eventType": "Microsoft.Communication.CallEnded", "eventTime": "2026-10-01T08:30:00Z",
        "data": {}, "dataVersion": "1.0", "metadataVersion": "1"}])


def record(sequence, body):
    return {
        "SequenceNumber": sequence, "Offset": str(4096 * sequence),
        "EnqueuedTimeUtc": f"10/1/2026 8:{sequence:02d}:05 AM",
        "SystemProperties": {"x-opt-enqueued-time": 1790000000000 + sequence, "x-opt-sequence-number": sequence},
        "Properties": {"aeg-event-type": "Notification", "aeg-delivery-count": "0", "empty": None},
        "Body": None if body is None else body.encode(),
    }


def write(path, schema, blocks, codec="deflate", sync=SYNC):
    """Writes `blocks` (lists of records), each flushed as one Avro block."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as out:
        writer = Writer(out, fastavro.parse_schema(schema), codec=codec, sync_interval=1 << 30, sync_marker=sync)
        for block in blocks:
            for item in block:
                writer.write(item)
            writer.flush()
        writer.flush()


def block_starts(data):
    """The offsets where each block starts (just after the header and after each sync marker)."""
    starts = []
    position = data.index(SYNC) + len(SYNC)
    while position < len(data):
        starts.append(position)
        position = data.index(SYNC, position) + len(SYNC)
    return starts


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    capture = os.path.join(out, "ns", "calls")
    main_file = os.path.join(capture, "0", "2026", "10", "01", "08", "00", "00.avro")
    write(main_file, EVENT_DATA, [
        [record(1, event_grid(1)), record(2, json.dumps(cloud_event(2)))],
        [record(3, json.dumps([cloud_event(3), cloud_event(4)])), record(4, call_ended(5))],
        [record(5, event_grid(6))],
    ])
    write(os.path.join(capture, "1", "2026", "10", "01", "08", "00", "00.avro"), EVENT_DATA,
          [[record(10, event_grid(10)), record(11, json.dumps(cloud_event(11)))]], codec="null")
    write(os.path.join(capture, "2", "2026", "10", "01", "08", "00", "00.avro"), EVENT_DATA,
          [[record(20, '[{"id": "broken", '), record(21, None), record(22, event_grid(22))]])
    idle = os.path.join(capture, "3", "2026", "10", "01", "08", "05", "00.avro")
    os.makedirs(os.path.dirname(idle), exist_ok=True)
    open(idle, "wb").close()
    write(os.path.join(capture, "3", "2026", "10", "01", "08", "10", "00.avro"), EVENT_DATA, [])

    data = open(main_file, "rb").read()
    starts = block_starts(data)
    assert len(starts) == 3, starts
    broken = os.path.join(out, "broken")
    os.makedirs(broken, exist_ok=True)

    def save(name, content):
        with open(os.path.join(broken, name), "wb") as f:
            f.write(content)

    save("truncated.avro", data[:starts[2] + 7])
    bad_sync = bytearray(data)
    bad_sync[starts[2] - 1] ^= 0xFF
    save("bad-sync.avro", bytes(bad_sync))
    bad_deflate = bytearray(data)
    for i in range(starts[0] + 8, starts[0] + 24):
        bad_deflate[i] ^= 0x5A
    save("bad-deflate.avro", bytes(bad_deflate))
    write(os.path.join(broken, "bzip2.avro"), EVENT_DATA, [[record(1, event_grid(1))]], codec="bzip2")
    no_body = {"type": "record", "name": "Reading", "namespace": "example",
               "fields": [{"name": "Value", "type": "long"}, {"name": "Text", "type": "string"}]}
    write(os.path.join(broken, "no-body.avro"), no_body, [[{"Value": 1, "Text": "x"}]])
    save("not-avro.avro", b"this is not an Avro file\n")

    message = {
        "type": "record", "name": "Message", "namespace": "example",
        "fields": [
            {"name": "Flag", "type": "boolean"},
            {"name": "Count", "type": "int"},
            {"name": "Ratio", "type": "float"},
            {"name": "Weight", "type": "double"},
            {"name": "Colour", "type": {"type": "enum", "name": "Colour", "symbols": ["RED", "GREEN"]}},
            {"name": "Hash", "type": {"type": "fixed", "name": "Hash", "size": 4}},
            {"name": "Tags", "type": {"type": "array", "items": "string"}},
            {"name": "Labels", "type": {"type": "map", "values": "long"}},
            {"name": "Inner", "type": {"type": "record", "name": "Inner",
                                       "fields": [{"name": "Again", "type": "Colour"}, {"name": "Note", "type": ["null", "string"]}]}},
            {"name": "Body", "type": "bytes"},
        ],
    }
    write(os.path.join(out, "other", "message.avro"), message, [[{
        "Flag": True, "Count": -7, "Ratio": 0.5, "Weight": 2.25, "Colour": "GREEN", "Hash": b"\x00\x01\x02\x03",
        "Tags": ["a", "b", "c"], "Labels": {"x": 1, "y": -2}, "Inner": {"Again": "RED", "Note": "n"},
        "Body": json.dumps(cloud_event(40)).encode()}]])

    grow = os.path.join(out, "grow")
    os.makedirs(grow, exist_ok=True)
    with open(os.path.join(grow, "start.avro"), "wb") as f:
        f.write(data[:starts[1]])
    with open(os.path.join(grow, "rest"), "wb") as f:
        f.write(data[starts[1]:])


if __name__ == "__main__":
    main()
