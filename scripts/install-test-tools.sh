#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine of this kind, and nothing that is already there:
# PostgreSQL server, Chromium with its driver, wrk, DejaVu fonts, poppler (pdftotext: PDF text checks), and the Python packages of the e2e tests.
set -euo pipefail

need_apt=()
command -v pg_ctlcluster >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v wrk >/dev/null 2>&1 || need_apt+=(wrk)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

python3 - <<'PY' || python3 -m pip install -q selenium aiosmtpd openpyxl schemathesis pytest
import importlib, sys
for name in ("selenium", "aiosmtpd", "openpyxl", "pytest", "schemathesis", "yaml"):
    importlib.import_module(name)
PY
