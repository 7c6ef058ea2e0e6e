#!/usr/bin/env bash
# Integration test of the Catalyst nginx site configuration.
#
# Starts a real nginx (installed with apt-get when missing) on free high ports
# of 127.0.0.1 with a self-signed certificate made here, in front of
#   UPSTREAM=host:port   an already running gateway (then CATALYST_API_KEY must
#                        be its key), or by default a python3 stub started here,
# and checks with curl/openssl: bearer key (401/200), rate limit (429), security
# headers, TLS versions, HTTP->HTTPS redirect, SSE pass-through (stub only), and
# that only exactly /mcp and /health are published: /api/v1, actuator, Hawtio
# and every '..', '..;', ';', percent-encoded or doubled-slash variant answer 404
# (stub only: and never reach the upstream).
# Exits 0 when all pass; otherwise non-zero naming each failed check.
set -euo pipefail

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
nginx_dir="$(cd "$here/.." && pwd)"

die() { echo "nginx-test: FATAL: $*" >&2; exit 1; }
failures=()
passes=0
pass() { echo "  ok   $*"; passes=$((passes + 1)); }
fail() { echo "  FAIL $*" >&2; failures+=("$*"); }

# --- prerequisites -----------------------------------------------------------
for tool in curl openssl python3 envsubst; do
    command -v "$tool" >/dev/null || die "$tool is required but not installed"
done
if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
    echo "nginx-test: nginx not found, installing it with apt-get"
    [[ $(id -u) -eq 0 ]] || die "nginx is missing and installing it needs root"
    export DEBIAN_FRONTEND=noninteractive
    # A fresh machine may have no package lists yet.
    apt-get install -y -qq nginx >/dev/null 2>&1 \
        || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; } \
        || die "apt-get install nginx failed"
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
"$NGINX" -v 2>&1 | sed 's/^/nginx-test: /'

