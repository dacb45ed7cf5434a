#!/usr/bin/env bash
# Runs every test: the Swift suite on SQLite, the same suite on a throwaway PostgreSQL, and the browser tests.
# Installs missing tools first (PostgreSQL, Chromium, Python packages), so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-tools.sh

echo "== build"
swift build --build-tests

# Runs the Swift suite and, when it fails, repeats its failures last: CI shows only the tail of the output.
swift_suite() {
    local log
    log="$(mktemp)"
    if swift test --skip-build 2>&1 | tee "$log"; then
        rm -f "$log"
        return 0
    fi
    echo "== failures ($1)"
    grep -E '✘|error:|failed' "$log" | grep -v '✔' | head -60 || true
    rm -f "$log"
    return 1
}

echo "== swift test (SQLite)"
swift_suite SQLite

echo "== swift test (PostgreSQL)"
eval "$(bash scripts/throwaway-postgres.sh start)"
trap 'bash scripts/throwaway-postgres.sh stop "$PGTMP"' EXIT
swift_suite PostgreSQL

echo "== browser tests"
python3 -m pytest -q e2e
