#!/usr/bin/env bash
# Test of scripts/*.sh against the real PostgreSQL (default 127.0.0.1:5432,
# user postgres; override with TEST_PGHOST, TEST_PGPORT, TEST_PGUSER) and
# tiny python3 /health stubs:
#   - backup, change the data, restore: data equals the backup again
#   - a missing, truncated, non-gzip or incomplete backup: restore stops
#     before touching the database (data unchanged), non-zero exit, reason given
#   - restore without --yes and without a terminal refuses
#   - keep-last-7 rotation; passwords never echoed
#   - health-check.sh names a stopped / unhealthy service, passes healthy ones
#   - scripts name a missing setting; --help works; deploy/rollback order (dry run)
# A scratch database is created and always dropped. Exits non-zero naming
# each failed check.
set -euo pipefail

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
scripts="$(cd "$here/.." && pwd)"
repo="$(cd "$scripts/.." && pwd)"

die() { echo "scripts-test: FATAL: $*" >&2; exit 1; }
failures=()
passes=0
pass() { echo "  ok   $*"; passes=$((passes + 1)); }
fail() { echo "  FAIL $*" >&2; failures+=("$*"); }
expect() { # expect "description" command...: passes when the command succeeds
    local what="$1"; shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

for tool in psql pg_dump gzip curl python3; do
    command -v "$tool" >/dev/null || die "$tool is required but not installed"
done

pg_host="${TEST_PGHOST:-127.0.0.1}"
pg_port="${TEST_PGPORT:-5432}"
pg_user="${TEST_PGUSER:-postgres}"
db="catalyst_ops_test_$$_$RANDOM"
# A password in the URL that must never be printed (trust auth ignores it).
secret_pw="NeverPrintMe$RANDOM$RANDOM"
url="postgresql://$pg_user:$secret_pw@$pg_host:$pg_port/$db?sslmode=disable"

work="$(mktemp -d /tmp/catalyst-scripts-test.XXXXXX)"
stub_pids=()
cleanup() {
    for p in "${stub_pids[@]}"; do kill "$p" 2>/dev/null || true; done
    psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -qAtX \
        -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

admin() { psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -qAtX -v ON_ERROR_STOP=1 "$@"; }
q() { psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$db" -qAtX -v ON_ERROR_STOP=1 "$@"; }
# Fingerprint of the data: every row of both tables plus the table list.
fingerprint() {
    q -c "SELECT md5(
            coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM trades t), '') || '#' ||
            coalesce((SELECT string_agg(p::text, '|' ORDER BY symbol) FROM positions p), '') || '#' ||
            (SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'))" 2>/dev/null \
        || echo "unreadable"
}

admin -c "SELECT 1" >/dev/null 2>&1 || die "PostgreSQL not reachable at $pg_host:$pg_port as $pg_user"
admin -c "CREATE DATABASE $db" >/dev/null
q <<'SQL'
CREATE TABLE trades (id serial PRIMARY KEY, symbol text NOT NULL, qty int NOT NULL,
                     price numeric(12,4) NOT NULL, at timestamptz NOT NULL DEFAULT '2024-01-02 14:30:00+00');
CREATE TABLE positions (symbol text PRIMARY KEY, qty int NOT NULL);
INSERT INTO trades (symbol, qty, price)
    SELECT (ARRAY['AAPL','MSFT','SPY','JPM'])[1 + g % 4], g * 10, 100 + g * 0.25 FROM generate_series(1, 200) g;
INSERT INTO positions VALUES ('AAPL', 500), ('SPY', -200), ('MSFT', 75);
SQL
echo "scripts-test: scratch database $db on $pg_host:$pg_port"
echo "scripts-test: checks"

# --- backup ------------------------------------------------------------------
bdir="$work/backups"
before="$(fingerprint)"
if DATABASE_URL="$url" "$scripts/backup-database.sh" --dir "$bdir" >"$work/b1.out" 2>"$work/b1.err"; then
    pass "backup-database.sh exits 0"
else
    fail "backup-database.sh failed: $(cat "$work/b1.err")"
fi
backup="$(tail -n 1 "$work/b1.out")"
expect "backup file exists and is intact gzip" gzip -t "$backup"
expect "backup file is readable by its owner only" test "$(stat -c %a "$backup")" = 600
expect "backup holds the trades table" bash -c "gzip -dc '$backup' | grep -q 'CREATE TABLE public.trades'"

# --- change, restore, compare -------------------------------------------------
q -c "UPDATE trades SET price = price * 2 WHERE id % 3 = 0; DELETE FROM trades WHERE id > 150;
      INSERT INTO trades (symbol, qty, price) VALUES ('TSLA', 1, 1);
      DROP TABLE positions;" >/dev/null
changed="$(fingerprint)"
expect "data changed after the backup" test "$changed" != "$before"
if DATABASE_URL="$url" "$scripts/restore-database.sh" --yes "$backup" >"$work/r1.out" 2>"$work/r1.err"; then
    pass "restore-database.sh --yes exits 0"
else
    fail "restore-database.sh failed: $(cat "$work/r1.err")"
fi
expect "restored data equals the backup" test "$(fingerprint)" = "$before"

# --- bad files: stop before touching the database -------------------------------
q -c "UPDATE trades SET qty = qty + 1 WHERE id = 1" >/dev/null
state="$(fingerprint)"
head -c "$(( $(stat -c %s "$backup") / 2 ))" "$backup" > "$work/truncated.sql.gz"
head -c 4096 /dev/urandom > "$work/random.sql.gz"
# A gzip that is fine but whose dump was cut short (no final "dump complete").
gzip -dc "$backup" | head -n 40 | gzip > "$work/incomplete.sql.gz"
: > "$work/empty.sql.gz"
for bad in "$work/missing.sql.gz" "$work/truncated.sql.gz" "$work/random.sql.gz" "$work/incomplete.sql.gz" "$work/empty.sql.gz"; do
    name="$(basename "$bad")"
    rc=0
    DATABASE_URL="$url" "$scripts/restore-database.sh" --yes "$bad" >"$work/bad.out" 2>"$work/bad.err" || rc=$?
    expect "restore of $name exits non-zero" test "$rc" -ne 0
    expect "restore of $name says why and that the DB was not touched" grep -q "not touched" "$work/bad.err"
    expect "restore of $name left the data unchanged" test "$(fingerprint)" = "$state"
done
grep -q "does not exist" <(DATABASE_URL="$url" "$scripts/restore-database.sh" --yes "$work/missing.sql.gz" 2>&1 || true) \
    && pass "missing file reported as not existing" || fail "missing file not reported as such"
# Even with no server at all, a bad file is refused first (no connection is tried).
dead_url="postgresql://nobody@127.0.0.1:1/nowhere"
DATABASE_URL="$dead_url" "$scripts/restore-database.sh" --yes "$work/truncated.sql.gz" 2>"$work/dead.err" >/dev/null || true
expect "corrupt file refused before any connection" grep -q "gzip data is corrupt" "$work/dead.err"

# A complete-looking dump that fails half-way (after its DROPs) must change nothing.
gzip -dc "$backup" | awk '/^-- PostgreSQL database dump complete/ && !done { print "SELECT 1/0;"; done=1 } { print }' \
    | gzip > "$work/fails-midway.sql.gz"
rc=0
DATABASE_URL="$url" "$scripts/restore-database.sh" --yes "$work/fails-midway.sql.gz" >/dev/null 2>"$work/mid.err" || rc=$?
expect "restore failing half-way exits non-zero" test "$rc" -ne 0
expect "restore failing half-way is rolled back (data unchanged)" test "$(fingerprint)" = "$state"

# --- confirmation -----------------------------------------------------------------
rc=0
DATABASE_URL="$url" "$scripts/restore-database.sh" "$backup" </dev/null >/dev/null 2>"$work/conf.err" || rc=$?
expect "restore without --yes and no terminal refuses" test "$rc" -ne 0
expect "refused restore left the data unchanged" test "$(fingerprint)" = "$state"

# --- secrets never echoed ---------------------------------------------------------
expect "database password not printed by backup/restore" \
    bash -c "! cat '$work'/*.out '$work'/*.err | grep -q '$secret_pw'"

# --- rotation: keep the newest 7 --------------------------------------------------
for d in 01 02 03 04 05 06 07 08 09; do
    # Older, valid-looking backups with earlier timestamps in their names.
    cp "$backup" "$bdir/catalyst-$db-202001${d}T000000000Z.sql.gz"
done
echo "unrelated" > "$bdir/notes.txt"
DATABASE_URL="$url" "$scripts/backup-database.sh" --dir "$bdir" >"$work/b2.out" 2>"$work/b2.err" \
    || fail "second backup failed: $(cat "$work/b2.err")"
newest="$(tail -n 1 "$work/b2.out")"
mapfile -t left < <(cd "$bdir" && ls catalyst-"$db"-*.sql.gz | sort)
expect "rotation keeps exactly 7 backups (have ${#left[@]})" test "${#left[@]}" -eq 7
expect "rotation keeps the newest backup" test -f "$newest"
expect "rotation keeps the first real backup" test -f "$backup"
expect "rotation removed the three oldest" bash -c "! ls '$bdir' | grep -qE '2020010[123]T'"
expect "rotation kept 20200104..09" bash -c "test \$(ls '$bdir' | grep -cE '2020010[4-9]T') -eq 5"
expect "rotation leaves other files alone" test -f "$bdir/notes.txt"
BACKUP_KEEP=2 DATABASE_URL="$url" "$scripts/backup-database.sh" --dir "$bdir" >/dev/null 2>&1 \
    || fail "backup with BACKUP_KEEP=2 failed"
expect "BACKUP_KEEP=2 leaves 2 backups" test "$(ls "$bdir" | grep -c "^catalyst-$db-.*\.sql\.gz$")" -eq 2

# --- missing settings are named ------------------------------------------------------
nosettings=(env -u DATABASE_URL -u PGHOST -u PGDATABASE -u PGUSER -u PGPORT -u PGPASSWORD)
rc=0; "${nosettings[@]}" "$scripts/backup-database.sh" --dir "$work/x" >/dev/null 2>"$work/ns1.err" || rc=$?
expect "backup without settings exits non-zero" test "$rc" -ne 0
expect "backup names DATABASE_URL / PGHOST / PGDATABASE" \
    bash -c "grep -q DATABASE_URL '$work/ns1.err' && grep -q PGHOST '$work/ns1.err' && grep -q PGDATABASE '$work/ns1.err'"
rc=0; "${nosettings[@]}" "$scripts/restore-database.sh" --yes "$backup" >/dev/null 2>"$work/ns2.err" || rc=$?
expect "restore without settings exits non-zero naming DATABASE_URL" bash -c "test $rc -ne 0 && grep -q DATABASE_URL '$work/ns2.err'"
rc=0; env -u DATABASE_URL -u PGDATABASE PGHOST=127.0.0.1 "$scripts/backup-database.sh" --dir "$work/x" >/dev/null 2>"$work/ns3.err" || rc=$?
expect "backup with PGHOST but no PGDATABASE names PGDATABASE" bash -c "test $rc -ne 0 && grep -q 'missing: PGDATABASE' '$work/ns3.err'"
mkdir -p "$work/emptycompose"
for s in deploy-update.sh rollback.sh; do
    rc=0; CATALYST_COMPOSE_DIR="$work/emptycompose" "$scripts/$s" --dry-run >/dev/null 2>"$work/ns-$s.err" || rc=$?
    # Names what is missing: the compose file/.env, or the docker CLI itself.
    expect "$s without compose settings exits non-zero naming what is missing" \
        bash -c "test $rc -ne 0 && grep -qE 'docker-compose.yml|\\.env|docker' '$work/ns-$s.err'"
done
rc=0; env -u DATABASE_URL DATABASE_URL="not-a-url-$secret_pw" "$scripts/backup-database.sh" --dir "$work/x" >/dev/null 2>"$work/bad-url.err" || rc=$?
expect "malformed DATABASE_URL refused without printing it" \
    bash -c "test $rc -ne 0 && grep -q DATABASE_URL '$work/bad-url.err' && ! grep -q '$secret_pw' '$work/bad-url.err'"

# --- backup-config.sh --------------------------------------------------------------------
rc=0; "$scripts/backup-config.sh" --dir "$work/cfg" >"$work/cfg.out" 2>"$work/cfg.err" || rc=$?
cfg_archive="$(tail -n 1 "$work/cfg.out" 2>/dev/null || true)"
expect "backup-config.sh archives nginx/ and the compose file" \
    bash -c "test $rc -eq 0 && tar -tzf '$cfg_archive' | grep -q '^nginx/catalyst.conf' && tar -tzf '$cfg_archive' | grep -q '^compose/docker-compose.yml'"
expect "config archive is readable by its owner only" test "$(stat -c %a "$cfg_archive" 2>/dev/null)" = 600

# --- --help everywhere -------------------------------------------------------------------
for s in health-check.sh backup-database.sh restore-database.sh backup-config.sh deploy-update.sh rollback.sh; do
    expect "$s --help prints usage" bash -c "'$scripts/$s' --help | grep -q 'Usage:'"
    expect "$s uses set -euo pipefail" grep -q '^set -euo pipefail' "$scripts/$s"
done

# --- health-check.sh ---------------------------------------------------------------------
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
start_stub() { # start_stub STATUS HTTPCODE -> prints the port
    local port; port="$(free_port)"
    python3 - "$port" "$1" "$2" >/dev/null 2>&1 <<'PY' &
import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
port, status, code = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
class H(BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        body = json.dumps({"status": status, "service": "stub", "version": "0.0.1", "schema": "1",
                           "timestamp": "2024-01-02T14:30:00Z", "database": "up", "redis": "up"}).encode()
        self.send_response(code if self.path == "/health" else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
HTTPServer(("127.0.0.1", port), H).serve_forever()
PY
    stub_pids+=($!)
    for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.1; done
    echo "$port"
}
healthy_port="$(start_stub healthy 200)"
degraded_port="$(start_stub degraded 200)"
unhealthy_port="$(start_stub unhealthy 503)"
dead_port="$(free_port)"   # nothing listens here
H="$scripts/health-check.sh"

rc=0; "$H" --services "scanner=http://127.0.0.1:$dead_port,trading=http://127.0.0.1:$healthy_port" >"$work/h1.out" 2>"$work/h1.err" || rc=$?
expect "health-check exits non-zero when a service is stopped" test "$rc" -ne 0
expect "health-check names the stopped service (scanner)" grep -q "NOT OK: scanner (down" "$work/h1.err"
expect "health-check does not blame the healthy one (trading)" bash -c "! grep -q 'NOT OK: trading' '$work/h1.err'"
expect "health-check prints a table row per service" bash -c "grep -qE '^scanner .*DOWN' '$work/h1.out' && grep -qE '^trading .*200 +healthy' '$work/h1.out'"

rc=0; "$H" --services "risk=http://127.0.0.1:$unhealthy_port,news=http://127.0.0.1:$healthy_port" >/dev/null 2>"$work/h2.err" || rc=$?
expect "health-check exits non-zero and names an unhealthy (503) service" \
    bash -c "test $rc -ne 0 && grep -q 'NOT OK: risk (unhealthy' '$work/h2.err'"

expect "health-check passes a healthy stub" "$H" --services "orchestration=http://127.0.0.1:$healthy_port"
expect "health-check passes all-in-one mode (--base-url)" "$H" --base-url "http://127.0.0.1:$healthy_port"
expect "health-check passes all-in-one mode (CATALYST_BASE_URL)" env CATALYST_BASE_URL="http://127.0.0.1:$healthy_port" "$H"
expect "health-check accepts degraded by default" "$H" --services "pattern=http://127.0.0.1:$degraded_port"
rc=0; "$H" --strict --services "pattern=http://127.0.0.1:$degraded_port" >/dev/null 2>&1 || rc=$?
expect "health-check --strict fails degraded" test "$rc" -ne 0
rc=0; "$H" --host 127.0.0.1 --services bogus >/dev/null 2>&1 || rc=$?
expect "health-check rejects an unknown bundle with exit 2" test "$rc" -eq 2

# --- deploy-update.sh / rollback.sh order (dry run, no Docker engine needed) ------------------
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null; then
    echo "scripts-test: installing docker-compose for the dry-run checks"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null 2>&1 \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null; } \
        || fail "docker-compose could not be installed for the dry-run checks"
fi
mkdir -p "$work/compose"
cp "$repo/compose/docker-compose.yml" "$work/compose/"
cp "$repo/compose/.env.example" "$work/compose/.env"
rc=0; CATALYST_COMPOSE_DIR="$work/compose" "$scripts/deploy-update.sh" --dry-run --pull >"$work/deploy.out" 2>&1 || rc=$?
order="$(grep -o 'up -d --no-deps --no-build [a-z]*' "$work/deploy.out" | awk '{print $NF}' | paste -sd' ')"
expect "deploy-update.sh --dry-run succeeds" test "$rc" -eq 0
expect "deploy-update.sh starts services in the start order (got: $order)" \
    test "$order" = "postgres redis scanner pattern technical news risk trading reporting workflow orchestration nginx"
expect "deploy-update.sh tags the current image as previous before pulling" \
    bash -c "grep -n 'docker tag catalyst:latest catalyst:previous' '$work/deploy.out' | head -n1 | cut -d: -f1 | { read a; b=\$(grep -n ' pull' '$work/deploy.out' | head -n1 | cut -d: -f1); test \"\$a\" -lt \"\$b\"; }"
expect "deploy-update.sh waits for health after each start" test "$(grep -c 'wait until .* is healthy' "$work/deploy.out")" -eq 12
rc=0; CATALYST_COMPOSE_DIR="$work/compose" "$scripts/rollback.sh" --dry-run >"$work/rollback.out" 2>&1 || rc=$?
order="$(grep -o 'up -d --no-deps --no-build [a-z]*' "$work/rollback.out" | awk '{print $NF}' | paste -sd' ')"
expect "rollback.sh --dry-run succeeds" test "$rc" -eq 0
expect "rollback.sh retags previous as current" grep -q 'docker tag catalyst:previous catalyst:latest' "$work/rollback.out"
expect "rollback.sh restarts the bundles and nginx in order, not the databases (got: $order)" \
    test "$order" = "scanner pattern technical news risk trading reporting workflow orchestration nginx"
for script in deploy-update.sh rollback.sh; do
    rc=0; CATALYST_COMPOSE_DIR="$work/compose" "$scripts/$script" --dry-run --services scanner,bogus >"$work/unknown.out" 2>&1 || rc=$?
    expect "$script stops on an unknown service and names it, restarting nothing" \
        bash -c "test $rc -ne 0 && grep -q \"unknown service 'bogus'\" '$work/unknown.out' && ! grep -q 'up -d' '$work/unknown.out'"
done
rc=0; CATALYST_COMPOSE_DIR="$work/compose" "$scripts/deploy-update.sh" --dry-run >"$work/deploy2.out" 2>&1 || rc=$?
if [[ -f "$repo/target/catalyst.jar" ]]; then
    expect "deploy-update.sh builds when target/catalyst.jar exists" test "$rc" -eq 0
else
    expect "deploy-update.sh without a built jar names target/catalyst.jar" \
        bash -c "test $rc -ne 0 && grep -q 'target/catalyst.jar' '$work/deploy2.out'"
fi

# --- verdict --------------------------------------------------------------------------
if ((${#failures[@]})); then
    echo "scripts-test: FAILED ${#failures[@]} check(s):" >&2
    printf '  - %s\n' "${failures[@]}" >&2
    echo "scripts-test: ${passes} passed, ${#failures[@]} failed"
    exit 1
fi
echo "scripts-test: ${passes} passed, 0 failed"
