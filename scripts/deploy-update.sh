#!/usr/bin/env bash
# Rolling update of the compose deployment.
#
# Usage: deploy-update.sh [--pull] [--services LIST] [--health-timeout S] [--dry-run]
#   --pull              pull ${CATALYST_IMAGE}:${CATALYST_IMAGE_TAG} from a registry
#                       instead of building it from target/catalyst.jar
#   --services LIST     comma list to restart (default: all, in start order)
#   --health-timeout S  how long each service may take to become healthy (300)
#   --dry-run           show the docker commands instead of running them
#   -h, --help          this text
#
# Steps: check compose/.env and the compose file; tag the running image as
# ${CATALYST_IMAGE}:previous (what rollback.sh goes back to); build (or pull)
# the new image; then `up -d` service by service in the start order
#   postgres redis scanner pattern technical news risk trading reporting
#   workflow orchestration nginx
# waiting for each to be healthy before the next. Stops at the first service
# that does not become healthy and says so (then run scripts/rollback.sh).
# Settings: compose/.env (CATALYST_COMPOSE_DIR to use another compose dir).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/compose-deploy.sh"

pull=0
SERVICES=""
while (($#)); do
    case "$1" in
        --pull) pull=1; shift ;;
        *) deploy_option "$@"; shift "$SHIFT_BY" ;;
    esac
done
need_cmd docker
# not inside read's here-string: there an unknown service's die would only end the subshell
selected="$(select_services "$SERVICES")"
read -r -a targets <<<"$selected"
compose_preflight

if ((!pull)); then
    [[ -f "$REPO_ROOT/target/catalyst.jar" ]] \
        || die "target/catalyst.jar not found: build it first with ./mvnw -DskipTests package"
fi

# Keep what runs now, so rollback.sh has something to go back to.
if ((DRY_RUN)) || docker image inspect "$IMAGE:$TAG" >/dev/null 2>&1; then
    run docker tag "$IMAGE:$TAG" "$IMAGE:previous"
    log "current image kept as $IMAGE:previous"
else
    log "no current $IMAGE:$TAG image (first deployment): rollback will not be possible"
fi

if ((pull)); then
    run "${COMPOSE[@]}" pull
else
    # The nine bundles share one image, so one build is enough.
    run "${COMPOSE[@]}" build orchestration
fi

deploy_in_order update "scripts/rollback.sh restores $IMAGE:previous" "${targets[@]}"
