#!/usr/bin/env python3
"""A hostile writer for soak-testing recdeck's live watcher.

    scripts/soak.py DIR [--seconds 60] [--files 20000] [--seed 1] [--cleanup] [--initial 200]

Creates event files in DIR over SECONDS the ways real collectors and careless scripts do:
atomic write + rename, slow in-place writes (half a document, a pause, the rest), in-place
rewrites, renames inside the tree and out of it and back, deletions, redeliveries of the same
event into other files, new nested folders, and a few files left broken for good. With --cleanup
it deletes every file it created at the end (files written with --initial stay), so a watcher's
store comes back to where it was after its first load.

Prints one JSON line to stdout at the end: what it did, counted by kind.
"""
import argparse
import json
import os
import random
import sys
import time
import uuid

RECORDING = "Microsoft.Communication.RecordingFileStatusUpdated"


def event(rng, index, duration_ms=None):
    call = str(uuid.UUID(int=rng.getrandbits(128)))
    doc = "0-weu-d%d-%032x" % (rng.randint(1, 20), rng.getrandbits(128))
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128))),
        "topic": "/subscriptions/soak/resourceGroups/soak/providers/Microsoft.Communication/communicationServices/soak",
        "subject": "/recording/call/%s/recordingId/soak-%07d" % (call, index),
        "data": {
            "recordingStorageInfo": {"recordingChunks": [{
                "documentId": doc, "index": 0, "endReason": "SessionEnded",
                "contentLocation": "https://x/v1/objects/%s/content/video" % doc,
                "metadataLocation": "https://x/v1/objects/%s/content/acsmetadata" % doc,
                "deleteLocation": "https://x/v1/objects/%s" % doc}]},
            "recordingStartTime": "2026-10-01T08:00:00.0000000Z",
            "recordingDurationMs": duration_ms if duration_ms is not None else rng.randint(1000, 3600000),
            "sessionEndReason": "CallEnded",
        },
        "eventType": RECORDING,
        "dataVersion": "1.0",
        "eventTime": "2026-10-01T08:30:00.0000000Z",
    }


def atomic_write(path, text):
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    temporary = os.path.join(folder, ".%s.tmp" % os.path.basename(path))
    with open(temporary, "w") as handle:
        handle.write(text)
    os.replace(temporary, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cleanup", action="store_true")
    parser.add_argument("--initial", type=int, default=0, help="write this many files first, then exit")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    root = os.path.abspath(args.directory)
    outside = root.rstrip("/") + ".outside"
    os.makedirs(root, exist_ok=True)
    os.makedirs(outside, exist_ok=True)

    if args.initial:
        for index in range(args.initial):
            atomic_write(os.path.join(root, "initial", "i%05d.json" % index), json.dumps([event(rng, 9_000_000 + index)]))
        print(json.dumps({"initial": args.initial}))
        return

    counts = {key: 0 for key in ["atomic", "partial", "rewrite", "rename", "renameOut", "renameBack", "delete",
                                 "redelivery", "broken", "cleanup"]}
    live = []          # paths this run created that exist now
    away = []          # (outside path, path to come back to)
    partial = []       # (deadline, handle, rest)
    start = time.monotonic()
    for index in range(args.files):
        # Pace the operations evenly over the run.
        target = start + args.seconds * index / max(1, args.files)
        while True:
            now = time.monotonic()
            for item in [p for p in partial if p[0] <= now]:
                item[1].write(item[2])
                item[1].close()
                partial.remove(item)
            if now >= target:
                break
            time.sleep(min(0.01, target - now))
        folder = os.path.join(root, "d%02d" % rng.randint(0, 30), "n%d" % rng.randint(0, 3))
        path = os.path.join(folder, "e%07d.json" % index)
        roll = rng.random()
        if roll < 0.40 or not live:
            atomic_write(path, json.dumps([event(rng, index)]))
            live.append(path)
            counts["atomic"] += 1
        elif roll < 0.55:
            os.makedirs(folder, exist_ok=True)
            text = json.dumps([event(rng, index)], indent=2)
            handle = open(path, "w")
            handle.write(text[: len(text) // 2])
            handle.flush()
            partial.append((time.monotonic() + rng.uniform(0.05, 0.3), handle, text[len(text) // 2:]))
            live.append(path)
            counts["partial"] += 1
        elif roll < 0.65:
            victim = rng.choice(live)
            if os.path.exists(victim) and not any(p[1].name == victim for p in partial):
                with open(victim, "w") as handle:
                    handle.write(json.dumps([event(rng, index, duration_ms=rng.randint(1, 99))]))
                counts["rewrite"] += 1
        elif roll < 0.73:
            victim = rng.choice(live)
            if os.path.exists(victim) and not any(p[1].name == victim for p in partial):
                os.makedirs(folder, exist_ok=True)
                os.replace(victim, path)
                live[live.index(victim)] = path
                counts["rename"] += 1
        elif roll < 0.78:
            victim = rng.choice(live)
            if os.path.exists(victim) and not any(p[1].name == victim for p in partial):
                parked = os.path.join(outside, "%d.json" % index)
                os.replace(victim, parked)
                live.remove(victim)
                away.append((parked, victim))
                counts["renameOut"] += 1
        elif roll < 0.83 and away:
            parked, back = away.pop(rng.randrange(len(away)))
            os.makedirs(os.path.dirname(back), exist_ok=True)
            os.replace(parked, back)
            live.append(back)
            counts["renameBack"] += 1
        elif roll < 0.91:
            victim = rng.choice(live)
            if os.path.exists(victim) and not any(p[1].name == victim for p in partial):
                os.remove(victim)
                live.remove(victim)
                counts["delete"] += 1
        elif roll < 0.99:
            source = rng.choice(live)
            if os.path.exists(source) and not any(p[1].name == source for p in partial):
                with open(source) as handle:
                    text = handle.read()
                atomic_write(path, text)
                live.append(path)
                counts["redelivery"] += 1
        else:
            os.makedirs(folder, exist_ok=True)
            with open(path, "w") as handle:
                handle.write('[{"id": "broken-%d", "eventType": "%s", "data": {' % (index, RECORDING))
            live.append(path)
            counts["broken"] += 1
    for _, handle, rest in partial:
        handle.write(rest)
        handle.close()
    for parked, back in away:
        os.makedirs(os.path.dirname(back), exist_ok=True)
        os.replace(parked, back)
        live.append(back)
        counts["renameBack"] += 1
    if args.cleanup:
        for path in live:
            if os.path.exists(path):
                os.remove(path)
                counts["cleanup"] += 1
    os.rmdir(outside) if not os.listdir(outside) else None
    counts["seconds"] = round(time.monotonic() - start, 1)
    print(json.dumps(counts))


if __name__ == "__main__":
    sys.exit(main())
