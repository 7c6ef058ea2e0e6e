#!/usr/bin/env bash
# Full-cycle benchmark of the all-in-one process: start-up time, cycle latency over the 500-symbol simulated
# universe (p50/p95, as a ratio of the 1 s budget), and resident memory. Aims: p95 < 250 ms, start-up < 15 s,
# RSS < 512 MB. Usage: bench/cycle/run.sh [cycles]   (default 200; DATABASE_URL optional, else embedded)
set -euo pipefail
cd "$(dirname "$0")/../.."
cycles="${1:-200}"
warmup=20
port="${BENCH_PORT:-5077}"

# always packaged: the routes are read from routes/, so a jar older than them may miss the beans they call
./mvnw -q -DskipTests package
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

args=(--server.port="$port" --catalyst.workflow.auto-start=false --catalyst.clock.session-date=2026-01-06
      --catalyst.clock.start-time=10:00 --catalyst.clock.speed=60)
if [ -z "${DATABASE_URL:-}" ]; then
  args+=(--catalyst.database.embedded-dir="$work/pgdata" --catalyst.database.embedded-port="$((port + 1))")
fi

start_ns=$(date +%s%N)
# the README's run command, with its heap limit (BENCH_JAVA_OPTS overrides)
java ${BENCH_JAVA_OPTS:--Xmx384m} -jar target/catalyst.jar "${args[@]}" > "$work/app.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
  kill -0 "$pid" 2>/dev/null || { tail -30 "$work/app.log"; echo "the process died" >&2; exit 1; }
  sleep 0.1
done
startup_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))

python3 - "$port" "$cycles" "$warmup" "$startup_ms" "$pid" <<'PY'
import json, sys, time, urllib.request
port, cycles, warmup, startup_ms, pid = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
def cycle():
    started = time.perf_counter()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/workflow/cycles", data=b"", method="POST")
    body = json.load(urllib.request.urlopen(req, timeout=60))
    if body["status"] != "completed":
        raise SystemExit(f"cycle {body['cycle_id']} {body['status']}: {body.get('failure_reason')}")
    return body["duration_ms"], (time.perf_counter() - started) * 1000, body["placed"]
for _ in range(warmup):
    cycle()
server, client, placed = [], [], 0
for _ in range(cycles):
    s, c, p = cycle()
    server.append(s); client.append(c); placed += p
def pct(xs, q):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(round(q / 100 * (len(xs) - 1))))]
rss_kb = next(int(l.split()[1]) for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS"))
budget = 1000.0
print(f"cycles measured: {cycles} (after {warmup} warm-up), 500-symbol universe, orders placed: {placed}")
for name, xs in (("cycle (server-side)", server), ("cycle (client round trip)", client)):
    p50, p95 = pct(xs, 50), pct(xs, 95)
    print(f"{name:28s} p50 {p50:7.1f} ms = {p50 / budget:.3f} of the 1 s budget   "
          f"p95 {p95:7.1f} ms = {p95 / budget:.3f} of the budget (aim p95 < 250 ms: {'met' if p95 < 250 else 'NOT met'})")
print(f"start-up to first /health answer: {startup_ms} ms = {startup_ms / 15000:.2f} of the 15 s aim")
print(f"resident memory after the run: {rss_kb / 1024:.0f} MB = {rss_kb / 1024 / 512:.2f} of the 512 MB aim")
PY
