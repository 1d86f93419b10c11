-- POST create service, the same request every time (wrk builds it once): {"name":"x"} as JSON. The Authorization
-- header comes from perf.sh's -H; the counting and the PERF line come from report.lua beside this file.
wrk.method = "POST"
wrk.body = '{"name":"x"}'
wrk.headers["Content-Type"] = "application/json"

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")