# --- scratch area and cleanup --------------------------------------------------
work="$(mktemp -d /tmp/catalyst-nginx-test.XXXXXX)"
# nginx workers run as an unprivileged user and must traverse this directory.
chmod 755 "$work"
stub_pid=""
cleanup() {
    if [[ -s "$work/nginx.pid" ]]; then
        kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
        # Give the master a moment to stop its workers before the dir goes.
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            [[ -e "$work/nginx.pid" ]] || break
            sleep 0.2
        done
    fi
    [[ -n "$stub_pid" ]] && kill "$stub_pid" 2>/dev/null || true
    [[ -n "${tls11_pid:-}" ]] && kill "$tls11_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Ask the kernel for free ports so parallel runs or busy machines don't collide.
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
https_port="$(free_port)"
http_port="$(free_port)"
while [[ "$http_port" == "$https_port" ]]; do http_port="$(free_port)"; done

# --- upstream ------------------------------------------------------------------
if [[ -n "${UPSTREAM:-}" ]]; then
    using_stub=0
    [[ -n "${CATALYST_API_KEY:-}" ]] || die "UPSTREAM is set, so CATALYST_API_KEY (the gateway's key) must be set too"
    api_key="$CATALYST_API_KEY"
    upstream="$UPSTREAM"
else
    using_stub=1
    api_key="test-$(openssl rand -hex 16)"
    stub_port="$(free_port)"
    stub_log="$work/upstream-requests.log"
    : > "$stub_log"
    python3 "$here/upstream_stub.py" "$stub_port" "$stub_log" &
    stub_pid=$!
    upstream="127.0.0.1:$stub_port"
    for _ in $(seq 1 50); do
        curl -fsS -o /dev/null "http://$upstream/health" 2>/dev/null && break
        sleep 0.1
    done
    curl -fsS -o /dev/null "http://$upstream/health" || die "upstream stub did not start on $upstream"
fi
echo "nginx-test: upstream $upstream ($([[ $using_stub == 1 ]] && echo stub || echo external)), https 127.0.0.1:$https_port, http 127.0.0.1:$http_port"

# --- certificate ---------------------------------------------------------------
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$work/key.pem" -out "$work/cert.pem" >/dev/null 2>&1 \
    || die "openssl could not make a test certificate"

# --- render and start nginx ------------------------------------------------------
CATALYST_API_KEY="$api_key" CATALYST_UPSTREAM="$upstream" \
NGINX_TLS_CERT="$work/cert.pem" NGINX_TLS_KEY="$work/key.pem" \
NGINX_HTTP_PORT="$http_port" NGINX_HTTPS_PORT="$https_port" NGINX_LISTEN_ADDR=127.0.0.1 \
    "$nginx_dir/render-config.sh" "$work/site" >/dev/null \
    || die "render-config.sh failed"

cat > "$work/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 256; }
http {
    access_log $work/access.log;
    client_body_temp_path $work/tmp/body;
    proxy_temp_path $work/tmp/proxy;
    fastcgi_temp_path $work/tmp/fastcgi;
    uwsgi_temp_path $work/tmp/uwsgi;
    scgi_temp_path $work/tmp/scgi;
    include $work/site/catalyst.conf;
}
EOF
mkdir -p "$work/tmp"
"$NGINX" -t -p "$work" -e "$work/error.log" -c "$work/nginx.conf" >"$work/nginx-t.log" 2>&1 \
    || { cat "$work/nginx-t.log" >&2; die "nginx -t rejected the rendered configuration"; }
"$NGINX" -p "$work" -e "$work/error.log" -c "$work/nginx.conf" \
    || { cat "$work/error.log" >&2; die "nginx did not start"; }
for _ in $(seq 1 50); do
    [[ -s "$work/nginx.pid" ]] && curl -s -o /dev/null "http://127.0.0.1:$http_port/" && break
    sleep 0.1
done

base="https://127.0.0.1:$https_port"
# Verify the served certificate against the one made above (no -k).
CURL=(curl -sS --cacert "$work/cert.pem" --max-time 10)
init_body='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"nginx-test","version":"1"}}}'
mcp_post() { # mcp_post OUTFILE [curl args...] -> prints the HTTP status
    local out="$1"; shift
    "${CURL[@]}" -o "$out" -D "$out.headers" -w '%{http_code}' -X POST "$base/mcp" \
        -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
        --data "$init_body" "$@" || echo "curl-error"
}
header_of() { # header_of FILE NAME -> value of the header (case-insensitive), trimmed
    awk -v n="$(echo "$2" | tr 'A-Z' 'a-z')" 'BEGIN{FS=": "} {k=tolower($1)} k==n {sub(/^[^:]*: /,""); sub(/\r$/,""); print; exit}' "$1"
}

echo "nginx-test: checks"

# --- bearer key ----------------------------------------------------------------
code="$(mcp_post "$work/r1")"
[[ "$code" == 401 ]] && pass "no Authorization -> 401" || fail "no Authorization: expected 401, got $code"
www="$(header_of "$work/r1.headers" WWW-Authenticate)"
[[ "$www" == Bearer* ]] && pass "401 carries WWW-Authenticate: $www" || fail "401 without 'WWW-Authenticate: Bearer' (got '$www')"

code="$(mcp_post "$work/r2" -H "Authorization: Bearer wrong-$api_key")"
[[ "$code" == 401 ]] && pass "wrong key -> 401" || fail "wrong key: expected 401, got $code"

# The key must match exactly: the same key in other letter case is wrong.
swapped="$(printf '%s' "$api_key" | tr 'a-zA-Z' 'A-Za-z')"
code="$(mcp_post "$work/r3" -H "Authorization: Bearer $swapped")"
[[ "$code" == 401 ]] && pass "key in other letter case -> 401" || fail "case-changed key: expected 401, got $code"

code="$(mcp_post "$work/r4" -H "Authorization: Bearer $api_key" \
    -H 'Mcp-Session-Id: nginx-test-session' -H 'MCP-Protocol-Version: 2025-06-18')"
[[ "$code" == 200 ]] && pass "right key -> 200 from upstream" || fail "right key: expected 200, got $code ($(head -c 200 "$work/r4" 2>/dev/null))"

if [[ $using_stub == 1 ]]; then
    python3 - "$work/r4" <<'PY' && pass "Authorization, Mcp-Session-Id, MCP-Protocol-Version reach the upstream" || fail "MCP headers did not reach the upstream unchanged"
import json, sys
b = json.load(open(sys.argv[1]))
assert b["stub"] == "mcp" and b["authorization_present"], b
assert b["mcp_session_id"] == "nginx-test-session", b
assert b["mcp_protocol_version"] == "2025-06-18", b
PY
    sid="$(header_of "$work/r4.headers" Mcp-Session-Id)"
    [[ "$sid" == stub-session-1 ]] && pass "Mcp-Session-Id response header reaches the client" || fail "Mcp-Session-Id response header lost (got '$sid')"

    # SSE: the stub sends one event, waits 3 s, sends another. Unbuffered,
    # the first event arrives within 2 s; buffered, nothing would.
    "${CURL[@]}" -N --max-time 2 -H "Authorization: Bearer $api_key" -H 'Accept: text/event-stream' \
        "$base/mcp" -o "$work/sse" 2>/dev/null || true
    grep -q 'data: first' "$work/sse" && ! grep -q 'data: second' "$work/sse" \
        && pass "text/event-stream is streamed without buffering" \
        || fail "SSE was buffered: first event not received within 2 s"
fi

# --- health, unauthenticated ---------------------------------------------------
code="$("${CURL[@]}" -o "$work/h" -D "$work/h.headers" -w '%{http_code}' "$base/health" || echo curl-error)"
[[ "$code" == 200 ]] && pass "/health without key -> 200" || fail "/health: expected 200, got $code"

# --- security headers ----------------------------------------------------------
for f in "$work/h.headers" "$work/r1.headers"; do
    what="$([[ $f == *h.headers ]] && echo '/health 200' || echo '/mcp 401')"
    hsts="$(header_of "$f" Strict-Transport-Security)"
    [[ "$hsts" == *max-age=* ]] && pass "$what: Strict-Transport-Security" || fail "$what: Strict-Transport-Security missing"
    [[ "$(header_of "$f" X-Content-Type-Options)" == nosniff ]] && pass "$what: X-Content-Type-Options nosniff" || fail "$what: X-Content-Type-Options nosniff missing"
    [[ "$(header_of "$f" X-Frame-Options)" == DENY ]] && pass "$what: X-Frame-Options DENY" || fail "$what: X-Frame-Options DENY missing"
    [[ -n "$(header_of "$f" Referrer-Policy)" ]] && pass "$what: Referrer-Policy" || fail "$what: Referrer-Policy missing"
done

# --- only /mcp and /health are published ----------------------------------------
# Each target is sent as written (--path-as-is), with the right key, so a 401 cannot hide a path that got through.
denied_targets=(
    /mcp/../actuator/jolokia '/mcp/..;/actuator/jolokia' '/mcp/..;/actuator/prometheus' '/health/..;/actuator/env'
    '/mcp;x' '/mcp;jsessionid=abc' '/health;x' '/mcp/;' '/;/mcp'
    /%6Dcp /%6dcp /mc%70 /%2Fmcp /mcp%2F..%2Factuator%2Fjolokia /health%2F..%2Fapi%2Fv1%2Ftrading%2Fpositions /%68ealth
    //mcp ///mcp /mcp// //health /./mcp /mcp/. /mcp/ /mcp/x /mcpx /MCP /health/ /Health
    /health/../api/v1/trading/positions /mcp/../api/v1/trading/positions
    /api/v1/trading/execute /api/v1/trading/positions /api/v1/backtests /api/v1/risk/limits /api/v1/workflow/start
    /actuator /actuator/prometheus /actuator/health /actuator/jolokia /actuator/hawtio/ /actuator/env /hawtio/ /jolokia
    /_catalyst_mcp_auth / /index.html /favicon.ico
)
for target in "${denied_targets[@]}"; do
    for method in GET POST; do
        body=()
        [[ "$method" == POST ]] && body=(-H 'Content-Type: application/json' --data-binary '{}')
        code="$("${CURL[@]}" --path-as-is -o "$work/deny" -D "$work/deny.headers" -w '%{http_code}' -X "$method" \
            -H "Authorization: Bearer $api_key" "${body[@]}" "$base$target" 2>/dev/null || echo curl-error)"
        if [[ ( "$code" == 404 || "$code" == 403 ) ]] && ! grep -q '"stub"' "$work/deny" \
            && [[ "$(header_of "$work/deny.headers" X-Frame-Options)" == DENY ]]; then
            pass "$method $target -> $code"
        else
            fail "$method $target: expected 404 or 403 from nginx with security headers, got $code ($(head -c 120 "$work/deny" 2>/dev/null))"
        fi
    done
done
# the published targets still work with a query string
code="$("${CURL[@]}" -o "$work/q" -w '%{http_code}' -X POST -H "Authorization: Bearer $api_key" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' --data "$init_body" "$base/mcp?probe=1" || echo curl-error)"
[[ "$code" == 200 ]] && pass "/mcp?probe=1 with the key -> 200" || fail "/mcp?probe=1: expected 200, got $code"
code="$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$base/health?probe=1" || echo curl-error)"
[[ "$code" == 200 ]] && pass "/health?probe=1 -> 200" || fail "/health?probe=1: expected 200, got $code"
if [[ $using_stub == 1 ]]; then
    leaked="$(grep -vE '^/(mcp|health)(\?[^#]*)?$' "$stub_log" || true)"
    [[ -z "$leaked" ]] && pass "the upstream received only /mcp and /health ($(wc -l < "$stub_log") requests)" \
        || fail "targets that reached the upstream: $(echo "$leaked" | sort -u | tr '\n' ' ')"
