#!/usr/bin/env bash
# Archives the deployment configuration: compose/.env (secrets), the compose
# file, nginx/ config, application.yaml and the routes/ directory, into
# <dir>/catalyst-config-<UTC timestamp>.tar.gz (mode 0600), verified with tar.
#
# Usage: backup-config.sh [--dir DIR] [--keep N] [--config-dir DIR]
#   --dir DIR         where archives go (or BACKUP_DIR; default ./backups)
#   --keep N          archives to keep (or BACKUP_KEEP; default 7)
#   --config-dir DIR  where the deployed application.yaml and routes/ live
#                     (or CATALYST_CONFIG_DIR); looked up also in the
#                     repository: config/, src/main/resources/
#   -h, --help        this text
#
# The archive contains secrets (compose/.env, TLS key): store it like them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

dir="${BACKUP_DIR:-./backups}"
keep="${BACKUP_KEEP:-7}"
config_dir="${CATALYST_CONFIG_DIR:-}"
while (($#)); do
    case "$1" in
        --dir) dir="${2:?--dir needs a directory}"; shift 2 ;;
        --keep) keep="${2:?--keep needs a number}"; shift 2 ;;
        --config-dir) config_dir="${2:?--config-dir needs a directory}"; shift 2 ;;
        -h|--help) print_help; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || die "--keep/BACKUP_KEEP must be a positive number, got '$keep'"
need_cmd tar gzip

# Paths are archived relative to the repository root when they are in it.
items=()
add() { # add PATH: archive it if it exists, else say it is missing
    local p="$1"
    if [[ -e "$p" ]]; then
        items+=("$p")
    else
        log "not found, skipped: $p"
    fi
}
cd "$REPO_ROOT"
add compose/.env
add compose/docker-compose.yml
add nginx
[[ -d compose/certs ]] && add compose/certs
found_app=0
for d in ${config_dir:+"$config_dir"} config src/main/resources; do
    [[ -f "$d/application.yaml" ]] || continue
    items+=("$d/application.yaml"); found_app=1
    [[ -d "$d/routes" ]] && items+=("$d/routes")
    break
done
((found_app)) || log "no application.yaml found (set CATALYST_CONFIG_DIR or --config-dir)"
for d in routes ${config_dir:+"$config_dir/routes"}; do
    [[ -d "$d" ]] && items+=("$d")
done
((${#items[@]})) || die "nothing to archive"

mkdir -p "$dir"
umask 077
out="$(cd "$dir" && pwd)/catalyst-config-$(date -u +%Y%m%dT%H%M%S%3NZ).tar.gz"
tar -czf "$out.partial" "${items[@]}"
tar -tzf "$out.partial" >/dev/null || { rm -f "$out.partial"; die "archive failed verification"; }
mv "$out.partial" "$out"
log "archived ${items[*]}"

mapfile -t old < <(find "$dir" -maxdepth 1 -type f -name 'catalyst-config-*.tar.gz' -printf '%f\n' | sort | head -n -"$keep")
for f in "${old[@]}"; do rm -f "$dir/$f"; log "rotated out $f"; done
echo "$out"
