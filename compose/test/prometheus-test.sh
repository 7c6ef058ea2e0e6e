#!/usr/bin/env bash
# Test of the Prometheus files in compose/prometheus with Prometheus' own promtool
# (Debian's prometheus package; installed here with apt-get when missing):
#   - promtool check rules: catalyst-alerts.yml is valid
#   - promtool test rules: catalyst-alerts.test.yml, each alert fires on the
#     series that should fire it and not on healthy ones
#   - promtool check config: prometheus.yml (scrape jobs, rule files) is valid:
#     its syntax as committed, and in full (files it names must exist) on a copy
#     whose scrape credentials file, written by the prometheus container at start
#     (/run/catalyst/metrics-token), is a stand-in token made here
# That every metric an alert reads is really served is MetricsIT's part.
# Exits non-zero naming each failed check.
set -euo pipefail

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="$(cd "$here/../prometheus" && pwd)"
die() { echo "prometheus-test: FATAL: $*" >&2; exit 1; }

if ! command -v promtool >/dev/null; then
    echo "prometheus-test: no promtool found, installing Debian's prometheus package"
    [[ $(id -u) -eq 0 ]] || die "promtool is missing and installing it needs root (apt-get install prometheus)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends prometheus >/dev/null 2>&1 \
        || { apt-get update -qq && apt-get install -y -qq --no-install-recommends prometheus >/dev/null; } \
        || die "apt-get install prometheus failed"
fi
echo "prometheus-test: using $(promtool --version 2>&1 | head -n1)"

passed=0
failed=()
run() { # run WHAT COMMAND...
    local what="$1"; shift
    local out
    if out="$(cd "$dir" && "$@" 2>&1)"; then
        passed=$((passed + 1)); echo "  ok   $what"
    else
        failed+=("$what"); echo "  FAIL $what" >&2; echo "$out" | sed 's/^/       /' >&2
    fi
}

run "promtool check rules catalyst-alerts.yml" promtool check rules catalyst-alerts.yml
run "promtool test rules catalyst-alerts.test.yml" promtool test rules catalyst-alerts.test.yml
run "promtool check config --syntax-only prometheus.yml" promtool check config --syntax-only prometheus.yml
work="$(mktemp -d /tmp/catalyst-prometheus-test.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cp "$dir"/*.yml "$work/"
printf '%s' "stand-in-metrics-token-$(date +%s%N)-for-promtool" > "$work/metrics-token"
grep -q 'credentials_file: /run/catalyst/metrics-token$' "$work/prometheus.yml" \
    && { passed=$((passed + 1)); echo "  ok   the catalyst job reads its bearer token from /run/catalyst/metrics-token"; } \
    || { failed+=("the catalyst job reads its bearer token from /run/catalyst/metrics-token"); echo "  FAIL no credentials_file /run/catalyst/metrics-token" >&2; }
sed -i "s|credentials_file: /run/catalyst/metrics-token\$|credentials_file: $work/metrics-token|" "$work/prometheus.yml"
dir_committed="$dir"
dir="$work"
run "promtool check config prometheus.yml (with a stand-in token file)" promtool check config prometheus.yml
dir="$dir_committed"

# Every alert of the rules file has at least one test that expects it to fire.
rules=$(grep -E '^\s*- alert:' "$dir/catalyst-alerts.yml" | awk '{print $3}' | sort -u)
[[ -n "$rules" ]] || die "no alert in catalyst-alerts.yml"
for alert in $rules; do
    if awk -v a="$alert" '$0 ~ "alertname: *" a "$" {name=1; next} name && /exp_alerts: *\[\]/ {name=0} name && /exp_labels:/ {print; exit}' \
        "$dir/catalyst-alerts.test.yml" | grep -q exp_labels; then
        passed=$((passed + 1)); echo "  ok   $alert has a test where it fires"
    else
        failed+=("$alert has a test where it fires"); echo "  FAIL $alert has no test where it fires" >&2
    fi
done

echo "prometheus-test: $passed passed, ${#failed[@]} failed"
if [[ ${#failed[@]} -gt 0 ]]; then
    printf 'prometheus-test: FAILED:\n' >&2
    printf '  - %s\n' "${failed[@]}" >&2
    exit 1
fi
