#!/usr/bin/env bash
# Times a fresh clone's `make test` phase by phase with an empty pip (and uv) cache.
# Usage: scripts/time-make-test.sh [REPO]   (default: this checkout's committed HEAD)
# Prints one line per phase (seconds of wall time) and the total; pytest's --durations=40 and
# each phase's output go to $OUT (default: a new temporary folder, printed at the end).
set -euo pipefail
repo=${1:-$(cd "$(dirname "$0")/.." && pwd)}
OUT=${OUT:-$(mktemp -d)}
d=$(mktemp -d)
git clone -q "$repo" "$d"
cd "$d"
PIP_CACHE_DIR=$(mktemp -d)
UV_CACHE_DIR=$(mktemp -d)
export PIP_CACHE_DIR UV_CACHE_DIR
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False

echo "clone: $d  logs: $OUT  load: $(uptime | sed 's/.*load average: //')"
total=0
phase() {  # phase NAME COMMAND...
  local name=$1; shift
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  "$@" >"$OUT/$name.log" 2>&1 || rc=$?
  t1=$(date +%s.%N)
  local s; s=$(echo "$t1 - $t0" | bc)
  total=$(echo "$total + $s" | bc)
  printf '%-14s %7.1f s  exit %d  load %s\n' "$name" "$s" "$rc" "$(cut -d' ' -f1 /proc/loadavg)"
  return 0
}
phase install make install
phase install-test make install-test
phase ruff .venv/bin/ruff check .
phase mypy .venv/bin/mypy rag index ui evals bench
phase lint-imports .venv/bin/lint-imports
# `make pytest` is make test's last step; an older checkout without it runs its command.
if make -n pytest >/dev/null 2>&1; then
  phase pytest make pytest PYTEST_ARGS="--durations=40"
else
  phase pytest .venv/bin/python -m pytest -q -p no:cacheprovider --durations=40
fi
printf '%-14s %7.1f s\n' total "$total"
tail -n 1 "$OUT/pytest.log"
echo "logs: $OUT"