fi

# --- plain HTTP redirect -------------------------------------------------------
redir="$(curl -sS --max-time 10 -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$http_port/mcp?x=1" || echo curl-error)"
[[ "$redir" == "301 https://127.0.0.1:$https_port/mcp?x=1" ]] && pass "HTTP -> 301 to HTTPS" \
    || fail "HTTP redirect: expected '301 https://127.0.0.1:$https_port/mcp?x=1', got '$redir'"

# --- TLS versions --------------------------------------------------------------
for v in 1.2 1.3; do
    code="$("${CURL[@]}" -o /dev/null -w '%{http_code}' --tlsv$v --tls-max $v "$base/health" || echo refused)"
    [[ "$code" == 200 ]] && pass "TLS $v accepted" || fail "TLS $v: expected 200, got $code"
done
# The client must be able to speak old TLS, or a refusal would prove nothing:
# lower OpenSSL's security level for the probe and check it against an
# openssl s_server that does allow TLS 1.1.
old_tls_probe() { # old_tls_probe PORT FLAG -> 0 when a handshake completed
    local out
    out="$(timeout 10 openssl s_client -connect "127.0.0.1:$1" "$2" -cipher 'DEFAULT:@SECLEVEL=0' </dev/null 2>&1 || true)"
    ! grep -qE 'Cipher is \(NONE\)|alert|no protocols available|handshake failure|wrong version|errno' <<<"$out" \
        && grep -qE 'Cipher is [A-Z0-9]' <<<"$out"
}
tls11_port="$(free_port)"
openssl s_server -accept "127.0.0.1:$tls11_port" -cert "$work/cert.pem" -key "$work/key.pem" \
    -tls1_1 -cipher 'DEFAULT:@SECLEVEL=0' -quiet -naccept 1 >/dev/null 2>&1 &
