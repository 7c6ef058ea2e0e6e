#!/usr/bin/env bash
# Backs up the Catalyst PostgreSQL database as gzip'ed plain SQL (pg_dump),
# verifies the archive, and keeps only the newest N backups.
#
# Usage: backup-database.sh [--dir DIR] [--keep N] [--compose]
#   --dir DIR    backup directory (or BACKUP_DIR; default ./backups)
#   --keep N     backups of this database to keep (or BACKUP_KEEP; default 7)
#   --compose    dump through `docker compose exec postgres` (the compose
#                deployment does not publish PostgreSQL on the host)
#   -h, --help   this text
#
# Database (direct mode): DATABASE_URL=postgresql://user:password@host:port/db,
# or the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE.
# In --compose mode POSTGRES_USER and POSTGRES_DB are read from compose/.env.
# Files: <dir>/catalyst-<db>-<UTC timestamp>.sql.gz (mode 0600).
# The dump is written with --clean --if-exists, so restore-database.sh can
# replay it over an existing database.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

dir="${BACKUP_DIR:-./backups}"
keep="${BACKUP_KEEP:-7}"
via_compose=0
while (($#)); do
    case "$1" in
        --dir) dir="${2:?--dir needs a directory}"; shift 2 ;;
        --keep) keep="${2:?--keep needs a number}"; shift 2 ;;
        --compose) via_compose=1; shift ;;
        -h|--help) print_help; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || die "--keep/BACKUP_KEEP must be a positive number, got '$keep'"
need_cmd gzip date

if ((via_compose)); then
    compose_cmd
    [[ -f "$COMPOSE_DIR/.env" ]] || die "compose/.env not found in $COMPOSE_DIR (see compose/.env.example)"
    db="$(env_value POSTGRES_DB catalyst)"
    db_user="$(env_value POSTGRES_USER catalyst)"
    label="compose:postgres/$db"
    dump() { "${COMPOSE[@]}" exec -T postgres pg_dump -U "$db_user" -d "$db" --clean --if-exists --no-owner; }
else
    pg_settings
    need_cmd pg_dump
    db="$PGDATABASE"
    label="$(pg_label)"
    dump() { pg_dump --clean --if-exists --no-owner; }
fi

mkdir -p "$dir"
# Backups hold trading records: readable by the owner only.
umask 077
prefix="catalyst-${db//[^A-Za-z0-9_.-]/_}-"
stamp="$(date -u +%Y%m%dT%H%M%S%3NZ)"
final="$dir/${prefix}${stamp}.sql.gz"
partial="$final.partial"
trap 'rm -f "$partial"' EXIT

log "dumping $label to $final"
dump | gzip -9 > "$partial"
if ! reason="$(verify_sql_gz "$partial")"; then
    die "backup failed verification, nothing kept: $reason"
fi
mv "$partial" "$final"
log "verified $(du -h "$final" | cut -f1) backup: $final"

# Rotation: names sort by timestamp, so all but the last $keep go.
mapfile -t old < <(find "$dir" -maxdepth 1 -type f -name "${prefix}*.sql.gz" -printf '%f\n' | sort | head -n -"$keep")
for f in "${old[@]}"; do
    rm -f "$dir/$f"
    log "rotated out $f (keeping the newest $keep)"
done
echo "$final"
