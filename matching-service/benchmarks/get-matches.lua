-- GET /matches/{id} for wrk: the referrals of the load run in turn, with the harness's link-worker token.
-- Files are written by `HttpLoadHarness wrk-input target/wrk` (benchmarks/http-load.sh does it).
local ids = {}
for line in io.lines("target/wrk/referrals.txt") do
  ids[#ids + 1] = line
end
local file = io.open("target/wrk/token.txt")
local token = file:read("*l")
file:close()
local n = 0

request = function()
  n = n + 1
  return wrk.format("GET", "/matches/" .. ids[(n % #ids) + 1], { ["Authorization"] = token })
end
