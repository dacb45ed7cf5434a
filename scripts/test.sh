#!/usr/bin/env bash
# Runs every test: the Swift suite on SQLite, the same suite on a throwaway PostgreSQL, and the browser tests.
# Installs missing tools first (PostgreSQL, Chromium, Python packages), so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-tools.sh

echo "== build"
swift build --build-tests

echo "== swift test (SQLite)"
swift test --skip-build

echo "== swift test (PostgreSQL)"
eval "$(bash scripts/throwaway-postgres.sh start)"
trap 'bash scripts/throwaway-postgres.sh stop "$PGTMP"' EXIT
KABINET_TEST_DATABASE_URL="$KABINET_TEST_DATABASE_URL" swift test --skip-build

echo "== browser tests"
python3 -m pytest -q e2e
