#!/usr/bin/env bash
# Benchmark (not a test): «Список договоров» at a million contracts. Generates the data (`kabinet demo --contracts`),
# starts the server, logs in as an operator (sees everything) and as an agent, and measures with wrk, in one run,
# the list's first page with its «Результатов найдено: N» for the plain list, every single filter and combinations
# of three, against the plain /api/v1/ping of the same server. Target: p95 ≤ 100 ms for every case.
#
# Usage: bash bench/contracts_list_bench.sh [seconds per case=10] [connections=4]
# Environment:
#   DATABASE_URL              measure PostgreSQL (an empty database, e.g. from scripts/throwaway-postgres.sh)
#   KABINET_BENCH_CONTRACTS   contracts to generate (default 1000000)
#   KABINET_BENCH_DATA        keep the SQLite data in this folder and reuse it on the next run
#   KABINET_BENCH_BINARY      the binary to measure (default: the release build in .build-release)
#   KABINET_BENCH_BUILD       "debug" labels a debug binary whose path does not say so
#   KABINET_BENCH_USERS       the users to measure as (default "operator agent")
#   KABINET_BENCH_ONLY        an extended regular expression: measure only the cases whose label matches (re-runs)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}; connections=${2:-4}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }

if [ -n "${KABINET_BENCH_BINARY:-}" ]; then
  bin=$KABINET_BENCH_BINARY
else
  scratch=${KABINET_RELEASE_SCRATCH:-.build-release}
  swift build -c release --product kabinet --scratch-path "$scratch" >/dev/null
  bin="$scratch/release/kabinet"
fi
# A debug binary is labelled so its figures are never mistaken for the release build's (a copied release binary,
# e.g. /tmp/kabinet-bench-bin, keeps no "release" in its path; a debug one has the debug build's path or is told).
case "${KABINET_BENCH_BUILD:-$bin}" in *debug*) build="DEBUG BUILD — not representative" ;; *) build=release ;; esac
count=${KABINET_BENCH_CONTRACTS:-1000000}
port=${KABINET_BENCH_PORT:-18090}
if [ -n "${KABINET_BENCH_DATA:-}" ]; then data=$KABINET_BENCH_DATA; keep=1; mkdir -p "$data"
else data=$(mktemp -d /tmp/kabinet-list-bench.XXXXXX); keep=0; fi
base="http://127.0.0.1:$port"
export KABINET_DATA_DIR="$data" KABINET_BASE_URL="$base" KABINET_WORKERS=false
database=SQLite; [ -n "${DATABASE_URL:-}" ] && database=PostgreSQL

# One value from the database, for ids the filters need.
value() {
  if [ -n "${DATABASE_URL:-}" ]; then psql "$DATABASE_URL" -Atc "$1"; else sqlite3 "$data/kabinet.sqlite" "$1"; fi
}

"$bin" demo >/dev/null
existing=$(value "SELECT COUNT(*) FROM contracts")
if [ "$existing" -lt "$count" ]; then
  echo "generating $((count - existing)) contracts ($database, $build):"
  started=$(date +%s)
  "$bin" demo --contracts $((count - existing)) | tail -n 1
  echo "generation wall time: $(( $(date +%s) - started )) s"
fi
echo "contracts in the database: $(value "SELECT COUNT(*) FROM contracts")"

# Measured as deployed: the production environment (templates parsed once, not on every request), without mail.
# Production on PostgreSQL wants the shared key of stored secrets; any key does for a benchmark.
export KABINET_SECRET_KEY="${KABINET_SECRET_KEY:-$(openssl rand -base64 32)}"
KABINET_MAIL_TRANSPORT=development "$bin" serve --env production --hostname 127.0.0.1 --port "$port" \
  >"$data/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; [ "$keep" = 1 ] || rm -rf "$data"; }
trap cleanup EXIT
for _ in $(seq 1 100); do curl -sf "$base/health" >/dev/null && break; sleep 0.3; done

