-- Mixed load for soak.sh: valid and invalid requests to every compute endpoint, in a fixed
-- rotation. Counts answers by status class and stops each thread after its share of
-- SOAK_MAX_REQUESTS.

local json = "application/json"

local function rows(n, cols, scale)
  local out = {}
  for r = 1, n do
    local row = {}
    for c = 1, cols do
      row[c] = string.format("%.6f", math.sin(r * 12.9898 + c * 78.233) * scale)
    end
    out[r] = "[" .. table.concat(row, ",") .. "]"
  end
  return "[" .. table.concat(out, ",") .. "]"
end

local mix = {
  { "POST", "/activations/softmax", '{"inputs": [[1, 2, 3], [-1, -2, -3]]}' },
  { "POST", "/activations/relu", '{"inputs": [0, 2, -1, 3.3, -2.7, 1.1, 2.2, -100]}' },
  { "POST", "/activations/log_softmax", '{"inputs": ' .. rows(256, 10, 5) .. '}' },
  { "POST", "/activations/gelu", '{"inputs": ' .. rows(64, 64, 3) .. '}' },
  { "POST", "/activations/leaky_relu", '{"inputs": [[-2, 0.5]], "params": {"alpha": 0.1}}' },
  { "POST", "/network/forward", '{"seed": 0, "spiral": {"samples": 100, "classes": 3}, "layers": [{"type": "dense", "neurons": 3}, {"type": "activation", "name": "relu"}, {"type": "dense", "neurons": 3}, {"type": "activation", "name": "softmax"}]}' },
  { "POST", "/network/forward", '{"seed": 7, "skip": 3, "inputs": ' .. rows(128, 16, 1) .. ', "layers": [{"type": "dense", "neurons": 64, "weightScale": 0.1}, {"type": "activation", "name": "relu"}, {"type": "dense", "neurons": 10}, {"type": "activation", "name": "softmax"}], "returnLayers": true}' },
  -- large batches (blocked pass, helper thread, native buffers): unlabelled, written while
  -- computed; labelled, computed in full for loss and accuracy
  { "POST", "/network/forward", '{"seed": 3, "spiral": {"samples": 1000, "classes": 3}, "layers": [{"type": "dense", "neurons": 64}, {"type": "activation", "name": "relu"}, {"type": "dense", "neurons": 64, "weightScale": 0.3}, {"type": "activation", "name": "relu"}, {"type": "dense", "neurons": 2, "weightScale": 0.3}, {"type": "activation", "name": "softmax"}]}' },
  { "POST", "/network/forward", '{"seed": 4, "spiral": {"samples": 1000, "classes": 3}, "layers": [{"type": "dense", "neurons": 64}, {"type": "activation", "name": "relu"}, {"type": "dense", "neurons": 64, "weightScale": 0.3}, {"type": "activation", "name": "relu"}, {"type": "dense", "neurons": 3, "weightScale": 0.3}, {"type": "activation", "name": "softmax"}]}' },
  { "GET", "/spiral?samples=100&classes=3&seed=1", nil },
  { "GET", "/spiral?samples=50&classes=4&format=csv", nil },
  -- invalid: each must be a 4xx problem
  { "POST", "/activations/relu", '{"inputs": [[1, "NaN"]]}' },
  { "POST", "/activations/relu", '{"inputs": [[1, 1e39]]}' },
  { "POST", "/activations/relu", '{"inputs": [[1, 2], [3]]}' },
  { "POST", "/activations/swish2", '{"inputs": [[1]]}' },
  { "POST", "/network/forward", '{"inputs": [[1, 2]], "layers": [{"type": "dense", "neurons": 2, "weights": [[1, 2]]}]}' },
  { "POST", "/activations/softmax", '{"inputs": [[1, 2' },
  { "GET", "/spiral?samples=-1", nil },
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
  -- built here, where wrk.headers holds the Host header every HTTP/1.1 request needs
  for i, m in ipairs(mix) do
    local headers = {}
    for k, v in pairs(wrk.headers) do headers[k] = v end
    if m[3] then headers["Content-Type"] = json end
    requests[i] = wrk.format(m[1], m[2], headers, m[3])
  end
  next_index = id
  limit = tonumber(os.getenv("SOAK_REQUESTS_PER_THREAD") or "0")
  sent = 0
  s2, s3, s4, s5, s503 = 0, 0, 0, 0, 0
end

function request()
  sent = sent + 1
  if limit > 0 and sent > limit then
    wrk.thread:stop()
  end
  next_index = next_index % #requests + 1
  return requests[next_index]
end

function response(status, headers, body)
  if status < 300 then s2 = s2 + 1
  elseif status < 400 then s3 = s3 + 1
  elseif status < 500 then s4 = s4 + 1
  elseif status == 503 then s503 = s503 + 1
  else s5 = s5 + 1 end
end

function done(summary, latency, requests)
  local t2, t3, t4, t5, t503 = 0, 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    t2 = t2 + thread:get("s2")
    t3 = t3 + thread:get("s3")
    t4 = t4 + thread:get("s4")
    t5 = t5 + thread:get("s5")
    t503 = t503 + thread:get("s503")
  end
  io.write(string.format("statuses: 2xx=%d 3xx=%d 4xx=%d 503=%d other5xx=%d\n", t2, t3, t4, t503, t5))
  io.write(string.format("latency: p50=%.1fms p99=%.1fms max=%.1fms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
