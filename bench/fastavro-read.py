#!/usr/bin/env python3
"""The Python baseline for reading Capture files: fastavro (C-accelerated) reading every record of
every .avro file under DIR, and with --bodies also parsing each record's Body as JSON (what recdeck
does besides: decode the delivery). Prints the record count to standard error.

    python3 bench/fastavro-read.py DIR [--bodies]
"""

import json
import os
import sys

import fastavro


def main():
    root = sys.argv[1]
    bodies = "--bodies" in sys.argv[2:]
    records = 0
    events = 0
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".avro"):
                continue
            with open(os.path.join(folder, name), "rb") as f:
                for record in fastavro.reader(f):
                    records += 1
                    if bodies:
                        value = json.loads(record["Body"])
                        events += len(value) if isinstance(value, list) else 1
    print(f"fastavro-read.py: {records} records" + (f", {events} events" if bodies else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
