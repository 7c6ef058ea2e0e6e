# Ordered, health-gated (re)start of the compose services and the options, shared by
# deploy-update.sh and rollback.sh (sourced after common.sh).
# shellcheck shell=bash

DRY_RUN="${DRY_RUN:-0}"
HEALTH_TIMEOUT="${HEALTH_TIMEOUT:-300}"

# Runs a command, or only shows it with --dry-run.
run() {
    if ((DRY_RUN)); then
        echo "[dry-run] $*"
    else
        "$@"
    fi
}

# Common pre-flight: the compose CLI, compose/.env and (unless dry-run) the engine.
compose_preflight() {
    compose_cmd
    [[ -f "$COMPOSE_DIR/docker-compose.yml" ]] || die "compose file not found: $COMPOSE_DIR/docker-compose.yml"
    [[ -f "$COMPOSE_DIR/.env" ]] || die "compose/.env not found in $COMPOSE_DIR: copy compose/.env.example and fill in the secrets"
    "${COMPOSE[@]}" config -q >/dev/null || die "docker-compose.yml does not validate with compose/.env (see message above)"
    ((DRY_RUN)) || docker info >/dev/null 2>&1 || die "the Docker engine is not reachable (docker info failed)"
    IMAGE="$(env_value CATALYST_IMAGE catalyst)"
    TAG="$(env_value CATALYST_IMAGE_TAG latest)"
}

# Waits until the service's container reports healthy.
wait_healthy() {
    local svc="$1" waited=0 id state
    ((DRY_RUN)) && { echo "[dry-run] wait until $svc is healthy (max ${HEALTH_TIMEOUT}s)"; return 0; }
    while :; do
        id="$("${COMPOSE[@]}" ps -q "$svc" 2>/dev/null | head -n 1)"
        state="$( [[ -n "$id" ]] && docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id" 2>/dev/null || echo missing)"
        case "$state" in
            healthy) log "$svc is healthy"; return 0 ;;
            unhealthy|exited|dead|missing)
                # "missing"/"exited" right after up may be transient; give it the timeout.
                ;;
        esac
        if ((waited >= HEALTH_TIMEOUT)); then
            log "$svc not healthy after ${HEALTH_TIMEOUT}s (state: $state); last log lines:"
            "${COMPOSE[@]}" logs --tail 40 "$svc" >&2 || true
            return 1
        fi
        sleep 5
        waited=$((waited + 5))
    done
}

# Recreates the given services one by one in START_ORDER, each gated on health.
ordered_up() {
    local wanted=("$@") svc
    for svc in "${START_ORDER[@]}"; do
        [[ " ${wanted[*]} " == *" $svc "* ]] || continue
        log "starting $svc"
        run "${COMPOSE[@]}" up -d --no-deps --no-build "$svc"
        wait_healthy "$svc" || return 1
    done
}

# Validates a --services list against START_ORDER; prints the list.
select_services() {
    local list="$1" s
    if [[ -z "$list" ]]; then
        echo "${START_ORDER[*]}"
        return
    fi
    for s in ${list//,/ }; do
        [[ " ${START_ORDER[*]} " == *" $s "* ]] || die "unknown service '$s' (known: ${START_ORDER[*]})"
    done
    echo "${list//,/ }"
}

# Takes one of the options both scripts share (--services, --health-timeout,
# --dry-run, --help) and sets SHIFT_BY to the arguments it used; an unknown
# option stops the script.
deploy_option() {
    case "$1" in
        --services) SERVICES="${2:?--services needs a list}"; SHIFT_BY=2 ;;
        --health-timeout) HEALTH_TIMEOUT="${2:?--health-timeout needs seconds}"; SHIFT_BY=2 ;;
        --dry-run) DRY_RUN=1; SHIFT_BY=1 ;;
        -h|--help) print_help; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
}

# ordered_up, then the health check; WHAT names the step ("update",
# "rollback") and HINT says what to do when a service stays unhealthy.
deploy_in_order() {
    local what="$1" hint="$2"
    shift 2
    ordered_up "$@" || die "$what stopped: a service did not become healthy; $hint"
    log "$what complete"
    ((DRY_RUN)) || "$REPO_ROOT/scripts/health-check.sh" || true
}
