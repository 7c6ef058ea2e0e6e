# Shared helpers for scripts/*.sh (sourced, not run).
# shellcheck shell=bash

SCRIPT_NAME="$(basename "$0")"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

log() { echo "$SCRIPT_NAME: $*" >&2; }
die() { echo "$SCRIPT_NAME: ERROR: $*" >&2; exit 1; }

# Print the leading comment block of the calling script as its help text.
print_help() {
    awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"
}

need_cmd() {
    local c
    for c in "$@"; do
        command -v "$c" >/dev/null 2>&1 || die "required command '$c' is not installed"
    done
}

# Percent-decoding for the parts of a URL (passwords may be URL-encoded).
urldecode() {
    local s="${1//+/%2B}"
    printf '%b' "${s//%/\\x}"
}

# Sets PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE (and PGSSLMODE) from
# DATABASE_URL (postgresql://user:password@host:port/db?sslmode=...), or
# accepts PG* variables already set. Refuses, naming what is missing.
# Never prints the password.
pg_settings() {
    if [[ -n "${DATABASE_URL:-}" ]]; then
        local re='^postgres(ql)?://(([^:@/]*)(:([^@/]*))?@)?([^:/?]+)(:([0-9]+))?/([^?]+)(\?(.*))?$'
        [[ "$DATABASE_URL" =~ $re ]] \
            || die "DATABASE_URL is not of the form postgresql://user:password@host:port/db (value not shown)"
        export PGUSER="$(urldecode "${BASH_REMATCH[3]}")"
        export PGPASSWORD="$(urldecode "${BASH_REMATCH[5]}")"
        export PGHOST="${BASH_REMATCH[6]}"
        export PGPORT="${BASH_REMATCH[8]:-5432}"
        export PGDATABASE="$(urldecode "${BASH_REMATCH[9]}")"
        local query="${BASH_REMATCH[11]}" kv
        local IFS='&'
        for kv in $query; do
            [[ "$kv" == sslmode=* ]] && export PGSSLMODE="${kv#sslmode=}"
        done
        [[ -n "$PGUSER" ]] || unset PGUSER
        [[ -n "$PGPASSWORD" ]] || unset PGPASSWORD
    else
        local missing=()
        [[ -n "${PGHOST:-}" ]] || missing+=(PGHOST)
        [[ -n "${PGDATABASE:-}" ]] || missing+=(PGDATABASE)
        if ((${#missing[@]})); then
            die "no database configured: set DATABASE_URL, or PGHOST and PGDATABASE (missing: ${missing[*]})"
        fi
    fi
}

# The name of a database for messages: host:port/db (no user, no password).
pg_label() { echo "${PGHOST:-?}:${PGPORT:-5432}/${PGDATABASE:-?}"; }

# Checks a gzip'ed plain pg_dump: readable, gzip intact, complete dump.
# Prints the reason and returns 1 when it is not usable.
verify_sql_gz() {
    local f="$1"
    [[ -e "$f" ]] || { echo "file does not exist: $f"; return 1; }
    [[ -f "$f" && -r "$f" ]] || { echo "not a readable regular file: $f"; return 1; }
    [[ -s "$f" ]] || { echo "file is empty: $f"; return 1; }
    gzip -t "$f" 2>/dev/null || { echo "gzip data is corrupt or truncated: $f"; return 1; }
    local head tail
    # Captured first: with pipefail, an early-exiting reader would make
    # gzip die of SIGPIPE and fail the whole pipeline.
    head="$(gzip -dc "$f" 2>/dev/null | head -n 5 || true)"
    grep -q '^-- PostgreSQL database dump' <<<"$head" \
        || { echo "not a pg_dump SQL file (header missing): $f"; return 1; }
    # pg_dump writes this line last; without it the dump was cut short.
    tail="$(gzip -dc "$f" 2>/dev/null | tail -n 5 || true)"
    grep -q '^-- PostgreSQL database dump complete' <<<"$tail" \
        || { echo "dump is incomplete (no 'dump complete' trailer): $f"; return 1; }
    return 0
}

# --- compose helpers (deploy-update.sh, rollback.sh) ---------------------------
COMPOSE_DIR="${CATALYST_COMPOSE_DIR:-$REPO_ROOT/compose}"
# Start order of the deployment; each waits for the previous tier to be healthy.
START_ORDER=(postgres redis scanner pattern technical news risk trading reporting workflow orchestration nginx)

compose_cmd() {
    if docker compose version >/dev/null 2>&1; then
        COMPOSE=(docker compose)
    elif command -v docker-compose >/dev/null 2>&1; then
        COMPOSE=(docker-compose)
    else
        die "neither 'docker compose' nor 'docker-compose' is installed"
    fi
    COMPOSE+=(--project-directory "$COMPOSE_DIR" -f "$COMPOSE_DIR/docker-compose.yml")
}

# Reads one KEY=VALUE from compose/.env without sourcing (it may hold secrets).
env_value() {
    local key="$1" default="${2:-}" v
    v="$(grep -E "^${key}=" "$COMPOSE_DIR/.env" 2>/dev/null | tail -n 1 | cut -d= -f2-)"
    v="${v%\"}"; v="${v#\"}"
    echo "${v:-$default}"
}
