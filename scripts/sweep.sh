#!/usr/bin/env bash
# Runs one parameter sweep and prints its progress and its result (docs/research.md).
#
#   scripts/sweep.sh [--url http://127.0.0.1:5000] [--start] [key=value ...]
#
# keys: the backtest's (strategy=ema-cross symbols=SPY from=YYYY-MM-DD to=YYYY-MM-DD file=… data_dir=… mode=… ema_fast=9 …)
# and the sweep's, JSON where it is an object:
#   grid='{"ema_fast":[5,9],"ema_slow":[21,30]}'   or   random='{"ema_fast":{"min":3,"max":12}}' samples=50 seed=7
#   objective=sharpe|sortino|profit_factor|net_pnl|calmar   walk_forward='{"in_sample_days":10,"out_of_sample_days":5}'
#
# The sweep goes to a running Catalyst (--url, or CATALYST_URL); with --start and nothing answering there, the script
# starts target/catalyst.jar itself (embedded PostgreSQL in var/pgdata, trading timer off) and stops it afterwards.
# Exit code: 0 when the sweep completed, 1 when it failed, was cancelled or was refused, 2 on a usage error.
set -euo pipefail
cd "$(dirname "$0")/.."

SCRIPT_NAME=sweep.sh
HELP_LINES=15
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
    elif key in ("grid", "random", "walk_forward"):
        try:
            body[key] = json.loads(value)
        except ValueError as e:
            print(f"sweep.sh: {key} is not JSON: {e}", file=sys.stderr)
            sys.exit(2)
    elif key in ("cycle_minutes", "ema_fast", "ema_slow", "atr_period", "samples", "seed"):
        body[key] = int(value)
    elif key in ("atr_multiple", "trail_percent", "trail_atr_multiple"):
        body[key] = float(value)
    else:
        body[key] = value
request = urllib.request.Request(f"{url}/api/v1/backtests/sweeps", data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json", "Accept": "application/json", **auth})
try:
    started = json.load(urllib.request.urlopen(request, timeout=120))
except urllib.error.HTTPError as e:
    error = json.load(e)
    print(f"refused ({e.code}): {error.get('error')}" + (f" [field {error['field']}]" if error.get("field") else ""), file=sys.stderr)
    sys.exit(1)
sweep_id = started["sweep_id"]
print(f"sweep {sweep_id} queued: {started['trials']} trials ({started.get('trials_skipped', 0)} skipped), "
      f"{started.get('folds', 0)} folds: {url}/api/v1/backtests/sweeps/{sweep_id}")
last = None
while True:
    sweep = json.load(urllib.request.urlopen(urllib.request.Request(f"{url}/api/v1/backtests/sweeps/{sweep_id}",
                                                                    headers={"Accept": "application/json", **auth}), timeout=60))
    p = sweep["progress"]
    line = f"{sweep['status']:9s} {p['trials_done']:>6,} / {p['trials_total']:,} trials ({p['percent']:.1f} %)"
    if line != last:
        print(line, flush=True)
        last = line
    if sweep["status"] not in ("queued", "running"):
        break
    time.sleep(1)
if sweep["status"] == "failed":
    print(f"failed: {sweep.get('error')}", file=sys.stderr)
    sys.exit(1)
objective = sweep["objective"]
best = sweep.get("best")
if best:
    f = best["in_sample"]
    print(f"best: trial {best['trial_no']} {json.dumps(best['parameters'])}: {objective} {f.get(objective)}, "
          f"net P&L {f['net_pnl']} USD over {f['sessions']} sessions, {f['trades']} trades")
for fold in sweep.get("folds") or []:
    o = fold["out_of_sample"]
    print(f"fold {fold['fold_no']}: in {fold['in_sample_from']}..{fold['in_sample_to']} chose trial {fold['chosen_trial']} "
          f"{json.dumps(fold['chosen_parameters'])}; out {fold['out_of_sample_from']}..{fold['out_of_sample_to']}: "
          f"{objective} {o.get(objective)}, net P&L {o['net_pnl']} USD")
if sweep.get("stitched_equity"):
    print(f"stitched out-of-sample equity: {sweep['stitched_equity'][-1]['equity']} USD "
          f"({sweep.get('out_of_sample_return_pct', 0):+.2f} %)")
print(f"deflated Sharpe {sweep.get('deflated_sharpe')} (above 0.95: unlikely to be luck), "
      f"PBO {sweep.get('pbo')} (near 0: the in-sample choice holds out of sample; near 0.5: no better than chance)")
sys.exit(0 if sweep["status"] == "completed" else 1)
PY
