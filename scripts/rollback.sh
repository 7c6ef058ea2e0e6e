#!/usr/bin/env bash
# Rolls the compose deployment back to the image deploy-update.sh kept.
#
# Usage: rollback.sh [--services LIST] [--health-timeout S] [--dry-run]
#   --services LIST     comma list to restart (default: the nine bundles and
#                       nginx, in start order; the databases are left alone)
#   --health-timeout S  how long each service may take to become healthy (300)
#   --dry-run           show the docker commands instead of running them
#   -h, --help          this text
#
# Steps: check that ${CATALYST_IMAGE}:previous exists; tag the current image
# as ${CATALYST_IMAGE}:rolled-back (for inspection); retag previous as
# ${CATALYST_IMAGE}:${CATALYST_IMAGE_TAG}; recreate the services one by one in
# start order with a health wait. The database schema is not rolled back: if
# the failed version migrated it, restore a backup (restore-database.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/compose-deploy.sh"

SERVICES="scanner,pattern,technical,news,risk,trading,reporting,workflow,orchestration,nginx"
while (($#)); do
    deploy_option "$@"
    shift "$SHIFT_BY"
done
need_cmd docker
# not inside read's here-string: there an unknown service's die would only end the subshell
selected="$(select_services "$SERVICES")"
read -r -a targets <<<"$selected"
compose_preflight

if ((!DRY_RUN)); then
    docker image inspect "$IMAGE:previous" >/dev/null 2>&1 \
        || die "no $IMAGE:previous image: nothing to roll back to (deploy-update.sh makes it)"
    docker image inspect "$IMAGE:$TAG" >/dev/null 2>&1 && docker tag "$IMAGE:$TAG" "$IMAGE:rolled-back"
else
    run docker tag "$IMAGE:$TAG" "$IMAGE:rolled-back"
fi
run docker tag "$IMAGE:previous" "$IMAGE:$TAG"
log "$IMAGE:$TAG now points at the previous image"

deploy_in_order rollback "see the log lines above" "${targets[@]}"
