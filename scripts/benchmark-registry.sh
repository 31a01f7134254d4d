#!/usr/bin/env bash
# Registry benchmarks (issue 3), release build, on this machine. Not run by CI: it takes minutes and
# gigabytes. Prints the figures recorded in docs/BENCHMARKS.md.
#
#   scripts/benchmark-registry.sh [ROWS] [DEMO_WORKERS]     (defaults 1000000 and 5200000)
#
# Needs: sqlite3 and GNU time (apt-get install sqlite3 time); PostgreSQL for the PostgreSQL figure
# (.ci/start-postgres.sh starts one; set BENCH_DATABASE_URL to use another).
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
demo_workers="${2:-5200000}"
work="${BENCH_DIR:-/tmp/lindung-bench}"
mkdir -p "$work"
rm -f "$work"/*.sqlite* "$work"/*.errors.csv

swift build -c release --product lindung >/dev/null
lindung="$(swift build -c release --show-bin-path)/lindung"

python3 scripts/make-worker-file.py "$rows" "$work/workers.csv"
printf 'NPP;Nama;Jenis;Kode Wilayah;Kelas Risiko;Skala Usaha\n12345678;PT Bench;perusahaan;3604;2;besar\n' >"$work/employer.csv"

seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }
timed() { # prints "elapsed_seconds max_rss_kb"
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >/dev/null
  cat "$work/time.txt"
}

echo "== import workers: $rows rows, SQLite"
"$lindung" import employers "$work/employer.csv" --db "$work/import.sqlite" >/dev/null
read -r elapsed rss < <(timed "$lindung" import workers "$work/workers.csv" --employer 12345678 --as-of 2025-04-01 --db "$work/import.sqlite")
echo "lindung import workers: ${elapsed} s, $(python3 -c "print(round($rows/$elapsed))") rows/s, peak RSS $((rss / 1024)) MB"

read -r shell_elapsed _ < <(timed sqlite3 "$work/shell.sqlite" \
  "CREATE TABLE w(nik TEXT, name TEXT, wage INTEGER, start_date TEXT);" ".mode csv" ".import --skip 1 $work/workers.csv w")
echo "sqlite3 .import into a bare table: ${shell_elapsed} s (ratio $(python3 -c "print(round($elapsed/$shell_elapsed, 2))"))"

url="${BENCH_DATABASE_URL:-$(bash .ci/start-postgres.sh 2>/dev/null | tail -n 1 | sed 's#/postgres$#/lindung_bench#')}"
if [ -n "$url" ]; then
  admin="${url%/*}/postgres"
  psql "$admin" -qc "DROP DATABASE IF EXISTS lindung_bench" -c "CREATE DATABASE lindung_bench" >/dev/null
  echo "== import workers: $rows rows, PostgreSQL"
  "$lindung" import employers "$work/employer.csv" --db "$url" >/dev/null
  read -r pg_elapsed pg_rss < <(timed "$lindung" import workers "$work/workers.csv" --employer 12345678 --as-of 2025-04-01 --db "$url")
  echo "lindung import workers (PostgreSQL): ${pg_elapsed} s, $(python3 -c "print(round($rows/$pg_elapsed))") rows/s, peak RSS $((pg_rss / 1024)) MB"
fi

echo "== demo: $demo_workers workers, SQLite"
read -r demo_elapsed demo_rss < <(timed "$lindung" demo --province 36 --workers "$demo_workers" --seed 1 --db "$work/demo.sqlite")
echo "lindung demo --workers $demo_workers: ${demo_elapsed} s, peak RSS $((demo_rss / 1024)) MB, file $(du -m "$work/demo.sqlite" | cut -f1) MB"
