#!/usr/bin/env bash
# Runs one backtest and prints its progress and its result (docs/backtesting.md).
#
#   scripts/backtest.sh [--url http://127.0.0.1:5000] [--start] [key=value ...]
#
# keys (all optional; the rest comes from catalyst.backtest.* and the live settings):
#   strategy=pattern|ema-cross  symbols=SPY,QQQ  from=YYYY-MM-DD  to=YYYY-MM-DD  file=bars.csv  data_dir=pyalgotrade
#   cycle_minutes=5  ema_fast=9  ema_slow=21  atr_period=14  atr_multiple=2.0  mode=normal
#
# The run goes to a running Catalyst (--url, or CATALYST_URL); with --start and nothing answering there, the script
# starts target/catalyst.jar itself (embedded PostgreSQL in var/pgdata, trading timer off) and stops it afterwards.
# Exit code: 0 when the run completed, 1 when it failed or the request was refused, 2 on a usage error.
set -euo pipefail
cd "$(dirname "$0")/.."

SCRIPT_NAME=backtest.sh
HELP_LINES=14
source scripts/lib/catalyst-run.sh

python3 - "$url" "${pairs[@]}" <<'PY'
import json, os, sys, time, urllib.error, urllib.request
url, pairs = sys.argv[1], sys.argv[2:]
# the trader's key, when Catalyst runs with one (docs/security.md)
auth = {"Authorization": "Bearer " + os.environ["CATALYST_API_KEY"]} if os.environ.get("CATALYST_API_KEY") else {}
body = {}
for pair in pairs:
    key, value = pair.split("=", 1)
    if key == "symbols":
        body[key] = [s for s in value.split(",") if s]
    elif key in ("cycle_minutes", "ema_fast", "ema_slow", "atr_period"):
        body[key] = int(value)
    elif key == "atr_multiple":
        body[key] = float(value)
    else:
        body[key] = value
request = urllib.request.Request(f"{url}/api/v1/backtests", data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json", "Accept": "application/json", **auth})
try:
    started = json.load(urllib.request.urlopen(request, timeout=60))
except urllib.error.HTTPError as e:
    print(f"refused ({e.code}): {json.load(e).get('error')}", file=sys.stderr)
    sys.exit(1)
run_id = started["run_id"]
print(f"backtest {run_id} queued: {url}/api/v1/backtests/{run_id}")
last = None
while True:
    run = json.load(urllib.request.urlopen(urllib.request.Request(f"{url}/api/v1/backtests/{run_id}",
                                                                  headers={"Accept": "application/json", **auth}), timeout=60))
    p = run["progress"]
    # the API leaves out what is not known yet (null), such as the total before the data is read
    line = f"{run['status']:9s} {p.get('bars_done', 0):>10,} / {p.get('bars_total') or 0:,} bars ({p.get('percent') or 0:.1f} %)"
    if line != last:
        print(line, flush=True)
        last = line
    if run["status"] in ("completed", "failed"):
        break
    time.sleep(1)
if run["status"] == "failed":
    print(f"failed: {run.get('error')} (trades kept: {run.get('trades_total', 0)})", file=sys.stderr)
    sys.exit(1)
r, t = run["result"], run["timings"]
print(f"completed: {r['sessions']} sessions, {r['bars']:,} bars in {t['run_ms']} ms ({t['bars_per_second']:,} bars/s), "
      f"data loaded in {t['load_ms']} ms")
print(f"trades {r['trades_closed']} (wins {r['wins']}, losses {r['losses']}, win rate {r['win_rate']:.1%}), "
      f"realized P&L {r['realized_pnl']} USD, profit factor {r.get('profit_factor')}, max drawdown {r['max_drawdown']} USD, "
      f"Sharpe {r.get('sharpe')}, final equity {r['final_equity']} USD")
print(f"report: {url}/api/v1/backtests/{run_id} (open in a browser for the charts)")
PY
