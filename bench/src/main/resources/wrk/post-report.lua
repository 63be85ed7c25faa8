-- wrk script for the bench's serve scenario: POST /v1/reports?finish=true with the same synthetic report, each
-- request under its own Idempotency-Key (so each is a new report). Environment: KEY (the platform's API key, from
-- target/bench/serve/platform-key) and BODY (the report file, target/bench/serve/report.json).
local threads = {}
local counter = 0
local body
local prefix

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(assert(os.getenv("BODY"), "BODY is not set"), "rb"))
  body = file:read("*all")
  file:close()
  assert(os.getenv("KEY"), "KEY is not set")
  prefix = "wrk-" .. tostring(os.time()) .. "-" .. tostring(id) .. "-" .. tostring(math.random(1000000000))
end

function request()
  counter = counter + 1
  return wrk.format("POST", "/v1/reports?finish=true", {
    ["Authorization"] = "Bearer " .. os.getenv("KEY"),
    ["Idempotency-Key"] = prefix .. "-" .. counter,
    ["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx or socket errors %d\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout))
end
