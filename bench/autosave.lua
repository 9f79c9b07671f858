-- wrk script for the autosave scenario: every thread has one connection and writes the answers of its own team, one
-- question after the other, so that no two connections ever write the same answer.
--
--   wrk -t2 -c2 -d20s -s bench/autosave.lua -H 'Cookie: JSESSIONID=…' -H 'X-CSRF-TOKEN: …' \
--       -H 'Content-Type: application/json' http://127.0.0.1:PORT \
--       -- 2026-Q4 investment_1,…,measurement_4 team-00001=0:3,0:2,… team-00002=…
--
-- Arguments: the open quarter's label, the question keys, then per thread "team=version:level,…" with the current
-- version and level (0 for not applicable) of each question, in the order of the keys. Each write flips the level
-- (3 -> 2, else 3) so that it is a real change, and sends the version it starts from; the answer's new version is read
-- from the response. A 409 (a stale version) takes the current version from the body and counts as a conflict; any
-- other status counts as an error. done() prints one line that the driver (Wrk.java) reads:
--   AUTOSAVE ok=… errors=… conflicts=… seconds=… first_error=…

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

function init(args)
  label = args[1]
  questions = {}
  for key in string.gmatch(args[2], "[^,]+") do
    table.insert(questions, key)
  end
  local spec = args[2 + index]
  if spec == nil then
    error("autosave.lua: no team given for thread " .. index)
  end
  local rest
  team, rest = string.match(spec, "^([^=]+)=(.*)$")
  versions, levels = {}, {}
  local i = 0
  for version, level in string.gmatch(rest, "(%d+):(%d+)") do
    i = i + 1
    versions[i] = tonumber(version)
    levels[i] = tonumber(level)
  end
  if i ~= #questions then
    error("autosave.lua: " .. team .. " has " .. i .. " versions for " .. #questions .. " questions")
  end
  current = 0
  pending = 0
  ok, errors, conflicts = 0, 0, 0
  first_error = ""
end

function request()
  current = current % #questions + 1
  pending = (levels[current] == 3) and 2 or 3
  local key = questions[current]
  local body = string.format('{"option":"%s:%d","version":%d}', key, pending, versions[current])
  return wrk.format("PUT", "/api/v1/teams/" .. team .. "/assessments/" .. label .. "/answers/" .. key, nil, body)
end

function response(status, headers, body)
  if status == 200 then
    local version = string.match(body, '"answer":{[^}]-"version":(%d+)')
    if version then
      ok = ok + 1
      versions[current] = tonumber(version)
      levels[current] = pending
    else
      errors = errors + 1
      if first_error == "" then first_error = "200-without-version" end
    end
  elseif status == 409 then
    conflicts = conflicts + 1
    local saved = string.match(body, '"current":(%b{})')
    if saved then
      versions[current] = tonumber(string.match(saved, '"version":(%d+)'))
      levels[current] = tonumber(string.match(saved, '"level":(%d+)') or "0")
    end
  else
    errors = errors + 1
    if first_error == "" then first_error = tostring(status) end
  end
end

function done(summary, latency, requests)
  local all_ok, all_errors, all_conflicts, first = 0, 0, 0, ""
  for _, thread in ipairs(threads) do
    all_ok = all_ok + thread:get("ok")
    all_errors = all_errors + thread:get("errors")
    all_conflicts = all_conflicts + thread:get("conflicts")
    local e = thread:get("first_error")
    if first == "" and e ~= nil and e ~= "" then first = e end
  end
  io.write(string.format("AUTOSAVE ok=%d errors=%d conflicts=%d seconds=%.3f first_error=%s\n",
    all_ok, all_errors, all_conflicts, summary.duration / 1e6, first == "" and "-" or first))
end
