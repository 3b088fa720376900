#!/bin/bash
# Send of the large demo branch's month against its school PDFs alone (issue 19's budget: < 2x),
# each as a whole process on a fresh copy of the database, twice.
#   bash tools/send_timing.sh [YYYY-MM]
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
PY="$REPO/.venv/bin/python"
MONTH=${1:-2026-07}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$PY" "$REPO/main.py" --db "$WORK/large.sqlite3" demo --size large >/dev/null
"$PY" "$REPO/main.py" --db "$WORK/large.sqlite3" generate >/dev/null
seconds() { local start; start=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $start" | bc; }
for run in 1 2; do
  rm -rf "$WORK"/run.sqlite3* "$WORK/pdfs" "$WORK/send"
  cp "$WORK/large.sqlite3" "$WORK/run.sqlite3"
  pdfs=$(seconds "$PY" "$REPO/main.py" --db "$WORK/run.sqlite3" export pdf --report school-month --month "$MONTH" \
         --school all --out "$WORK/pdfs")
  send=$(seconds "$PY" "$REPO/main.py" --db "$WORK/run.sqlite3" send --month "$MONTH" --out "$WORK/send" --force)
  printf 'run %s: school PDFs %.2f s, send %.2f s, %.2fx\n' "$run" "$pdfs" "$send" "$(echo "$send / $pdfs" | bc -l)"
done
