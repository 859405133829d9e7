#!/usr/bin/env bash
# Headless Chromium (Debian) and playwright-core (npm) for the browser test. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "install-browser: chromium is missing and this user cannot apt-get install it" >&2
    exit 1
  fi
fi
if [ ! -d tests/ui/browser/node_modules/playwright-core ]; then
  (cd tests/ui/browser && npm install --silent --no-audit --no-fund)
fi
