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
  local rc=0
  # wall, and the CPU seconds of the phase and every process it waited for (user + system)
  /usr/bin/time -o "$OUT/$name.time" -f '%e %U %S' "$@" >"$OUT/$name.log" 2>&1 || rc=$?
  local s cpu; read -r s u y < <(tail -n 1 "$OUT/$name.time"); cpu=$(echo "$u + $y" | bc)
  total=$(echo "$total + $s" | bc)
  printf '%-14s %7.1f s wall %7.1f s CPU  exit %d  load %s\n' "$name" "$s" "$cpu" "$rc" \
    "$(cut -d' ' -f1 /proc/loadavg)"
  return 0
}
phase install make install
phase install-test make install-test
if make -n pytest >/dev/null 2>&1; then
  # make test as it is: ruff, lint-imports, then mypy beside pytest (two workers).
  phase test make test PYTEST_ARGS="--durations=40"
else  # an older checkout: its make test's steps one after the other
  phase ruff .venv/bin/ruff check .
  phase mypy .venv/bin/mypy rag index ui evals bench
  phase lint-imports .venv/bin/lint-imports
  phase pytest .venv/bin/python -m pytest -q -p no:cacheprovider --durations=40
fi
printf '%-14s %7.1f s\n' total "$total"
tail -n 1 "$OUT"/test.log "$OUT"/pytest.log 2>/dev/null || true
echo "logs: $OUT"
