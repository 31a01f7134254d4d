#!/usr/bin/env bash
# Billing benchmarks (issue 4), release build, SQLite. Not run by CI: it takes minutes and gigabytes.
# Prints the figures recorded in docs/BENCHMARKS.md.
#
#   scripts/benchmark-billing.sh [DEMO_WORKERS]     (default 5200000)
#
# 1. generates the demo province once (kept in $BENCH_DIR/demo.sqlite), copies it, applies migrations;
# 2. bills April 2025 with LINDUNG_TIMING=1 (phases on standard error) and re-runs it (issues nothing);
# 3. runs the hand-written SQL of scripts/billing-reference-2025-04.sql in the sqlite3 shell on the same
#    file and checks that both totals agree;
# 4. bills the twelve months of 2025 back to back on a fresh copy.
# Needs: sqlite3 and GNU time (apt-get install sqlite3 time).
set -euo pipefail
cd "$(dirname "$0")/.."
workers="${1:-5200000}"
work="${BENCH_DIR:-/tmp/lindung-bench}"
mkdir -p "$work"

swift build -c release --scratch-path .build-release --product lindung >/dev/null
lindung="$(swift build -c release --scratch-path .build-release --show-bin-path)/lindung"

if [ ! -f "$work/demo-$workers.sqlite" ]; then
  "$lindung" demo --province 36 --workers "$workers" --seed 1 --db "$work/demo-$workers.sqlite"
fi
fresh() { rm -f "$work"/bill.sqlite*; cp "$work/demo-$workers.sqlite" "$work/bill.sqlite"; "$lindung" migrate --db "$work/bill.sqlite" >/dev/null; sync; }

echo "== lindung bill --month 2025-04 ($workers persons)"
fresh
LINDUNG_TIMING=1 /usr/bin/time -f "wall %e s, peak RSS %M KB" "$lindung" bill --month 2025-04 --issued-on 2025-05-01 --db "$work/bill.sqlite"
echo "== the same month again (idempotent: issues nothing)"
LINDUNG_TIMING=1 /usr/bin/time -f "wall %e s" "$lindung" bill --month 2025-04 --issued-on 2025-05-02 --db "$work/bill.sqlite" | head -1
echo "== hand-written SQL in the sqlite3 shell, same file"
/usr/bin/time -f "wall %e s" sqlite3 "$work/bill.sqlite" <scripts/billing-reference-2025-04.sql
echo "lindung's total for 2025-04: $(sqlite3 "$work/bill.sqlite" "SELECT SUM(l.amount) FROM bill b JOIN bill_line l ON l.bill_id = b.id WHERE b.month = '2025-04'")"

echo "== twelve months of 2025 back to back"
fresh
for month in 01 02 03 04 05 06 07 08 09 10 11 12; do
  LINDUNG_TIMING=1 "$lindung" bill --month "2025-$month" --issued-on 2026-01-01 --db "$work/bill.sqlite" 2>&1 >/dev/null | grep "timing: bill"
done
