-- wrk script for bench/serve.sh: POSTs one-event Event Grid deliveries (a new event id each time)
-- and prints deliveries/s, p50 and p99 latency and the answers that were not 200.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
    thread_id = thread_id + 1
    thread:set("id", thread_id)
    table.insert(threads, thread)
end

function init(args)
    non200 = 0
    method = args[1] or "POST"
end

local function event(n)
    return '[{"id":"bench-' .. id .. '-' .. n .. '","topic":"/subscriptions/s/resourceGroups/g/providers/Microsoft.Communication/CommunicationServices/acs",'
        .. '"subject":"/recording/call/call-' .. id .. '-' .. n .. '/serverCallId/s-' .. n .. '/recordingId/rec-' .. id .. '-' .. n .. '",'
        .. '"data":{"recordingStorageInfo":{"recordingChunks":[{"documentId":"0-eus-d1-' .. n .. '","index":0,"endReason":"SessionEnded",'
        .. '"contentLocation":"https://storage.asm.skype.com/v1/objects/0-eus-d1-' .. n .. '/content/video",'
        .. '"metadataLocation":"https://storage.asm.skype.com/v1/objects/0-eus-d1-' .. n .. '/content/acsmetadata",'
        .. '"deleteLocation":"https://storage.asm.skype.com/v1/objects/0-eus-d1-' .. n .. '/content/deletedata"}]},'
        .. '"recordingStartTime":"2026-10-01T08:00:00.000Z","recordingDurationMs":6620,"sessionEndReason":"CallEnded"},'
        .. '"eventType":"Microsoft.Communication.RecordingFileStatusUpdated","dataVersion":"1.0","metadataVersion":"1",'
        .. '"eventTime":"2026-10-01T08:00:10.500Z"}]'
end

function request()
    counter = counter + 1
    if method == "OPTIONS" then
        return wrk.format("OPTIONS", nil, {["aeg-event-type"] = "Notification"}, nil)
    end
    return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["aeg-event-type"] = "Notification",
        ["aeg-delivery-count"] = "0"}, event(counter))
end

function response(status, headers, body)
    if status ~= 200 then non200 = non200 + 1 end
end

function done(summary, latency, requests)
    local bad = 0
    for _, thread in ipairs(threads) do bad = bad + thread:get("non200") end
    local seconds = summary.duration / 1e6
    io.write(string.format("RESULT requests=%d per_second=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non200=%d errors=%d\n",
        summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, bad, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
        + summary.errors.timeout))
end
