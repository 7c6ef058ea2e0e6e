#!/usr/bin/env bash
# Restores a backup made by backup-database.sh into the Catalyst database.
#
# Usage: restore-database.sh [--yes] [--compose] FILE.sql.gz
#   --yes        do not ask for confirmation (needed when not on a terminal)
#   --compose    restore through `docker compose exec postgres`
#   -h, --help   this text
#
# Database: DATABASE_URL, or PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE
# (in --compose mode POSTGRES_USER and POSTGRES_DB from compose/.env).
#
# Before anything touches the database the file is checked: it must exist,
# be intact gzip, and hold a complete pg_dump (header and final "dump
# complete" line). A missing or corrupt file stops here with the reason.
# The SQL is replayed in ONE transaction with ON_ERROR_STOP, so a failing
# restore leaves the database as it was. Stop the Catalyst services first
# (docker compose stop scanner ... orchestration) so nothing writes meanwhile.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

assume_yes=0
via_compose=0
file=""
while (($#)); do
    case "$1" in
        --yes|-y) assume_yes=1; shift ;;
        --compose) via_compose=1; shift ;;
        -h|--help) print_help; exit 0 ;;
        -*) die "unknown option: $1 (see --help)" ;;
        *) [[ -z "$file" ]] || die "only one backup file may be given"; file="$1"; shift ;;
    esac
done
[[ -n "$file" ]] || die "no backup file given (see --help)"
need_cmd gzip

if ((via_compose)); then
    compose_cmd
    [[ -f "$COMPOSE_DIR/.env" ]] || die "compose/.env not found in $COMPOSE_DIR (see compose/.env.example)"
    db="$(env_value POSTGRES_DB catalyst)"
    db_user="$(env_value POSTGRES_USER catalyst)"
    label="compose:postgres/$db"
    replay() { "${COMPOSE[@]}" exec -T postgres psql -U "$db_user" -d "$db" -q -X -v ON_ERROR_STOP=1 --single-transaction -f - >/dev/null; }
else
    pg_settings
    need_cmd psql
    label="$(pg_label)"
    replay() { psql -q -X -v ON_ERROR_STOP=1 --single-transaction -f - >/dev/null; }
fi

# 1. The file, before any connection is made.
if ! reason="$(verify_sql_gz "$file")"; then
    die "refusing to restore, the database was not touched: $reason"
fi
log "backup file verified: $file"

# 2. Confirmation.
if ((!assume_yes)); then
    [[ -t 0 ]] || die "not confirmed: run on a terminal or pass --yes (database $label not touched)"
    read -r -p "Replace the contents of $label with $file? Type the database name to confirm: " answer
    [[ "$answer" == "${label##*/}" ]] || die "not confirmed, nothing restored"
fi

# 3. Replay.
log "restoring $file into $label"
gzip -dc "$file" | replay || die "restore failed; the transaction was rolled back, $label is unchanged"
log "restore of $label complete"
