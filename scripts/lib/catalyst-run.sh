# Shared by scripts/backtest.sh and scripts/sweep.sh: their arguments (--url, --start, key=value pairs) and a running
# Catalyst to send the request to, started from target/catalyst.jar with --start when none answers. Sets url, pairs
# and, when it started one, pid (stopped on exit). Source it after setting SCRIPT_NAME and HELP_LINES.

url="${CATALYST_URL:-http://127.0.0.1:5000}"
start=false
pairs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="$2"; shift 2 ;;
    --start) start=true; shift ;;
    -h|--help) sed -n "2,${HELP_LINES}p" "$0"; exit 0 ;;
    *=*) pairs+=("$1"); shift ;;
    *) echo "$SCRIPT_NAME: unknown argument '$1' (expected key=value, --url or --start)" >&2; exit 2 ;;
  esac
done

pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
if ! curl -fs -o /dev/null "$url/health"; then
  if [ "$start" != true ]; then
    echo "$SCRIPT_NAME: Catalyst does not answer at $url; start it, or pass --start" >&2
    exit 1
  fi
  [ -f target/catalyst.jar ] || ./mvnw -q -DskipTests package
  port="${url##*:}"; port="${port%%/*}"
  log="$(mktemp)"
  java -Xmx1g -jar target/catalyst.jar --server.port="$port" --catalyst.workflow.auto-start=false > "$log" 2>&1 &
  pid=$!
  echo "started Catalyst (pid $pid, log $log); waiting for $url/health"
  until curl -fs -o /dev/null "$url/health"; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$log" >&2; echo "$SCRIPT_NAME: Catalyst did not start" >&2; exit 1; }
    sleep 0.5
  done
fi
