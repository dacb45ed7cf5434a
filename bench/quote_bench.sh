#!/usr/bin/env bash
# Benchmark (not a test): the quote endpoint against the plain /api/v1/ping of the same release server, in one run.
# Usage: bash bench/quote_bench.sh [rounds=3] [seconds=10] [connections=16]
# Prints requests/s and latency of each round and the median ratio quote/plain. Target: ratio ≥ 0.5.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}; seconds=${2:-10}; connections=${3:-16}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }

# KABINET_BENCH_BINARY names an already built release binary; otherwise it is built here.
if [ -n "${KABINET_BENCH_BINARY:-}" ]; then
  bin=$KABINET_BENCH_BINARY
else
  scratch=${KABINET_RELEASE_SCRATCH:-.build-release}
  swift build -c release --product kabinet --scratch-path "$scratch" >/dev/null
  bin="$scratch/release/kabinet"
fi
data=$(mktemp -d /tmp/kabinet-bench.XXXXXX)
port=18080
export KABINET_DATA_DIR="$data" KABINET_BASE_URL="http://127.0.0.1:$port" KABINET_WORKERS=false
"$bin" demo >/dev/null
KABINET_TOKEN=$("$bin" tokens create --login agent --name bench 2>/dev/null | grep -oE '[A-Za-z0-9_-]{40,}' | tail -n 1)
export KABINET_TOKEN
"$bin" serve --hostname 127.0.0.1 --port "$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/api/v1/ping" >/dev/null && break; sleep 0.2; done

# The server counts the start-date window in Moscow time; between 21:00 and 24:00 UTC "tomorrow" differs.
start=$(TZ=Europe/Moscow date -d tomorrow +%F)
birth=$(TZ=Europe/Moscow date -d "32 years ago 3 months ago" +%F)
export KABINET_QUOTE_BODY="{\"productCode\":\"product-1\",\"startDate\":\"$start\",\"frequency\":\"annual\",\"term\":5,\"premium\":\"100000\",\"sex\":\"male\",\"birthDate\":\"$birth\",\"risks\":[\"survival\",\"assistance\",\"accidentDeath\",\"accidentDisability\",\"accidentInjury\"]}"
response=$(curl -s -w '\n%{http_code}' -X POST -H "Authorization: Bearer $KABINET_TOKEN" -H 'Content-Type: application/json' \
  -d "$KABINET_QUOTE_BODY" "http://127.0.0.1:$port/api/v1/quotes/calculate")
echo "quote response: $(echo "$response" | head -n 1 | head -c 300)"
# Measuring an error answer would measure the wrong thing: stop unless the quote is priced.
[ "$(echo "$response" | tail -n 1)" = 200 ] || { echo "quote endpoint did not answer 200: $(echo "$response" | tail -n 1)"; exit 1; }

rps() { awk '/Requests\/sec/ {print $2}'; }
p99() { awk '/ 99%/ {print $2}'; }
plain=(); quote=()
for round in $(seq 1 "$rounds"); do
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port/api/v1/ping")
  plain+=("$(echo "$out" | rps)"); echo "round $round plain: $(echo "$out" | rps) req/s, p99 $(echo "$out" | p99)"
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/quote.lua "http://127.0.0.1:$port/api/v1/quotes/calculate")
  quote+=("$(echo "$out" | rps)"); echo "round $round quote: $(echo "$out" | rps) req/s, p99 $(echo "$out" | p99)"
  echo "$out" | grep "Non-2xx" || true
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mp=$(median "${plain[@]}"); mq=$(median "${quote[@]}")
echo "median plain: $mp req/s; median quote: $mq req/s; ratio quote/plain: $(awk -v q="$mq" -v p="$mp" 'BEGIN {printf "%.2f", q/p}')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -c " 5[0-9][0-9] " "$data/server.log" >/dev/null && echo "server errors logged: $(grep -c ' 5[0-9][0-9] ' "$data/server.log")" || true
