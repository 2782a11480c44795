-- loadbench's script for wrk. loadbench writes two variables above this
-- text: cookies (the Cookie header values to send, rotated one per
-- request when there are several) and accept (the Accept header).

wrk.headers["Accept"] = accept

if #cookies == 1 then
  wrk.headers["Cookie"] = cookies[1]
elseif #cookies > 1 then
  local threads = 0

  function setup(thread)
    thread:set("first", threads)
    threads = threads + 1
  end

  function init(args)
    prepared = {}
    for i, c in ipairs(cookies) do
      prepared[i] = wrk.format(nil, nil, {["Accept"] = accept, ["Cookie"] = c})
    end
    -- threads start at different clients
    current = ((first or 0) * 997) % #prepared
  end

  function request()
    current = current % #prepared + 1
    return prepared[current]
  end
end

-- done prints one line that loadbench reads; times are in microseconds.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "LOADBENCH-WRK {\"duration_us\":%d,\"requests\":%d,\"bytes\":%d," ..
    "\"connect\":%d,\"read\":%d,\"write\":%d,\"status\":%d,\"timeout\":%d," ..
    "\"p50_us\":%d,\"p90_us\":%d,\"p99_us\":%d,\"max_us\":%d}\n",
    summary.duration, summary.requests, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
