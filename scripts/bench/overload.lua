-- wrk script for scripts/bench/overload.sh. Arguments after `--`: <label> <pace_ms> <timed>.
--   pace_ms  each connection waits on average this long after every response before its next request (wrk's
--            delay()), drawn uniformly from 0.5x to 1.5x, so that connections do not fall into step and arrive
--            in waves (which would leave the server idle between waves and shed most of every wave).
--   timed    1: time every request (CLOCK_MONOTONIC through LuaJIT's ffi) and report p50/p99 per status.
--            Only meaningful with one connection per thread (-tN -cN): request() and response() of a
--            thread then alternate strictly, so the time between them is that request's latency.
-- Counts every status; a 200 whose body reports a supplier failure (SUPPLIER-...) or the facade's own
-- overload (FACADE-OVERLOADED) is counted as partial; a 503 is checked for Retry-After and an OperationOutcome.
-- Prints one line: RESULT label requests s200 s503 other partial_supplier partial_overload shed_well_formed
--                  p50_200 p99_200 p50_503 p99_503 max_503 (milliseconds; "-" when there were none).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } overload_timespec;
  int clock_gettime(int clock_id, overload_timespec *tp);
]]
local now_buffer = ffi.new("overload_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, now_buffer) -- CLOCK_MONOTONIC
  return tonumber(now_buffer.tv_sec) * 1000 + tonumber(now_buffer.tv_nsec) / 1e6
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

-- Per thread (globals, so that done() can read them with thread:get).
label = "run"
pace = 0
timed = false
statuses = {}
-- Flat lists: wrk's thread:get copies a table of numbers, but crashes on a table of tables.
lat200 = {}
lat503 = {}
partial_supplier = 0
partial_overload = 0
shed_well_formed = 0
local started = nil

function init(args)
  label = args[1] or "run"
  pace = tonumber(args[2] or "0")
  timed = (args[3] == "1")
  -- A seed of its own for every thread (each has its own Lua state): the table's address differs.
  math.randomseed(os.time() + tonumber(string.match(tostring({}), "0x(%x+)") or "0", 16) % 1000003)
end

function delay()
  if pace <= 0 then
    return 0
  end
  return math.floor(pace * (0.5 + math.random()))
end

function request()
  if timed then
    started = now_ms()
  end
  return wrk.format(nil)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if timed and started ~= nil then
    local list = (status == 200 and lat200) or (status == 503 and lat503) or nil
    if list ~= nil then
      list[#list + 1] = now_ms() - started
    end
    started = nil
  end
  if status == 200 then
    if string.find(body, "SUPPLIER-", 1, true) then
      partial_supplier = partial_supplier + 1
    end
    if string.find(body, "FACADE-OVERLOADED", 1, true) then
      partial_overload = partial_overload + 1
    end
  elseif status == 503 then
    if headers["Retry-After"] ~= nil and string.find(body, "OperationOutcome", 1, true) then
      shed_well_formed = shed_well_formed + 1
    end
  end
end

local function percentile(list, q)
  if list == nil or #list == 0 then
    return "-"
  end
  table.sort(list)
  local index = math.max(1, math.ceil(q * #list))
  return string.format("%.3f", list[index])
end

function done(summary, latency, requests)
  local total = { requests = 0, s200 = 0, s503 = 0, other = 0, ps = 0, po = 0, wf = 0 }
  local merged = { [200] = {}, [503] = {} }
  local name = "run"
  for _, thread in ipairs(threads) do
    name = thread:get("label") or name
    local counts = thread:get("statuses") or {}
    for status, count in pairs(counts) do
      total.requests = total.requests + count
      if status == 200 then
        total.s200 = total.s200 + count
      elseif status == 503 then
        total.s503 = total.s503 + count
      else
        total.other = total.other + count
      end
    end
    total.ps = total.ps + (thread:get("partial_supplier") or 0)
    total.po = total.po + (thread:get("partial_overload") or 0)
    total.wf = total.wf + (thread:get("shed_well_formed") or 0)
    for status, name in pairs({ [200] = "lat200", [503] = "lat503" }) do
      for _, value in ipairs(thread:get(name) or {}) do
        merged[status][#merged[status] + 1] = value
      end
    end
  end
  total.other = total.other + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local max503 = "-"
  if #merged[503] > 0 then
    table.sort(merged[503])
    max503 = string.format("%.3f", merged[503][#merged[503]])
  end
  io.write(string.format("RESULT %s %d %d %d %d %d %d %d %s %s %s %s %s\n", name, total.requests, total.s200, total.s503, total.other,
    total.ps, total.po, total.wf,
    percentile(merged[200], 0.50), percentile(merged[200], 0.99),
    percentile(merged[503], 0.50), percentile(merged[503], 0.99), max503))
end