tls11_pid=$!
sleep 0.5
if old_tls_probe "$tls11_port" -tls1_1; then
    pass "probe can negotiate TLS 1.1 against a server allowing it"
    for flag in -tls1_1 -tls1; do
        if old_tls_probe "$https_port" "$flag"; then fail "nginx accepted ${flag#-}"; else pass "nginx refuses ${flag#-}"; fi
    done
else
    # This OpenSSL build cannot do TLS 1.1 at all; fall back to curl's view.
    code="$("${CURL[@]}" -o /dev/null -w '%{http_code}' --tlsv1.1 --tls-max 1.1 "$base/health" 2>/dev/null || echo refused)"
    [[ "$code" != 200 ]] && pass "TLS 1.1 refused (local OpenSSL cannot offer 1.1 at all)" || fail "TLS 1.1 accepted"
fi
kill "$tls11_pid" 2>/dev/null || true

# --- rate limit ----------------------------------------------------------------
# Requests above used the bucket; at 100 r/min it drains one per 0.6 s. The burst is sent in parallel, so a slow
# or busy machine cannot spread it out long enough for the bucket to refill between requests.
sleep 5
burst_dir="$work/burst"
mkdir -p "$burst_dir"
export -f mcp_post
export base init_body api_key
CURL_LINE="${CURL[*]}"
export CURL_LINE
# 40 requests with the key and 10 with a wrong one, all at once, each writing its status to a file
seq 1 50 | xargs -P 50 -I{} bash -c '
    CURL=($CURL_LINE)
    if (( {} <= 40 )); then key="$api_key"; kind=good; else key=wrong; kind=bad; fi
    mcp_post "$0/{}" -H "Authorization: Bearer $key" > "$0/{}.$kind.code"' "$burst_dir"
