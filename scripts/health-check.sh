#!/usr/bin/env bash
# Checks GET /health of every Catalyst bundle and prints a table.
#
# Usage: health-check.sh [--host HOST] [--base-url URL] [--services LIST]
#                        [--timeout SECONDS] [--strict]
#   --host HOST      host of the nine seed ports (or CATALYST_HEALTH_HOST;
#                    default 127.0.0.1): orchestration 5000, scanner 5001,
#                    pattern 5002, technical 5003, risk 5004, trading 5005,
#                    news 5008, reporting 5009, workflow 5010
#   --base-url URL   all-in-one mode: one process serves all bundles at URL
#                    (or CATALYST_BASE_URL), e.g. http://127.0.0.1:5000
#   --services LIST  comma list of bundles to check (default: all nine);
#                    NAME=URL entries check a bundle at an explicit base URL
#   --timeout S      per-request timeout (default 5)
#   --strict         count "degraded" as a failure too
#   -h, --help       this text
#
# Exit status: 0 when every checked service is healthy (or degraded, unless
# --strict); 1 when any is down or unhealthy, each named on stderr; 2 on bad
# usage.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

declare -A SEED_PORT=([orchestration]=5000 [scanner]=5001 [pattern]=5002 [technical]=5003
    [risk]=5004 [trading]=5005 [news]=5008 [reporting]=5009 [workflow]=5010)
ALL=(orchestration scanner pattern technical risk trading news reporting workflow)

host="${CATALYST_HEALTH_HOST:-127.0.0.1}"
base_url="${CATALYST_BASE_URL:-}"
services=""
timeout=5
strict=0
while (($#)); do
    case "$1" in
        --host) host="${2:?--host needs a value}"; shift 2 ;;
        --base-url) base_url="${2:?--base-url needs a value}"; shift 2 ;;
        --services) services="${2:?--services needs a value}"; shift 2 ;;
        --timeout) timeout="${2:?--timeout needs a value}"; shift 2 ;;
        --strict) strict=1; shift ;;
        -h|--help) print_help; exit 0 ;;
        *) echo "$SCRIPT_NAME: unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
need_cmd curl

# Targets: "name url" pairs.
targets=()
if [[ -n "$base_url" && -z "$services" ]]; then
    targets+=("all-in-one ${base_url%/}")
else
    all_csv="$(IFS=,; echo "${ALL[*]}")"
    IFS=',' read -r -a wanted <<<"${services:-$all_csv}"
    for s in "${wanted[@]}"; do
        s="${s// /}"
        [[ -n "$s" ]] || continue
        if [[ "$s" == *=* ]]; then
            targets+=("${s%%=*} ${s#*=}")
        elif [[ -n "$base_url" ]]; then
            targets+=("$s ${base_url%/}")
        elif [[ -n "${SEED_PORT[$s]:-}" ]]; then
            targets+=("$s http://$host:${SEED_PORT[$s]}")
        else
            echo "$SCRIPT_NAME: unknown bundle '$s' (known: ${ALL[*]})" >&2
            exit 2
        fi
    done
fi

# Pulls "key": "value" out of the flat JSON answer without needing jq.
json_field() {
    local v
    v="$(grep -o "\"$1\"[[:space:]]*:[[:space:]]*\"[^\"]*\"" <<<"$2" | head -n 1 | sed 's/.*:[[:space:]]*"\(.*\)"$/\1/' || true)"
    echo "${v:--}"
}

failed=()
printf '%-14s %-32s %-5s %-10s %-10s %-10s %s\n' SERVICE URL HTTP STATUS DATABASE REDIS VERSION
for t in "${targets[@]}"; do
    name="${t%% *}"
    url="${t#* }/health"
    body_file="$(mktemp)"
    code="$(curl -sS -o "$body_file" -w '%{http_code}' --max-time "$timeout" "$url" 2>/dev/null || true)"
    body="$(head -c 4096 "$body_file")"
    rm -f "$body_file"
    if [[ -z "$code" || "$code" == 000 ]]; then
        status="DOWN"; code="-"; db="-"; redis="-"; version="-"
    else
        status="$(json_field status "$body")"
        db="$(json_field database "$body")"
        redis="$(json_field redis "$body")"
        version="$(json_field version "$body")"
    fi
    printf '%-14s %-32s %-5s %-10s %-10s %-10s %s\n' "$name" "$url" "$code" "$status" "$db" "$redis" "$version"
    case "$status:$code" in
        healthy:200) ;;
        degraded:200) ((strict)) && failed+=("$name (degraded)") ;;
        DOWN:*) failed+=("$name (down: no answer from $url)") ;;
        unhealthy:*) failed+=("$name (unhealthy, HTTP $code)") ;;
        *) failed+=("$name (unexpected answer: HTTP $code, status '$status')") ;;
    esac
done

if ((${#failed[@]})); then
    for f in "${failed[@]}"; do echo "$SCRIPT_NAME: NOT OK: $f" >&2; done
    exit 1
fi
echo "$SCRIPT_NAME: all ${#targets[@]} checked service(s) OK"
