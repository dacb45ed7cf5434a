-- wrk script for bench/contracts_list_bench.sh: GETs one URL with the session cookie taken from the environment
-- (KABINET_COOKIE), and at the end prints one machine-readable line with p50/p95/p99 in milliseconds (wrk's own
-- --latency table has no p95), requests per second, and the failures.
local cookie = os.getenv("KABINET_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
wrk.headers["Accept"] = os.getenv("KABINET_ACCEPT") or "text/html"

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT p50=%.1f p95=%.1f p99=%.1f rps=%.1f requests=%d errors=%d non2xx=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1000000), summary.requests, errors, summary.errors.status))
end