good_codes=(); bad_codes=()
for f in "$burst_dir"/*.good.code; do good_codes+=("$(cat "$f")"); done
for f in "$burst_dir"/*.bad.code; do bad_codes+=("$(cat "$f")"); done
n429=0; passed=0
for c in "${good_codes[@]}"; do
    if [[ "$c" == 429 ]]; then n429=$((n429 + 1)); elif [[ "$c" == 200 ]]; then passed=$((passed + 1)); fi
done
echo "       status codes of 40 keyed requests sent at once: ${good_codes[*]}"
echo "       status codes of 10 wrong-key requests in the same burst: ${bad_codes[*]}"
# 50 requests against 1 + burst 20 tokens: at least 21 keyed or wrong-key requests pass the limiter
non_limited=$(( passed + $(printf '%s\n' "${bad_codes[@]}" | grep -c '^401$' || true) ))
(( non_limited >= 21 )) && pass "the burst of 20 is honoured ($non_limited requests passed the limiter)" || fail "only $non_limited requests passed the limiter; the burst allows 21"
[[ $n429 -ge 1 ]] && pass "$n429 of 40 keyed requests answered 429 past the burst" || fail "no 429 among 40 keyed requests sent at once"
bad429=$(printf '%s\n' "${bad_codes[@]}" | grep -c '^429$' || true)
(( bad429 >= 1 )) && pass "limit applies before the key check ($bad429 wrong-key requests got 429)" || fail "wrong key during limit: no 429 among ${bad_codes[*]}"
rl_headers="$(ls "$burst_dir"/*.headers | while read -r h; do grep -q ' 429' "$h" && echo "$h" && break; done)"
[[ -n "$rl_headers" && "$(header_of "$rl_headers" X-Frame-Options)" == DENY ]] && pass "429 carries security headers" || fail "429 lacks security headers"
code="$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$base/health" || echo curl-error)"
[[ "$code" == 200 ]] && pass "/health not rate limited" || fail "/health during /mcp limit: expected 200, got $code"

# --- verdict ---------------------------------------------------------------------
if ((${#failures[@]})); then
    echo "nginx-test: error log tail:" >&2
    tail -n 20 "$work/error.log" >&2 || true
    echo "nginx-test: FAILED ${#failures[@]} check(s):" >&2
    printf '  - %s\n' "${failures[@]}" >&2
    echo "nginx-test: ${passes} passed, ${#failures[@]} failed"
    exit 1
fi
echo "nginx-test: ${passes} passed, 0 failed"
