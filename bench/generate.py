#!/usr/bin/env python3
"""Write a realistic corpus of Azure Event Grid event files for benchmarking recdeck.

    python3 bench/generate.py OUTDIR --files N [--batch K] [--seed S] [--now ISO]

Files land in date folders named after the delivery time of their first event:
OUTDIR/2026/10/01/eventgrid-0000001.json (a few are .jsonl, one event a line). Each file holds
--batch events (default 1): an Event Grid schema array, or a CloudEvents 1.0 object when it holds a
single CloudEvents event, or an array of them. The mix, per event unless said otherwise:

  ~85% Event Grid schema, ~15% CloudEvents 1.0 (per file; about 1 in 4 spelled `specVersion`)
  ~95% Microsoft.Communication.RecordingFileStatusUpdated, ~5% other events
       (CallStarted, CallEnded, Microsoft.EventGrid.SubscriptionValidationEvent)
  ~10% of recordings multi-chunk: 2-5 chunks, ChunkMaximumTimeExceeded then SessionEnded, the array
       order shuffled for about a third; a quarter of them arrive as one event per chunk instead
  ~1%  of recordings with a ChunkUploadFailure chunk
  ~2%  of events redelivered: the same bytes again in a later file
  ~1%  of files .jsonl (several events, one a line)
  ~60% of single-event files pretty-printed (2-space indent), the rest compact as delivered
       (batches: ~25% pretty); .jsonl lines always compact
  subjects in all four documented variants, mostly with serverCallId (base64url of a conversation URL)
  and recordingId; a few payloads in the 2021 shape (no deleteLocation, no content/channel/format
  types), a few without recordingStartTime or recordingDurationMs.

Start times are spread over the 30 days before --now (default: today 00:00 UTC), durations from
seconds to hours. The output depends only on the arguments: the same --seed and --now give the same
bytes. Standard library only. A summary goes to standard error; `OUTDIR/.generated` (a hidden
file, which recdeck skips) records the arguments and the summary once the corpus is complete.
"""

import argparse
import base64
import collections
import datetime as dt
import heapq
import json
import os
import random
import sys
import time

RECORDING = "Microsoft.Communication.RecordingFileStatusUpdated"
DAY_MS = 86_400_000
CHUNK_MAX_MS = 4 * 3_600_000  # a chunk is at most 4 h

# (region code in documentIds, storage host prefix for deleteLocation, conversation cluster)
REGIONS = [
    ("weu", "eu", "conv-weeu-03-prod-acs"),
    ("eus", "us", "conv-usea-07-prod-acs"),
    ("wus", "us", "conv-uswe-02-prod-acs"),
    ("neu", "eu", "conv-euno-02-prod-acs"),
    ("sea", "apac", "conv-asse-01-prod-acs"),
]
REGION_WEIGHTS = [40, 30, 10, 15, 5]

# (content, channel, format) as ACS combines them
MEDIA = [
    ("AudioVideo", "Mixed", "Mp4"),
    ("Audio", "Mixed", "Mp3"),
    ("Audio", "Mixed", "Wav"),
    ("Audio", "Unmixed", "Wav"),
]
MEDIA_WEIGHTS = [55, 25, 8, 12]


