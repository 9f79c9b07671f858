-- wrk script for page throughput: counts every response that is not 200 (wrk itself counts redirects as success, and
-- an expired session answers 302 to the sign-in page). done() prints one line that the driver (Wrk.java) reads:
--   PAGES non200=… first=…

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non200 = 0
  first = 0
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    if first == 0 then first = status end
  end
end

function done(summary, latency, requests)
  local total, status = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("non200")
    if status == 0 then status = thread:get("first") end
  end
  io.write(string.format("PAGES non200=%d first=%d\n", total, status))
end
