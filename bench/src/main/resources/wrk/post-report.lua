-- wrk script for the bench's serve scenario: POST /v1/reports?finish=true, the reports of REPORTS (one JSON document
-- a line, target/bench/serve/reports.ndjson: the intake scenario's mix) taken in turn, each request under its own
-- Idempotency-Key (so each is a new report). Environment: KEY (the platform's API key,
-- target/bench/serve/platform-key) and REPORTS.
local threads = {}
local counter = 0
local bodies = {}
local prefix

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  assert(os.getenv("KEY"), "KEY is not set")
  local path = os.getenv("REPORTS")
  assert(path, "REPORTS is not set")
  for line in io.lines(path) do
    if #line > 0 then
      table.insert(bodies, line)
    end
  end
  assert(#bodies > 0, "REPORTS holds no report")
  counter = id * 7919
  prefix = "wrk-" .. tostring(os.time()) .. "-" .. tostring(id) .. "-" .. tostring(math.random(1000000000))
end

function request()
  counter = counter + 1
  return wrk.format("POST", "/v1/reports?finish=true", {
    ["Authorization"] = "Bearer " .. os.getenv("KEY"),
    ["Idempotency-Key"] = prefix .. "-" .. counter,
    ["Content-Type"] = "application/json"}, bodies[counter % #bodies + 1])
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx or socket errors %d\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout))
end