# The session cookie of a fresh login through the login form (CSRF token included).
login() {
  local jar csrf
  jar=$(mktemp)
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "login=$1" --data-urlencode "password=Kabinet2024" \
    --data-urlencode "_csrf=$csrf" --data-urlencode "next=/" "$base/login"
  sed 's/^#HttpOnly_//' "$jar" | grep -v '^#' | awk 'NF >= 7 { printf "%s=%s; ", $6, $7 }'
  rm -f "$jar"
}

agent=$(value "SELECT id FROM users WHERE login = 'agent'")
office=$(value "SELECT office_id FROM users WHERE login = 'agent'")
name=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("семёнов"))')
from=$(date -d "400 days ago" +%F); to=$(date -d "200 days ago" +%F)
cases=(
  "plain list|/contracts"
  "ФИО (surname prefix)|/contracts?name=$name"
  "номер договора|/contracts?number=77001234"
  "оператор|/contracts?operator=$agent"
  "оплачен: да|/contracts?paid=yes"
  "продукт|/contracts?product=product-3"
  "статус: подписан|/contracts?status=signed"
  "требуются работы|/contracts?work=yes"
  "ошибочный: нет|/contracts?erroneous=no"
  "офис|/contracts?office=$office"
  "за день|/contracts?period=day"
  "за неделю|/contracts?period=week"
  "за месяц|/contracts?period=month"
  "с даты по дату (200 days)|/contracts?from=$from&to=$to"
  "3 filters: status+paid+product|/contracts?status=accepted&paid=yes&product=product-1"
  "3 filters: product+paid+period|/contracts?product=product-2&paid=no&from=$from&to=$to"
)

measure() { # url cookie [accept] -> "p50 p95 p99 rps failures"
  KABINET_COOKIE="$2" KABINET_ACCEPT="${3:-text/html}" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/contracts_list.lua "$1" \
    | awk '/^RESULT/ { split($0, f, /[= ]/); print f[3], f[5], f[7], f[9], f[13] + f[15] }'
}

echo
echo "$(date +%F) · $database · $build · --env production · $(nproc) cores · wrk -t2 -c$connections -d${seconds}s"
plain=$(measure "$base/api/v1/ping" "" application/json)
plain_rps=$(echo "$plain" | awk '{print $4}')
# The machine is shared: the 1-minute load average after each case shows which figures ran beside a compilation.
load() { cut -d ' ' -f 1 /proc/loadavg; }
printf '\n| user | case | found | p50 ms | p95 ms | p99 ms | req/s | ratio to ping | failures | load |\n|---|---|---|---|---|---|---|---|---|---|\n'
printf '| — | /api/v1/ping | — | %s | %s | %s | %s | 1.00 | %s | %s |\n' $plain "$(load)"
worst=0
for user in ${KABINET_BENCH_USERS:-operator agent}; do
  cookie=$(login "$user")
  for entry in "${cases[@]}"; do
    label=${entry%%|*}; path=${entry#*|}
    [ -z "${KABINET_BENCH_ONLY:-}" ] || echo "$label" | grep -Eq "$KABINET_BENCH_ONLY" || continue
    page=$(curl -s -w '\n%{http_code}' -H "Cookie: $cookie" "$base$path")
    found=$(echo "$page" | grep -o 'Результатов найдено: [0-9]*' | head -n 1 | grep -o '[0-9]*$' || echo "?")
    [ "$(echo "$page" | tail -n 1)" = 200 ] || found="HTTP $(echo "$page" | tail -n 1)"
    result=$(measure "$base$path" "$cookie")
    read -r p50 p95 p99 rps failures <<<"$result"
    ratio=$(awk -v r="$rps" -v p="$plain_rps" 'BEGIN { printf "%.2f", r / p }')
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$user" "$label" "$found" "$p50" "$p95" "$p99" "$rps" "$ratio" "$failures" "$(load)"
    worst=$(awk -v a="$worst" -v b="$p95" 'BEGIN { print (b > a ? b : a) }')
  done
done
echo
echo "worst p95: $worst ms (target ≤ 100 ms)"
errors=$(grep -c '\[ ERROR \]' "$data/server.log" || true)
[ "$errors" = 0 ] || echo "server errors logged: $errors (see $data/server.log)"
