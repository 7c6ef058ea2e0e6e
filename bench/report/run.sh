#!/usr/bin/env bash
# Period-report benchmark: one year of closed trades (default 50 000, over 252 sessions and 500 symbols) generated
# into a scratch PostgreSQL database, then GET /api/v1/reporting/performance for the whole year, timed as a ratio
# of the 1 s budget (aim: p95 < 1 s). The time includes reading the rows (camel-sql), computing every figure and
# writing the JSON. Usage: bench/report/run.sh [trades] [runs]   (defaults 50000 and 10)
# Needs PostgreSQL at CATALYST_TEST_PG (default 127.0.0.1:5432, user postgres, trust) and psql; drops and
# recreates the database catalyst_bench_report.
set -euo pipefail
cd "$(dirname "$0")/../.."
trades="${1:-50000}"
runs="${2:-10}"
port="${BENCH_PORT:-5078}"
server="${CATALYST_TEST_PG:-127.0.0.1:5432}"
host="${server%:*}"; pgport="${server#*:}"
db=catalyst_bench_report

[ -f target/catalyst.jar ] || ./mvnw -q -DskipTests package
psql -q -h "$host" -p "$pgport" -U postgres -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

# the jar migrates the scratch database; no cycle runs (auto-start off), so the trades below are all there is
DATABASE_URL="postgresql://postgres@$host:$pgport/$db" java ${BENCH_JAVA_OPTS:--Xmx384m} -jar target/catalyst.jar \
  --server.port="$port" --catalyst.workflow.auto-start=false > "$work/app.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
  kill -0 "$pid" 2>/dev/null || { tail -30 "$work/app.log"; echo "the process died" >&2; exit 1; }
  sleep 0.2
done

# trades spread evenly over 2025's weekdays from 09:35 New York time, P&L drawn from -300..+340 (a slight edge)
psql -q -h "$host" -p "$pgport" -U postgres -d "$db" <<SQL
insert into securities (symbol) select 'B' || lpad(i::text, 3, '0') from generate_series(1, 500) i on conflict do nothing;
with days as (
  select d::date as day, row_number() over (order by d) - 1 as n
  from generate_series(date '2025-01-02', date '2025-12-31', interval '1 day') d where extract(isodow from d) < 6 limit 252
), t as (
  select i, (select day from days where n = i % 252) as day from generate_series(1, $trades) i
)
insert into positions (security_id, side, quantity, entry_price, exit_price, status, opened_at, closed_at, realized_pnl, pattern_type)
select (select security_id from securities where symbol = 'B' || lpad((1 + i % 500)::text, 3, '0')),
       case when i % 3 = 0 then 'short' else 'long' end, 10 + i % 90, 20 + (i % 200), 20 + (i % 200), 'closed',
       (day + time '09:35' + (i % 350) * interval '1 minute') at time zone 'America/New_York',
       (day + time '09:40' + (i % 350) * interval '1 minute') at time zone 'America/New_York',
       round((random() * 640 - 300)::numeric, 2),
       (array['bull_flag', 'breakout', 'double_bottom', 'hammer', 'abcd', null])[1 + i % 6]
from t;
analyze positions;
SQL
count=$(psql -tA -h "$host" -p "$pgport" -U postgres -d "$db" -c "select count(*) from positions where status = 'closed'")

python3 - "$port" "$runs" "$count" <<'PY'
import json, sys, time, urllib.request
port, runs, count = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
url = f"http://127.0.0.1:{port}/api/v1/reporting/performance?from=2025-01-01&to=2025-12-31"
def once():
    started = time.perf_counter()
    body = json.load(urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/json"}), timeout=120))
    return (time.perf_counter() - started) * 1000, body
for _ in range(3):   # warm-up: JIT and connection pool
    once()
times = []
for _ in range(runs):
    ms, body = once()
    times.append(ms)
times.sort()
p50, p95 = times[len(times) // 2], times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
budget = 1000.0
print(f"period report over {body['trades_closed']} closed trades ({count} in the database), {body['trading_days']} sessions, "
      f"{len(body['by_symbol'])} symbols, {len(body['by_pattern'])} patterns; {runs} runs after 3 warm-up")
print(f"time to report: p50 {p50:.0f} ms = {p50 / budget:.3f} of the 1 s budget   p95 {p95:.0f} ms = {p95 / budget:.3f} "
      f"(aim p95 < 1 s: {'met' if p95 < budget else 'NOT met'})")
print(f"sharpe {body['sharpe']:.3f}, max drawdown {body['max_drawdown']}, realized {body['realized_pnl']}")
PY
