#!/usr/bin/env bash
# Issue 5's HTTP benchmark (docs/BENCHMARKS.md): wrk on loopback against `lindung serve` on a registry,
# `GET /api/v1/employers/{npp}` (bearer token, NPPs rotating over many employers) against the bare
# `GET /ping` (a constant JSON body, same server, same middleware), in alternating rounds, then the
# ratio of the medians; and `GET /api/v1/persons/{nik}` at one connection (NIKs rotating), whose latency
# bounds the server time of a person lookup by NIK.
#
#   scripts/benchmark-server.sh BINARY DB [ROUNDS] [SECONDS]
#   e.g. scripts/benchmark-server.sh .build-release/release/lindung /work/bench/demo52.sqlite 3 10
#
# Use a release build and a copy of the database you may write to (the server applies pending
# migrations and the script adds one API client, `bench-<pid>`). Needs wrk and python3.
set -euo pipefail
binary="${1:?usage: benchmark-server.sh BINARY DB [ROUNDS] [SECONDS]}"
db="${2:?usage: benchmark-server.sh BINARY DB [ROUNDS] [SECONDS]}"
rounds="${3:-3}"
seconds="${4:-10}"
connections=64
threads=2
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"

"$binary" migrate --db "$db" >/dev/null 2>&1 || true
token="$("$binary" token add --client "bench-$$" --role administrator --db "$db" | grep -o 'lnd_[A-Za-z0-9_-]*' | head -n 1)"
[ -n "$token" ] || { echo "benchmark: could not add an API client" >&2; exit 1; }

# 2,000 employers and 2,000 persons spread over the registry (every n-th row), as request paths.
python3 - "$db" "$work" <<'EOF'
import sqlite3, sys
db, work = sys.argv[1], sys.argv[2]
c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
def spread(table, column, prefix, name):
    count = c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    step = max(1, count // 2000)
    rows = c.execute(f"SELECT {column} FROM {table} WHERE id % ? = 0 LIMIT 2000", (step,)).fetchall()
    with open(f"{work}/{name}", "w") as f:
        f.writelines(f"{prefix}{r[0]}\n" for r in rows)
    print(f"{table}: {count} rows, {len(rows)} sampled")
spread("employer", "npp", "/api/v1/employers/", "employers.txt")
spread("person", "nik", "/api/v1/persons/", "persons.txt")
EOF
cat >"$work/rotate.lua" <<'EOF'
-- Each request takes the next path of PATHS_FILE (wrk's -H headers are kept).
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
EOF

LOG_LEVEL=warning "$binary" serve --db "$db" --port "$port" >"$work/serve.out" 2>"$work/serve.log" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do grep -q "Lindung is serving" "$work/serve.out" && break; sleep 0.5; done
curl -sf "$url/ping" >/dev/null || { cat "$work/serve.log" >&2; echo "benchmark: the server did not start" >&2; exit 1; }
echo "server: $binary serve --db $db (LOG_LEVEL=warning) at $url; wrk -t$threads -c$connections -d${seconds}s"

auth="Authorization: Bearer $token"
# Warm-up: the page cache and every compiled statement.
PATHS_FILE="$work/employers.txt" wrk -t$threads -c$connections -d3s -H "$auth" -s "$work/rotate.lua" "$url" >/dev/null
wrk -t$threads -c$connections -d3s "$url/ping" >/dev/null

rps() { sed -n 's/^Requests\/sec: *//p' "$1"; }
p99() { sed -n 's/^ *99% *//p' "$1"; }
for round in $(seq 1 "$rounds"); do
  wrk -t$threads -c$connections -d"${seconds}s" --latency "$url/ping" >"$work/ping-$round.txt"
  PATHS_FILE="$work/employers.txt" wrk -t$threads -c$connections -d"${seconds}s" --latency -H "$auth" -s "$work/rotate.lua" "$url" \
    >"$work/employer-$round.txt"
  grep -q "Non-2xx" "$work/employer-$round.txt" && { cat "$work/employer-$round.txt"; echo "benchmark: errors answered" >&2; exit 1; }
  printf 'round %s: /ping %s req/s (p99 %s); /api/v1/employers/{npp} %s req/s (p99 %s)\n' "$round" \
    "$(rps "$work/ping-$round.txt")" "$(p99 "$work/ping-$round.txt")" "$(rps "$work/employer-$round.txt")" "$(p99 "$work/employer-$round.txt")"
done
PATHS_FILE="$work/persons.txt" wrk -t1 -c1 -d"${seconds}s" --latency -H "$auth" -s "$work/rotate.lua" "$url" >"$work/person.txt"
grep -q "Non-2xx" "$work/person.txt" && { cat "$work/person.txt"; echo "benchmark: errors answered" >&2; exit 1; }

python3 - "$work" "$rounds" <<'EOF'
import re, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
def rps(name): return float(re.search(r"Requests/sec:\s*([\d.]+)", open(f"{work}/{name}").read()).group(1))
ping = [rps(f"ping-{r}.txt") for r in range(1, rounds + 1)]
employer = [rps(f"employer-{r}.txt") for r in range(1, rounds + 1)]
ratios = [e / p for e, p in zip(employer, ping)]
print(f"median /ping {statistics.median(ping):,.0f} req/s; median /api/v1/employers/{{npp}} {statistics.median(employer):,.0f} req/s")
print(f"ratio of the medians {statistics.median(employer) / statistics.median(ping):.0%} (per round: {', '.join(f'{r:.0%}' for r in ratios)})")
# Each round's two runs are back to back, so their ratio is the least touched by the shared machine's
# drift (the /ping rate alone moved 25,000 to 37,000 between rounds here); its median is the figure.
print(f"median of the per-round ratios {statistics.median(ratios):.0%}")
text = open(f"{work}/person.txt").read()
lat = dict(re.findall(r"^\s*(50|90|99)%\s+(\S+)", text, re.M))
print(f"/api/v1/persons/{{nik}} at 1 connection: {rps('person.txt'):,.0f} req/s, latency p50 {lat.get('50')}, p90 {lat.get('90')}, p99 {lat.get('99')}")
EOF