class Gen:
    def __init__(self, seed, now_ms, span_files):
        self.r = random.Random(seed)
        self.now_ms = now_ms
        self.span_files = max(span_files, 1)
        r = self.r
        # a handful of ACS resources deliver into the directory
        self.topics = []
        for name in ("contoso-acs-prod", "contoso-acs-eu", "fabrikam-callcenter"):
            sub = self.guid()
            rg = name.replace("-acs", "") + "-rg"
            self.topics.append(
                f"/subscriptions/{sub}/resourcegroups/{rg}/providers/microsoft.communication/communicationservices/{name}")
        self.topic_weights = [60, 30, 10]
        self.validation_topic = f"/subscriptions/{self.guid()}"
        self.acs_resource = self.guid()  # the part of an ACS user id before the underscore

    # ---- identifiers -------------------------------------------------------------------------

    def hex(self, n):
        return "%0*x" % (n, self.r.getrandbits(4 * n))

    def guid(self):
        h = "%032x" % self.r.getrandbits(128)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"

    def b64url(self, raw):
        return base64.urlsafe_b64encode(raw.encode()).rstrip(b"=").decode()

    def token(self, n):
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        r = self.r
        return "".join(alphabet[r.getrandbits(6)] for _ in range(n))

    def server_call_id(self, region):
        cluster = region[2]
        url = (f"https://api.flightproxy.skype.com/api/v2/cp/{cluster}.conv.skype.com/conv/"
               f"{self.token(22)}?i={self.r.randrange(1, 40)}&e={self.r.randrange(10**17, 10**18)}")
        return self.b64url(url)

    def recording_id(self):
        raw = '{"PlatformEndpointId":"%s","ResourceSpecificId":"%s"}' % (self.guid(), self.guid())
        return self.b64url(raw)

    def document_id(self, region):
        return f"0-{region[0]}-d{self.r.randrange(1, 21)}-{self.hex(32)}"

    def acs_user(self):
        return f"8:acs:{self.acs_resource}_{self.hex(8)}-{self.hex(4)}-{self.hex(4)}-{self.hex(4)}-{self.hex(12)}"

    # ---- times -------------------------------------------------------------------------------

    @staticmethod
    def iso7(ms, extra=0):
        """2026-10-01T08:00:12.1234567Z: ms plus 4 more digits, as ACS writes them."""
        s, milli = divmod(ms, 1000)
        t = time.gmtime(s)
        return "%04d-%02d-%02dT%02d:%02d:%02d.%03d%04dZ" % (
            t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, milli, extra)

    def delivery_time(self, file_index):
        """Delivery times rise with the file number across the 30 days before now."""
        span = 30 * DAY_MS
        base = self.now_ms - span + span * file_index // self.span_files
        return base + self.r.randrange(0, max(span // self.span_files, 1000))

    # ---- events ------------------------------------------------------------------------------

    def recording_events(self, delivered_ms):
        """One recording: usually one event, a list of one per chunk for some multi-chunk ones."""
        r = self.r
        region = r.choices(REGIONS, REGION_WEIGHTS)[0]
        topic = r.choices(self.topics, self.topic_weights)[0]
        call_id = self.guid()
        server_call_id = self.server_call_id(region)
        recording_id = self.recording_id()

        multi = r.random() < 0.10
        if multi:
            n = r.randrange(2, 6)
            last = r.randrange(60_000, CHUNK_MAX_MS)
            duration = (n - 1) * CHUNK_MAX_MS + last
        else:
            n = 1
            # log-uniform from 2 s to 3 h: mostly minutes, some seconds, some hours
            duration = int(2000 * (5400 ** r.random()))
        start_ms = delivered_ms - duration - r.randrange(4_000, 90_000)

        chunks = []
        for i in range(n):
            doc = self.document_id(region)
            chunks.append({"documentId": doc, "index": i,
                           "endReason": "ChunkMaximumTimeExceeded" if i < n - 1 else "SessionEnded",
                           "region": region})
        if r.random() < 0.01:
            chunks[r.randrange(n)]["endReason"] = "ChunkUploadFailure"

        shape = r.random()
        old_shape = shape < 0.03          # 2021 payload: no deleteLocation, no media types
        media = r.choices(MEDIA, MEDIA_WEIGHTS)[0]
        data_common = {
            "recordingStartTime": self.iso7(start_ms, r.randrange(10000)),
            "recordingDurationMs": duration,
            "sessionEndReason": "CallEnded" if r.random() < 0.85 else "InitiatorLeft",
        }
        if not old_shape:
            data_common["recordingContentType"] = media[0]
            data_common["recordingChannelType"] = media[1]
            data_common["recordingFormatType"] = media[2]
        q = r.random()
        if q < 0.01:
            del data_common["recordingStartTime"]
        elif q < 0.02:
            data_common["recordingDurationMs"] = None

        s = r.random()
        if s < 0.75:
            subject = f"/recording/call/{call_id}/serverCallId/{server_call_id}/recordingId/{recording_id}"
        elif s < 0.90:
            subject = f"/recording/call/{call_id}/recordingId/{recording_id}"
        elif s < 0.95:
            subject = f"/recording/call/{call_id}/serverCallId/{server_call_id}"
        else:
            subject = f"/recording/call/{call_id}"

        def chunk_json(c):
            doc = c["documentId"]
            out = {"documentId": doc, "index": c["index"], "endReason": c["endReason"],
                   "contentLocation": f"https://storage.asm.skype.com/v1/objects/{doc}/content/video",
                   "metadataLocation": f"https://storage.asm.skype.com/v1/objects/{doc}/content/acsmetadata"}
            if not old_shape:
                if shape < 0.5:
                    out["deleteLocation"] = f"https://{c['region'][1]}-storage.asm.skype.com/v1/objects/{doc}"
                else:
                    out["deleteLocation"] = f"https://storage.asm.skype.com/v1/objects/{doc}/content/deletedata"
            return out

        def data_with(chunk_list):
            d = {"recordingStorageInfo": {"recordingChunks": [chunk_json(c) for c in chunk_list]}}
            d.update(data_common)
            return d

        if multi and "recordingId" in subject and r.random() < 0.25:
            # one event per chunk, published as each chunk is uploaded
            events = []
            for c in chunks:
                t = delivered_ms if c is chunks[-1] else start_ms + (c["index"] + 1) * CHUNK_MAX_MS + r.randrange(5_000, 60_000)
                events.append(self.envelope(topic, subject, RECORDING, t, data_with([c])))
            return events, 1, n
        listed = chunks[:]
        if multi and r.random() < 0.35:
            while listed == chunks:
                r.shuffle(listed)
        return [self.envelope(topic, subject, RECORDING, delivered_ms, data_with(listed))], 1, n

    def other_event(self, delivered_ms):
        r = self.r
        kind = r.random()
        topic = r.choices(self.topics, self.topic_weights)[0]
        region = r.choices(REGIONS, REGION_WEIGHTS)[0]
        sid = self.server_call_id(region)
        if kind < 0.15:
            code = self.guid()
            t = self.iso7(delivered_ms, r.randrange(10000))
            return self.envelope(self.validation_topic, "", "Microsoft.EventGrid.SubscriptionValidationEvent", delivered_ms, {
                "validationCode": code,
                "validationUrl": (f"https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/recdeck-webhook/validate"
                                  f"?id={code}&t={t}&apiVersion=2018-05-01-preview&token={self.token(24)}"),
            }, data_version="1")
        user = self.acs_user()
        started_by = {"communicationIdentifier": {"rawId": user, "communicationUser": {"id": user}}, "role": "Presenter"}
        data = {"startedBy": started_by, "serverCallId": sid, "group": {"id": self.guid()},
                "isTwoParty": r.random() < 0.5, "correlationId": self.guid(), "isRoomsCall": False}
        if kind < 0.55:
            return self.envelope(topic, f"call/{sid}/startedBy/{user}", "Microsoft.Communication.CallStarted", delivered_ms, data)
        data = {"durationOfCall": round(r.uniform(5, 7200), 7), **data}
        return self.envelope(topic, f"call/{sid}", "Microsoft.Communication.CallEnded", delivered_ms, data)

    def envelope(self, topic, subject, event_type, t_ms, data, data_version="1.0"):
        """Schema-neutral event; `render` gives it an Event Grid or CloudEvents envelope."""
        return (self.guid(), topic, subject, event_type, self.iso7(t_ms, self.r.randrange(10000)), data, data_version)

    def next_events(self, delivered_ms):
        if self.r.random() < 0.05:
            return [self.other_event(delivered_ms)], 0, 0
        return self.recording_events(delivered_ms)


def render(ev, schema):
    eid, topic, subject, etype, etime, data, data_version = ev
    if schema == "eg":
        out = {"id": eid}
        if topic is not None:
            out["topic"] = topic
        out.update(subject=subject, data=data, eventType=etype, dataVersion=data_version,
                   metadataVersion="1", eventTime=etime)
        return out
    # CloudEvents: the key order of the Azure examples; `specVersion` spelling in some
    out = {"id": eid, "source": topic, "type": etype, "subject": subject, "time": etime, "data": data}
    out["specVersion" if schema == "ce-camel" else "specversion"] = "1.0"
    return out


COMPACT = (",", ":")


def dump(obj, pretty):
    return json.dumps(obj, indent=2) if pretty else json.dumps(obj, separators=COMPACT)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--files", type=int, required=True, help="number of files to write")
    ap.add_argument("--batch", type=int, default=1, help="events per file (default 1)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--now", help="end of the 30-day window, ISO 8601 UTC (default: today 00:00 UTC)")
    args = ap.parse_args(argv)
    if args.files < 0 or args.batch < 1:
        ap.error("--files must be >= 0 and --batch >= 1")

    if args.now:
        now = dt.datetime.fromisoformat(args.now.replace("Z", "+00:00"))
        if now.tzinfo is None:
            now = now.replace(tzinfo=dt.timezone.utc)
    else:
        now = dt.datetime.now(dt.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    now_ms = int(now.timestamp() * 1000)

    began = time.monotonic()
    gen = Gen(args.seed, now_ms, args.files)
    r = random.Random(args.seed * 7919 + 17)  # file-level choices, independent of event content
    os.makedirs(args.outdir, exist_ok=True)
    marker = os.path.join(args.outdir, ".generated")
    if os.path.exists(marker):
        os.remove(marker)

    made_dirs = set()
    pending = collections.deque()  # events not yet written (the rest of a per-chunk series)
    redeliveries = []              # heap of (due file index, sequence, text, event): events to send again
    stats = dict(files=0, jsonl=0, events=0, recordings=0, chunks=0, other=0, cloudevents=0,
                 redelivered=0, bytes=0)

    for fi in range(args.files):
        delivered = gen.delivery_time(fi)
        u = r.random()
        schema = "eg" if u < 0.85 else ("ce-camel" if u < 0.85 + 0.15 * 0.25 else "ce")
        jsonl = r.random() < 0.01
        # saved one by one, deliveries are often pretty-printed; big batches mostly kept as sent
        pretty = not jsonl and r.random() < (0.6 if args.batch == 1 else 0.25)
        count = args.batch if (args.batch > 1 or not jsonl) else r.randrange(3, 9)

        items = []  # JSON texts (or dicts) of this file's events
        # redeliveries that are due go first, verbatim
        while redeliveries and redeliveries[0][0] <= fi and len(items) < count:
            _, _, text, obj = heapq.heappop(redeliveries)
            # the same bytes again, except that a JSON Lines file needs it on one line
            items.append(dump(obj, pretty=False) if jsonl and "\n" in text else text)
            stats["redelivered"] += 1
        while len(items) < count:
            if not pending:
                evs, recs, chunks = gen.next_events(delivered)
                pending.extend(evs)
                # counted once its first event is written
                stats["recordings"] += recs
                stats["chunks"] += chunks
                stats["other"] += 0 if recs else 1
            obj = render(pending.popleft(), schema)
            if schema != "eg":
                stats["cloudevents"] += 1
            text = dump(obj, pretty=False) if jsonl else dump(obj, pretty)
            items.append(text)
            if r.random() < 0.02:
                heapq.heappush(redeliveries, (fi + r.randrange(1, 40), stats["events"] + len(items), text, obj))
        stats["events"] += len(items)

        if jsonl:
            body = "\n".join(items) + "\n"
        elif count == 1 and schema != "eg" and items[0].lstrip().startswith("{"):
            body = items[0] + "\n"   # a CloudEvents delivery of one event: a bare object
        elif pretty:
            body = "[\n" + ",\n".join(items) + "\n]\n"
        else:
            body = "[" + ",".join(items) + "]"

        t = time.gmtime(delivered // 1000)
        d = os.path.join(args.outdir, "%04d" % t.tm_year, "%02d" % t.tm_mon, "%02d" % t.tm_mday)
        if d not in made_dirs:
            os.makedirs(d, exist_ok=True)
            made_dirs.add(d)
        name = "eventgrid-%07d.%s" % (fi + 1, "jsonl" if jsonl else "json")
        data = body.encode()
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
        stats["files"] += 1
        stats["jsonl"] += jsonl
        stats["bytes"] += len(data)

    elapsed = time.monotonic() - began
    summary = (f"wrote {stats['files']} files ({stats['jsonl']} .jsonl, {stats['bytes'] / 1e6:.1f} MB) "
               f"holding {stats['events']} events ({stats['cloudevents']} CloudEvents, {stats['redelivered']} redeliveries, "
               f"{stats['other']} other types) announcing {stats['recordings']} recordings with {stats['chunks']} chunks "
               f"into {args.outdir} in {elapsed:.1f}s")
    print(summary, file=sys.stderr)
    with open(marker, "w") as f:
        f.write(json.dumps({"files": args.files, "batch": args.batch, "seed": args.seed,
                            "now": now.strftime("%Y-%m-%dT%H:%M:%SZ"), **stats}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
