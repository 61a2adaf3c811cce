-- Load for cluster.sh's failover check: valid inference requests only (a seeded network,
-- a spiral, the saved model "book" through /models and through the Open Inference
-- Protocol), in a fixed rotation, so every answer must be 2xx. Counts answers that are not;
-- which replica served each request is in nginx's access log. Each thread stops, between
-- requests, once the file named by CLUSTER_STOP_FILE exists.

local json = "application/json"

local mix = {
  { "POST", "/network/forward", '{"seed": 0, "spiral": {"samples": 20, "classes": 3}, "layers": [{"type": "dense", "neurons": 3}, {"type": "activation", "name": "relu"}, {"type": "dense", "neurons": 3}, {"type": "activation", "name": "softmax"}]}' },
  { "GET", "/spiral?samples=20&classes=3&seed=5", nil },
  { "POST", "/models/book/forward", '{"inputs": [[0.1, 0.2], [-0.5, 0.3], [0.7, -0.1]]}' },
  { "POST", "/v2/models/book/infer", '{"inputs": [{"name": "input", "shape": [3, 2], "datatype": "FP32", "data": [0.1, 0.2, -0.5, 0.3, 0.7, -0.1]}]}' },
}

local requests = {}
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  for i, m in ipairs(mix) do
    local headers = {}
    for k, v in pairs(wrk.headers) do headers[k] = v end
    if m[3] then headers["Content-Type"] = json end
    requests[i] = wrk.format(m[1], m[2], headers, m[3])
  end
  next_index = id
  ok, failed, sent = 0, 0, 0
  stop_file = os.getenv("CLUSTER_STOP_FILE")
end

function request()
  sent = sent + 1
  if stop_file and sent % 10 == 0 then
    local f = io.open(stop_file)
    if f then
      f:close()
      wrk.thread:stop()
    end
  end
  next_index = next_index % #requests + 1
  return requests[next_index]
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else failed = failed + 1 end
end

function done(summary, latency, requests)
  local tok, tfailed = 0, 0
  for _, thread in ipairs(threads) do
    tok = tok + thread:get("ok")
    tfailed = tfailed + thread:get("failed")
  end
  local e = summary.errors
  io.write(string.format("answers: 2xx=%d other=%d\n", tok, tfailed))
  io.write(string.format("socket errors: connect=%d read=%d write=%d timeout=%d status=%d\n",
    e.connect, e.read, e.write, e.timeout, e.status))
  io.write(string.format("latency: p50=%.1fms p99=%.1fms max=%.1fms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
