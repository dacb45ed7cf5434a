#!/usr/bin/env bash
# Benchmark (not a test): «Отчет по продажам» over every one of 1 000 000 contracts, as CSV and as XLSX, built by
# the server's own background worker. Measures, per format:
#   - rows/s of the build (row_count / (finished_at − started_at) of the request row), targets CSV ≥ 250 000 rows/s,
#     XLSX ≥ 100 000 rows/s;
#   - the server's memory growth during the build (peak VmRSS − VmRSS before, from /proc/PID/status), target < 100 MB;
#   - the contract list's p95 (wrk on /contracts as the operator) while a second build runs, against its idle p95,
#     target ≤ 2×.
# The database is copied from KABINET_BENCH_SOURCE (a kabinet.sqlite made by `kabinet demo --contracts 1000000`)
# when given, else generated with `kabinet demo --contracts 1000000` (about 4 minutes).
#
# Usage: bash bench/report_bench.sh [connections=4]
# Environment:
#   KABINET_BENCH_BINARY   the binary to measure (default: the release build, copied to /tmp first)
#   KABINET_BENCH_DATA     the data folder (default /tmp/kabinet-report-bench; kept for the next run)
#   KABINET_BENCH_FORMATS  default "csv xlsx"
#   KABINET_BENCH_SOURCE   a database of a million contracts to copy instead of generating one
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-4}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install sqlite3"; exit 1; }

if [ -n "${KABINET_BENCH_BINARY:-}" ]; then
  bin=$KABINET_BENCH_BINARY
else
  swift build -c release --product kabinet --scratch-path .build-release >/dev/null
  bin=/tmp/kabinet-report-bench-bin
  cp .build-release/release/kabinet "$bin"
fi
data=${KABINET_BENCH_DATA:-/tmp/kabinet-report-bench}
mkdir -p "$data"
port=${KABINET_BENCH_PORT:-18093}
base="http://127.0.0.1:$port"
export KABINET_DATA_DIR="$data" KABINET_BASE_URL="$base"
value() { sqlite3 "$data/kabinet.sqlite" "$1"; }

if [ ! -f "$data/kabinet.sqlite" ]; then
  if [ -n "${KABINET_BENCH_SOURCE:-}" ]; then
    echo "copying $KABINET_BENCH_SOURCE"
    sqlite3 "$KABINET_BENCH_SOURCE" ".backup '$data/kabinet.sqlite'"
  else
    "$bin" demo --contracts 1000000 | tail -n 1
  fi
fi
"$bin" demo >/dev/null  # migrations (the report tables and indexes) and the demo users
echo "contracts in the database: $(value "SELECT COUNT(*) FROM contracts")"
# Each run measures its own builds only: earlier runs' requests (and a build killed mid-way) are dropped.
value "DELETE FROM jobs WHERE kind = 'report.build'; DELETE FROM report_requests;"
rm -rf "$data/reports"

KABINET_WORKERS=true KABINET_WORKER_POLL_SECONDS=0.2 KABINET_MAIL_TRANSPORT=development \
  "$bin" serve --env production --hostname 127.0.0.1 --port "$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "$base/health" >/dev/null && break; sleep 0.3; done

jar=$(mktemp)
token() { curl -s -c "$jar" -b "$jar" "$base$1" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "login=operator" --data-urlencode "password=Kabinet2024" \
  --data-urlencode "_csrf=$(token /login)" --data-urlencode "next=/" "$base/login"
cookie=$(sed 's/^#HttpOnly_//' "$jar" | grep -v '^#' | awk 'NF >= 7 { printf "%s=%s; ", $6, $7 }')

rss() { awk '/^VmRSS/ { print $2 }' "/proc/$server/status"; }  # kB
p95() { # seconds -> p95 ms of the contract list
  KABINET_COOKIE="$cookie" KABINET_ACCEPT=text/html wrk -t2 -c"$connections" -d"${1}s" --latency \
    -s bench/contracts_list.lua "$base/contracts" | awk '/^RESULT/ { split($0, f, /[= ]/); print f[5] }'
}
# Other modules' recurring jobs (e.g. the commission acts) run once at start-up over the whole million: wait
# until the worker has nothing due, so the figures are the report's alone.
for _ in $(seq 1 600); do
  [ "$(value "SELECT COUNT(*) FROM jobs WHERE status IN ('queued', 'running')")" = 0 ] && break; sleep 1
done
# The database file is read into the page cache first: this machine's kernel evicts idle pages (DAMON), and the
# figures are the builder's, not the disk's.
cat "$data/kabinet.sqlite" >/dev/null
curl -s -o /dev/null -H "Cookie: $cookie" "$base/contracts"
# Requests a sales report over all dates; waits until it is done while sampling the memory; prints
# "rows seconds rows/s peak-growth-MB".
build() {
  local before peak now number status
  before=$(rss); peak=$before
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$(token /reports/new)" \
    --data-urlencode kind=sales --data-urlencode "format=$1" --data-urlencode basis=issued \
    --data-urlencode from=2000-01-01 --data-urlencode to=2100-12-31 "$base/reports"
  number=$(value "SELECT MAX(number) FROM report_requests")
  [ -n "$number" ] || { echo "the report was not requested (see $data/server.log)" >&2; exit 1; }
  while :; do
    now=$(rss); [ "$now" -gt "$peak" ] && peak=$now
    status=$(value "SELECT status FROM report_requests WHERE number = $number")
    [ "$status" = done ] || [ "$status" = failed ] && break
    sleep 0.1
  done
  [ "$status" = done ] || { echo "report $number failed: $(value "SELECT error FROM report_requests WHERE number = $number")" >&2; exit 1; }
  value "SELECT row_count, finished_at - started_at FROM report_requests WHERE number = $number" | tr '|' ' ' \
    | awk -v g=$(( (peak - before) / 1024 )) '{ printf "%d %.2f %d %d\n", $1, $2, $1 / $2, g }'
}

echo
echo "$(date +%F) · SQLite · release · --env production · $(nproc) cores · load $(cut -d ' ' -f 1 /proc/loadavg)"
idle=$(p95 10)
printf '\n| format | rows | build s | rows/s | target rows/s | RSS growth MB | list p95 idle ms | list p95 during build ms | ratio |\n|---|---|---|---|---|---|---|---|---|\n'
for format in ${KABINET_BENCH_FORMATS:-csv xlsx}; do
  target=250000; [ "$format" = xlsx ] && target=100000
  read -r rows seconds rate growth <<<"$(build "$format")"
  # The second build of the same report runs under the list's load, for (most of) its duration.
  during_seconds=$(awk -v s="$seconds" 'BEGIN { d = int(s * 0.8); print (d < 2 ? 2 : d) }')
  build "$format" >"$data/during-$format.txt" &
  builder=$!
  sleep 0.3
  during=$(p95 "$during_seconds")
  wait "$builder"
  ratio=$(awk -v a="$during" -v b="$idle" 'BEGIN { printf "%.2f", a / b }')
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$format" "$rows" "$seconds" "$rate" "$target" "$growth" \
    "$idle" "$during" "$ratio"
  echo "  (the build under load: $(cat "$data/during-$format.txt") — rows, s, rows/s, RSS growth MB)"
done
rm -f "$jar"
ls -la "$data/reports" | tail -n +2 | awk '{ total += $5 } END { printf "report files: %.0f MB in total\n", total / 1048576 }'
errors=$(grep -c '\[ ERROR \]' "$data/server.log" || true)
[ "$errors" = 0 ] || echo "server errors logged: $errors (see $data/server.log)"
