#!/usr/bin/env python3
"""Turn a JSON corpus of bench/generate.py into the Event Hubs Capture files Event Hubs would
have written for the same events, with fastavro (the reference Avro writer).

    python3 bench/capture-corpus.py JSONDIR OUTDIR [--partitions 4] [--per-file 5000] [--per-block 500]

Every event of JSONDIR (files in path order, events in file order) becomes one Event Hubs message,
as Event Grid delivers to an event hub: an Event Grid event as a JSON array of that one event, a
CloudEvent as the event object. Messages go to the partitions in turn; each partition's messages
fill Capture files of --per-file records in deflate blocks of --per-block, named the Capture way,
OUTDIR/bench/recdeck/{partition}/YYYY/MM/DD/HH/mm/ss.avro (one five-minute window per file).
`OUTDIR/.generated` records the arguments and counts once the corpus is complete.
"""

import argparse
import datetime as dt
import json
import os
import sys

try:
    import fastavro
    from fastavro.write import Writer
except ImportError:
    sys.exit("capture-corpus.py: fastavro is not installed (python3 -m pip install fastavro)")

# The record schema Event Hubs Capture writes, as the Capture tests' fixtures use it.
SCHEMA_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "capture", "EventData.avsc")
with open(SCHEMA_PATH) as schema_file:
    SCHEMA = fastavro.parse_schema(json.load(schema_file))
START = dt.datetime(2026, 10, 1, tzinfo=dt.timezone.utc)


def events(json_dir):
    """Every event of the corpus, in path order then file order."""
    paths = []
    for folder, dirs, files in os.walk(json_dir):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        paths += [os.path.join(folder, f) for f in files if not f.startswith(".")]
    for path in sorted(paths):
        with open(path, "rb") as f:
            text = f.read()
        if path.endswith(".jsonl"):
            values = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            value = json.loads(text)
            values = value if isinstance(value, list) else [value]
        yield from values


def body(event):
    if "specversion" in event or "specVersion" in event:
        return json.dumps(event, separators=(",", ":")).encode()
    return json.dumps([event], separators=(",", ":")).encode()


def enqueued(when):
    hour = when.hour % 12 or 12
    return f"{when.month}/{when.day}/{when.year} {hour}:{when.minute:02d}:{when.second:02d} {'AM' if when.hour < 12 else 'PM'}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("json_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--per-file", type=int, default=5000)
    ap.add_argument("--per-block", type=int, default=500)
    args = ap.parse_args()

    pending = [[] for _ in range(args.partitions)]
    sequence = [0] * args.partitions
    files = [0] * args.partitions
    written = {"events": 0, "files": 0}

    def flush(partition):
        records = pending[partition]
        if not records:
            return
        window = START + dt.timedelta(minutes=5 * files[partition])
        path = os.path.join(args.out_dir, "bench", "recdeck", str(partition), window.strftime("%Y/%m/%d/%H/%M/%S") + ".avro")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            writer = Writer(out, SCHEMA, codec="deflate", sync_interval=1 << 30)
            for start in range(0, len(records), args.per_block):
                for record in records[start:start + args.per_block]:
                    writer.write(record)
                writer.flush()
        files[partition] += 1
        written["files"] += 1
        written["events"] += len(records)
        pending[partition] = []

    for index, event in enumerate(events(args.json_dir)):
        partition = index % args.partitions
        window = START + dt.timedelta(minutes=5 * files[partition])
        when = window + dt.timedelta(seconds=(len(pending[partition]) * 300) // args.per_file)
        pending[partition].append({
            "SequenceNumber": sequence[partition], "Offset": str(sequence[partition] * 1024),
            "EnqueuedTimeUtc": enqueued(when),
            "SystemProperties": {"x-opt-sequence-number": sequence[partition],
                                 "x-opt-enqueued-time": int(when.timestamp() * 1000)},
            "Properties": {"aeg-event-type": "Notification", "aeg-delivery-count": "0"},
            "Body": body(event),
        })
        sequence[partition] += 1
        if len(pending[partition]) == args.per_file:
            flush(partition)
    for partition in range(args.partitions):
        flush(partition)
    with open(os.path.join(args.out_dir, ".generated"), "w") as f:
        json.dump({"from": os.path.abspath(args.json_dir), "partitions": args.partitions, "perFile": args.per_file,
                   "perBlock": args.per_block, **written}, f)
    print(f"capture-corpus.py: {written['events']} events in {written['files']} Capture files", file=sys.stderr)


if __name__ == "__main__":
    main()
