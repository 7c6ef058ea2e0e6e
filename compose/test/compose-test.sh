#!/usr/bin/env bash
# Static test of compose/docker-compose.yml, compose/.env.example and
# compose/Dockerfile. Needs no Docker engine: the file is parsed with
# `docker compose config` (v2 plugin) or `docker-compose config` (Debian's
# docker-compose package, installed here with apt-get when neither exists),
# with throw-away random secrets, and the parsed result is checked:
#   - the nine bundles exist on their seed ports, one image, CATALYST_BUNDLES
#   - health checks on /health, restart: unless-stopped, log volumes
#   - depends_on with condition service_healthy in the documented start order
#   - inter-service URLs, Hawtio authentication switched on with the operator
#     login from the env file
#   - prometheus scrapes the nine services and loads the alert rules; grafana
#     provisions its data source and the dashboard, whose uid matches
#   - no secret value written in the file; secrets come from the env file;
#     .env.example documents every variable; a missing secret stops compose
#   - each service gets exactly the secrets it uses (searched by value in its
#     whole parsed definition): Alpaca keys to the nine bundles, the API key to
#     orchestration and nginx, the service-token secret, Hawtio login and
#     metrics token to the nine bundles, the metrics token to prometheus (as
#     the scrape's credentials file), and nothing to the others
# Exits non-zero naming each failed check.
set -euo pipefail

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
    sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
compose_dir="$(cd "$here/.." && pwd)"
file="$compose_dir/docker-compose.yml"
die() { echo "compose-test: FATAL: $*" >&2; exit 1; }
[[ -f "$file" ]] || die "$file not found"

# --- a compose implementation ---------------------------------------------------
compose=()
if docker compose version >/dev/null 2>&1; then
    compose=(docker compose)
elif command -v docker-compose >/dev/null; then
    compose=(docker-compose)
else
    echo "compose-test: no docker compose found, installing Debian's docker-compose"
    [[ $(id -u) -eq 0 ]] || die "docker compose is missing and installing it needs root"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq docker-compose >/dev/null 2>&1 \
        || { apt-get update -qq && apt-get install -y -qq docker-compose >/dev/null; } \
        || die "apt-get install docker-compose failed"
    compose=(docker-compose)
fi
echo "compose-test: using '${compose[*]}' ($("${compose[@]}" version 2>/dev/null | head -n1))"

# --- a python3 with PyYAML --------------------------------------------------------
py=""
for cand in python3 /usr/bin/python3; do
    if command -v "$cand" >/dev/null && "$cand" -c 'import yaml' 2>/dev/null; then py="$cand"; break; fi
done
if [[ -z "$py" ]]; then
    echo "compose-test: installing python3-yaml"
    apt-get install -y -qq python3-yaml >/dev/null 2>&1 || die "no python3 with PyYAML and apt-get install python3-yaml failed"
    py=/usr/bin/python3
fi

work="$(mktemp -d /tmp/catalyst-compose-test.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# Random secrets: they must show up where they belong in the parsed file,
# which proves they come from the env file and not from the compose file.
rand() { "$py" -c 'import secrets;print(secrets.token_hex(20))'; }
pg_pw="pw$(rand)"; api_key="key$(rand)"; token_secret="tok$(rand)"; hawtio_pw="hw$(rand)"; grafana_pw="gf$(rand)"
alpaca_key="ak$(rand)"; alpaca_secret="as$(rand)"; metrics_token="mt$(rand)"
cat > "$work/test.env" <<EOF
COMPOSE_PROJECT_NAME=catalyst
POSTGRES_USER=catalyst
POSTGRES_PASSWORD=$pg_pw
POSTGRES_DB=catalyst
CATALYST_API_KEY=$api_key
CATALYST_SERVICE_TOKEN_SECRET=$token_secret
CATALYST_HAWTIO_USER=ops-$("$py" -c 'import secrets;print(secrets.token_hex(4))')
CATALYST_HAWTIO_PASSWORD=$hawtio_pw
GRAFANA_ADMIN_PASSWORD=$grafana_pw
ALPACA_API_KEY=$alpaca_key
ALPACA_SECRET_KEY=$alpaca_secret
CATALYST_METRICS_TOKEN=$metrics_token
EOF

# Run compose with a clean environment so exported shell variables
# (which override the env file) cannot change the result.
run_config() { # run_config ENV_FILE OUT
    env -i PATH="$PATH" HOME="${HOME:-/root}" "${compose[@]}" -f "$file" --env-file "$1" config >"$2" 2>"$2.err"
}
run_config "$work/test.env" "$work/parsed.yml" \
    || { cat "$work/parsed.yml.err" >&2; die "'${compose[*]} config' rejected docker-compose.yml"; }
echo "compose-test: '${compose[*]} config' accepted the file"

# A missing secret must stop compose and be named.
grep -v '^POSTGRES_PASSWORD=' "$work/test.env" > "$work/missing.env"
missing_named=0
if ! run_config "$work/missing.env" "$work/missing.yml" && grep -q POSTGRES_PASSWORD "$work/missing.yml.err"; then
    missing_named=1
fi

grep -v '^CATALYST_HAWTIO_PASSWORD=' "$work/test.env" > "$work/missing-hawtio.env"
hawtio_missing_named=0
if ! run_config "$work/missing-hawtio.env" "$work/missing-hawtio.yml" && grep -q CATALYST_HAWTIO_PASSWORD "$work/missing-hawtio.yml.err"; then
    hawtio_missing_named=1
fi

grep -v '^CATALYST_METRICS_TOKEN=' "$work/test.env" > "$work/missing-metrics.env"
metrics_missing_named=0
if ! run_config "$work/missing-metrics.env" "$work/missing-metrics.yml" && grep -q CATALYST_METRICS_TOKEN "$work/missing-metrics.yml.err"; then
    metrics_missing_named=1
fi

"$py" - "$file" "$work/parsed.yml" "$compose_dir/.env.example" "$compose_dir/Dockerfile" \
    "$pg_pw" "$api_key" "$token_secret" "$alpaca_key" "$alpaca_secret" "$missing_named" \
    "$compose_dir/.env" "$hawtio_pw" "$hawtio_missing_named" "$work/test.env" "$grafana_pw" \
    "$metrics_token" "$metrics_missing_named" <<'PY'
import glob, json, os, re, sys
import yaml

(raw_path, parsed_path, example_path, dockerfile_path, pg_pw, api_key, token_secret,
 alpaca_key, alpaca_secret, missing_named, real_env_path, hawtio_pw, hawtio_missing_named, test_env_path,
 grafana_pw, metrics_token, metrics_missing_named) = sys.argv[1:]
raw_text = open(raw_path).read()
raw = yaml.safe_load(raw_text)
cfg = yaml.safe_load(open(parsed_path))
svcs = cfg.get("services", {})
hawtio_user = dict(l.strip().split("=", 1) for l in open(test_env_path) if "=" in l)["CATALYST_HAWTIO_USER"]

passed, failed = 0, []
def check(cond, what):
    global passed
    if cond:
        passed += 1
        print(f"  ok   {what}")
    else:
        failed.append(what)
        print(f"  FAIL {what}", file=sys.stderr)

SEED = {"orchestration": 5000, "scanner": 5001, "pattern": 5002, "technical": 5003,
        "risk": 5004, "trading": 5005, "news": 5008, "reporting": 5009, "workflow": 5010}
LEAVES = ["scanner", "pattern", "technical", "news", "risk", "trading", "reporting"]
# Start tiers: a service's tier is 1 + the highest tier among what it waits for.
TIER = {"postgres": 0, "redis": 0, **{s: 1 for s in LEAVES}, "workflow": 2,
        "orchestration": 3, "nginx": 4, "prometheus": 0, "grafana": 1}

def env_of(svc):
    e = svc.get("environment") or {}
    if isinstance(e, list):  # KEY=VALUE list form
        e = dict(x.split("=", 1) if "=" in x else (x, None) for x in e)
    return {k: ("" if v is None else str(v)) for k, v in e.items()}

def published(svc):
    """(host_ip, published, target) for each port, short or long syntax."""
    out = []
    for p in svc.get("ports") or []:
        if isinstance(p, dict):
            out.append((p.get("host_ip", ""), str(p.get("published", "")), str(p.get("target", ""))))
        else:
            s = str(p).split("/")[0]
            parts = s.split(":")
            if len(parts) == 3:
                out.append((parts[0], parts[1], parts[2]))
            elif len(parts) == 2:
                out.append(("", parts[0], parts[1]))
            else:
                out.append(("", "", parts[0]))
    return out

def hc_text(svc):
    t = (svc.get("healthcheck") or {}).get("test")
    return " ".join(t) if isinstance(t, list) else str(t or "")

def deps(svc):
    d = svc.get("depends_on") or {}
    if isinstance(d, list):
        return {k: None for k in d}
    return {k: (v or {}).get("condition") for k, v in d.items()}

# --- services, ports, image, bundles ------------------------------------------------
expected = set(SEED) | {"postgres", "redis", "nginx", "prometheus", "grafana", "kafka", "backtest-worker"}
check(expected <= set(svcs), f"services present: {sorted(expected)} (missing: {sorted(expected - set(svcs))})")
# research at scale: Kafka in KRaft mode (the official image, not published) and the sweep workers, replicated
kf = svcs.get("kafka", {})
check(str(kf.get("image", "")).startswith("apache/kafka:") and "controller" in env_of(kf).get("KAFKA_PROCESS_ROLES", "")
      and not published(kf), "kafka: the official apache/kafka image in KRaft mode (broker,controller), no published port")
bw = svcs.get("backtest-worker", {})
check(env_of(bw).get("CATALYST_BUNDLES") == "backtest-worker" and env_of(bw).get("KAFKA_BOOTSTRAP_SERVERS") == "kafka:9092"
      and int(((bw.get("deploy") or {}).get("replicas") or 0)) >= 2 and not published(bw)
      and "kafka" in deps(bw) and ":5011/health" in hc_text(bw),
      "backtest-worker: CATALYST_BUNDLES=backtest-worker, Kafka at kafka:9092, 2+ replicas, no published port, health on :5011")
check(env_of(svcs.get("workflow", {})).get("KAFKA_BOOTSTRAP_SERVERS") == "kafka:9092" and "kafka" not in deps(svcs.get("workflow", {})),
      "workflow: sends sweeps' trials to kafka:9092 without waiting for it (trading never waits for research)")
images = set()
for name, port in SEED.items():
    s = svcs.get(name)
    if s is None:
        continue
    e = env_of(s)
    images.add(s.get("image"))
    check(e.get("CATALYST_BUNDLES") == name, f"{name}: CATALYST_BUNDLES={name}")
    check(e.get("SERVER_PORT") == str(port), f"{name}: SERVER_PORT={port}")
    check(any(t == str(port) and pub == str(port) for _, pub, t in published(s)),
          f"{name}: seed port {port} published as {port}")
    check(all(ip == "127.0.0.1" for ip, _, _ in published(s)),
          f"{name}: port published on 127.0.0.1 only (actuator/Hawtio not exposed)")
    check("/health" in hc_text(s) and f":{port}/health" in hc_text(s),
          f"{name}: health check on :{port}/health")
    check("curl" in hc_text(s) or "wget" in hc_text(s), f"{name}: health check uses curl/wget")
    vols = [v if isinstance(v, str) else f"{v.get('source')}:{v.get('target')}" for v in s.get("volumes") or []]
    check(any(":/app/logs" in v for v in vols), f"{name}: log volume on /app/logs")
    check("HAWTIO_AUTHENTICATION_ENABLED" not in e and "hawtio.authenticationEnabled" not in e.get("JAVA_OPTS", ""),
          f"{name}: Hawtio's own login left off (the security chain asks for the operator's login)")
    check(e.get("CATALYST_HAWTIO_USER") == hawtio_user and e.get("CATALYST_HAWTIO_PASSWORD") == hawtio_pw,
          f"{name}: Hawtio operator login (CATALYST_HAWTIO_USER/PASSWORD) comes from the env file")
    for other, oport in SEED.items():
        key = f"CATALYST_SERVICES_{other.upper()}_URL"
        if e.get(key) != f"http://{other}:{oport}":
            check(False, f"{name}: {key}=http://{other}:{oport} (got {e.get(key)!r})")
            break
    else:
        check(True, f"{name}: CATALYST_SERVICES_<BUNDLE>_URL for all nine bundles")
    check(e.get("DATABASE_URL", "").startswith("postgresql://") and "@postgres:5432/" in e.get("DATABASE_URL", ""),
          f"{name}: DATABASE_URL points at the postgres service")
    check(e.get("REDIS_URL", "").startswith("redis://redis:6379"), f"{name}: REDIS_URL points at the redis service")
check(len(images) == 1 and None not in images, f"the nine bundles share one image ({images})")

check(str(svcs.get("postgres", {}).get("image", "")).startswith("postgres:15"), "postgres is PostgreSQL 15")
check(str(svcs.get("redis", {}).get("image", "")).startswith("redis:7"), "redis is Redis 7")
ng = svcs.get("nginx", {})
check({t for _, _, t in published(ng)} >= {"443", "80"}, "nginx publishes 443 and 80")
check(env_of(ng).get("CATALYST_UPSTREAM") == "orchestration:5000", "nginx upstream is orchestration:5000")
check(any("/opt/catalyst-nginx" in (v if isinstance(v, str) else str(v.get("target")))
          for v in ng.get("volumes") or []), "nginx mounts the repository's nginx/ directory")

# --- health checks, restart policy on everything ----------------------------------------
for name in sorted(expected & set(svcs)):
    s = svcs[name]
    check(bool(hc_text(s)) and not (s.get("healthcheck") or {}).get("disable"), f"{name}: has a health check")
    check(s.get("restart") == "unless-stopped", f"{name}: restart unless-stopped")

# --- dependencies and start order ---------------------------------------------------------
for name in sorted(expected & set(svcs)):
    d = deps(svcs[name])
    bad = [k for k, c in d.items() if c != "service_healthy"]
    check(not bad, f"{name}: every depends_on is condition service_healthy (not: {bad})")
for leaf in LEAVES:
    check(set(deps(svcs.get(leaf, {}))) == {"postgres", "redis"}, f"{leaf} waits for postgres and redis")
check(set(deps(svcs.get("workflow", {}))) == set(LEAVES), "workflow waits for the seven leaf bundles")
check("workflow" in deps(svcs.get("orchestration", {})), "orchestration waits for workflow")
check("orchestration" in deps(svcs.get("nginx", {})), "nginx waits for orchestration")
check(not deps(svcs.get("postgres", {})) and not deps(svcs.get("redis", {})), "postgres and redis wait for nothing")

def tier(name, seen=()):
    if name in seen:
        raise ValueError(f"dependency cycle through {name}")
    d = deps(svcs.get(name, {}))
    return 0 if not d else 1 + max(tier(x, seen + (name,)) for x in d)
try:
    got = {n: tier(n) for n in TIER if n in svcs}
    check(got == TIER, f"start tiers postgres,redis < 7 leaves < workflow < orchestration < nginx (got {got})")
except ValueError as e:
    check(False, str(e))

# --- Prometheus and Grafana ---------------------------------------------------------------------
compose_dir = os.path.dirname(os.path.abspath(raw_path))
def mounts(svc):
    """(host path or volume name, container path) of each volume, short or long syntax."""
    out = []
    for v in svc.get("volumes") or []:
        if isinstance(v, dict):
            out.append((str(v.get("source") or ""), str(v.get("target") or "")))
        else:
            parts = str(v).split(":")
            out.append((parts[0], parts[1] if len(parts) > 1 else parts[0]))
    return out
def host(src):
    return os.path.normpath(src if os.path.isabs(src) else os.path.join(compose_dir, src))
def is_path(src):
    return src.startswith((".", "/", "~"))
def load_yaml(path, what):
    try:
        with open(path) as f:
            return yaml.safe_load(f)
    except Exception as e:  # missing or malformed: a failed check, not a crash
        check(False, f"{what} {path} parses ({e})")
        return None

pr = svcs.get("prometheus", {})
gr = svcs.get("grafana", {})
check(str(pr.get("image", "")).startswith("prom/prometheus:"), f"prometheus image is prom/prometheus ({pr.get('image')})")
check(str(gr.get("image", "")).startswith("grafana/"), f"grafana image is Grafana's ({gr.get('image')})")
for name, port in [("prometheus", "9090"), ("grafana", "3000")]:
    s = svcs.get(name, {})
    check(any(t == port for _, _, t in published(s)) and all(ip == "127.0.0.1" for ip, _, _ in published(s)),
          f"{name}: port {port} published on 127.0.0.1 only")
    check(any(not is_path(src) and src for src, _ in mounts(s)), f"{name}: data on a named volume")

cmd = pr.get("command") or []
cmd = cmd.split() if isinstance(cmd, str) else [str(c) for c in cmd]
config_arg = next((c.split("=", 1)[1] for c in cmd if c.startswith("--config.file=")), "")
config_dir = next((host(src) for src, tgt in mounts(pr) if is_path(src) and config_arg.startswith(tgt.rstrip("/") + "/")), None)
check(config_dir == os.path.join(compose_dir, "prometheus"),
      f"prometheus: --config.file ({config_arg}) is in compose/prometheus, mounted into the container ({config_dir})")
prom = None
if config_dir:
    mounted_at = next(tgt for src, tgt in mounts(pr) if is_path(src) and host(src) == config_dir)
    prom_path = os.path.join(config_dir, os.path.relpath(config_arg, mounted_at))
    prom = load_yaml(prom_path, "prometheus config")
if prom:
    rule_files = [os.path.join(config_dir, r) for r in prom.get("rule_files") or []]
    check(os.path.join(config_dir, "catalyst-alerts.yml") in rule_files and all(os.path.isfile(r) for r in rule_files),
          f"prometheus loads catalyst-alerts.yml beside its config ({prom.get('rule_files')})")
    for r in rule_files:
        rules = load_yaml(r, "rule file") or {}
        check(bool(rules.get("groups")), f"{os.path.basename(r)} has rule groups")
    jobs = {j.get("job_name"): j for j in prom.get("scrape_configs") or []}
    job = jobs.get("catalyst", {})
    check(job.get("metrics_path") == "/actuator/prometheus", "prometheus job catalyst scrapes /actuator/prometheus")
    targets = {t for sc in job.get("static_configs") or [] for t in sc.get("targets") or []}
    want = {f"{n}:{p}" for n, p in SEED.items()}
    check(targets == want, f"prometheus job catalyst scrapes the nine services on their seed ports "
          f"(missing {sorted(want - targets)}, extra {sorted(targets - want)})")
    check(all(t.split(":")[0] in svcs for t in targets), "every scrape target is a compose service")

prov = next((host(src) for src, tgt in mounts(gr) if is_path(src) and tgt.rstrip("/") == "/etc/grafana/provisioning"), None)
check(prov == os.path.join(compose_dir, "grafana", "provisioning") and os.path.isdir(prov or ""),
      f"grafana: compose/grafana/provisioning mounted at /etc/grafana/provisioning ({prov})")
ds_uid = None
if prov:
    datasources = []
    for f in sorted(glob.glob(os.path.join(prov, "datasources", "*.y*ml"))):
        datasources += (load_yaml(f, "grafana datasource file") or {}).get("datasources") or []
    proms = [d for d in datasources if d.get("type") == "prometheus"]
    check(len(proms) == 1, f"grafana provisions one Prometheus data source ({len(proms)})")
    if proms:
        ds_uid = proms[0].get("uid")
        check(bool(ds_uid), "the provisioned data source has a fixed uid")
        check(proms[0].get("url") == "http://prometheus:9090" and "prometheus" in svcs,
              f"the data source points at the prometheus service ({proms[0].get('url')})")
    providers = []
    for f in sorted(glob.glob(os.path.join(prov, "dashboards", "*.y*ml"))):
        providers += (load_yaml(f, "grafana dashboard provider file") or {}).get("providers") or []
    file_providers = [p for p in providers if p.get("type", "file") == "file"]
    check(len(file_providers) >= 1, "grafana provisions dashboards from files")
    paths = [str((p.get("options") or {}).get("path", "")).rstrip("/") for p in file_providers]
    dash_files = [host(src) for src, tgt in mounts(gr) if is_path(src) and os.path.dirname(tgt.rstrip("/")) in paths]
    dash_files += [f for src, tgt in mounts(gr) if is_path(src) and tgt.rstrip("/") in paths
                   for f in glob.glob(os.path.join(host(src), "*.json"))]
    check(os.path.join(compose_dir, "grafana", "catalyst-dashboard.json") in dash_files,
          f"grafana's dashboard provider path ({paths}) holds compose/grafana/catalyst-dashboard.json")
    for f in dash_files:
        try:
            dash = json.load(open(f))
        except Exception as e:
            check(False, f"{os.path.basename(f)} parses as JSON ({e})")
            continue
        variables = {v.get("name"): v for v in (dash.get("templating") or {}).get("list") or []}
        uids = set()
        def walk(node):
            if isinstance(node, dict):
                ds = node.get("datasource")
                if isinstance(ds, dict):
                    uids.add(str(ds.get("uid")))
                elif isinstance(ds, str):
                    uids.add(ds)
                for v in node.values():
                    walk(v)
            elif isinstance(node, list):
                for v in node:
                    walk(v)
        walk(dash.get("panels") or [])
        resolved = set()
        for u in uids:
            m = re.fullmatch(r"\$\{?(\w+)}?", u)
            var = variables.get(m.group(1)) if m else None
            if var is not None:
                check(var.get("type") == "datasource" and var.get("query") == "prometheus",
                      f"{os.path.basename(f)}: variable {u} picks a Prometheus data source")
                resolved.add(str((var.get("current") or {}).get("value")))
            else:
                resolved.add(u)
        check(bool(uids) and resolved == {ds_uid},
              f"{os.path.basename(f)}: every panel's data source is the provisioned uid {ds_uid} (got {sorted(resolved)})")
check(env_of(gr).get("GF_SECURITY_ADMIN_PASSWORD") == grafana_pw, "GRAFANA_ADMIN_PASSWORD comes from the env file")
check(grafana_pw not in raw_text, "GRAFANA_ADMIN_PASSWORD value not in the file")

# --- secrets ----------------------------------------------------------------------------------
SECRET_NAME = re.compile(r"(PASSWORD|SECRET|TOKEN|API_KEY|_KEY)$")
REF = re.compile(r"^\$\{[A-Z0-9_]+(:?[-?][^}]*)?\}$")
def raw_envs(node):
    for name, s in (node.get("services") or {}).items():
        yield name, env_of(s)
for name, e in raw_envs(raw):
    for k, v in e.items():
        # A path (e.g. NGINX_TLS_KEY) names a file holding the secret: fine.
        if SECRET_NAME.search(k) and not v.startswith("/"):
            check(REF.match(v) is not None, f"{name}: {k} in the file is only a ${{...}} reference")
    if "DATABASE_URL" in e:
        m = re.match(r"^postgresql://(\$\{[^}]*\}|[^:@]+):(.+?)@postgres", e["DATABASE_URL"])
        check(bool(m) and REF.match(m.group(2)) is not None, f"{name}: password in DATABASE_URL is a ${{...}} reference")
for label, val in [("POSTGRES_PASSWORD", pg_pw), ("CATALYST_API_KEY", api_key),
                   ("CATALYST_SERVICE_TOKEN_SECRET", token_secret)]:
    check(val not in raw_text, f"{label} value not in the file")
parsed_text = open(parsed_path).read()
check(f":{pg_pw}@postgres:5432/" in parsed_text and env_of(svcs.get("postgres", {})).get("POSTGRES_PASSWORD") == pg_pw,
      "POSTGRES_PASSWORD comes from the env file (postgres and DATABASE_URL)")
check(all(env_of(svcs.get(n, {})).get("CATALYST_API_KEY") == api_key for n in SEED)
      and env_of(ng).get("CATALYST_API_KEY") == api_key, "CATALYST_API_KEY comes from the env file (the nine bundles, nginx)")
check(all(env_of(svcs.get(n, {})).get("CATALYST_SERVICE_TOKEN_SECRET") == token_secret for n in SEED),
      "CATALYST_SERVICE_TOKEN_SECRET comes from the env file (all nine)")
check(all(env_of(svcs.get(n, {})).get("ALPACA_API_KEY") == alpaca_key
          and env_of(svcs.get(n, {})).get("ALPACA_SECRET_KEY") == alpaca_secret for n in SEED),
      "ALPACA_API_KEY / ALPACA_SECRET_KEY come from the env file (all nine: on Alpaca's market each reads bars and the calendar)")
check(all(env_of(svcs.get(n, {})).get("CATALYST_METRICS_TOKEN") == metrics_token for n in SEED)
      and env_of(svcs.get("prometheus", {})).get("CATALYST_METRICS_TOKEN") == metrics_token,
      "CATALYST_METRICS_TOKEN comes from the env file (the nine bundles, prometheus)")
check(metrics_missing_named == "1", "a missing CATALYST_METRICS_TOKEN stops compose and is named")
check(metrics_token not in raw_text, "CATALYST_METRICS_TOKEN value not in the file")

# Which service holds which secret, by value anywhere in its parsed definition (environment, command, entrypoint,
# labels, ...): exactly the ones it uses, so a secret added to a shared block by mistake shows here.
BUNDLES = set(SEED)
SECRET_HOLDERS = {
    "POSTGRES_PASSWORD": (pg_pw, BUNDLES | {"postgres", "backtest-worker"}),
    "CATALYST_API_KEY": (api_key, BUNDLES | {"nginx"}),
    "CATALYST_SERVICE_TOKEN_SECRET": (token_secret, BUNDLES),
    "CATALYST_HAWTIO_PASSWORD": (hawtio_pw, BUNDLES),
    "CATALYST_METRICS_TOKEN": (metrics_token, BUNDLES | {"prometheus"}),
    "ALPACA_API_KEY": (alpaca_key, BUNDLES),
    "ALPACA_SECRET_KEY": (alpaca_secret, BUNDLES),
    "GRAFANA_ADMIN_PASSWORD": (grafana_pw, {"grafana"}),
}
for label, (value, want) in SECRET_HOLDERS.items():
    have = {n for n, s in svcs.items() if value in yaml.safe_dump(s)}
    check(have == want, f"{label} is given to {sorted(want)} only (got {sorted(have)})")
for n in sorted(svcs):
    held = sorted(label for label, (value, _) in SECRET_HOLDERS.items() if value in yaml.safe_dump(svcs[n]))
    print(f"       {n}: {', '.join(held) or 'no secret'}")

# Prometheus sends the metrics token from a file its entrypoint writes from the variable, on a tmpfs.
if prom:
    auth = (jobs.get("catalyst") or {}).get("authorization") or {}
    cred_file = auth.get("credentials_file", "")
    check(auth.get("type", "Bearer") == "Bearer" and cred_file.startswith("/"),
          f"prometheus job catalyst sends a bearer token from an absolute credentials_file ({cred_file!r})")
    entry = pr.get("entrypoint") or []
    entry = " ".join(entry) if isinstance(entry, list) else str(entry)
    check(f"> {cred_file}" in entry and "CATALYST_METRICS_TOKEN" in entry and "exec /bin/prometheus" in entry,
          f"prometheus' entrypoint writes CATALYST_METRICS_TOKEN to {cred_file} and then runs prometheus")
    tmpfs = pr.get("tmpfs") or []
    tmpfs = [tmpfs] if isinstance(tmpfs, str) else tmpfs
    check(any(cred_file.startswith(t.split(":")[0].rstrip("/") + "/") for t in tmpfs),
          f"the credentials file is on a tmpfs, not in a volume ({tmpfs})")
    check("credentials:" not in open(prom_path).read().replace("credentials_file:", ""),
          "no token written in prometheus.yml")
check(missing_named == "1", "a missing POSTGRES_PASSWORD stops compose and is named")
check(hawtio_missing_named == "1", "a missing CATALYST_HAWTIO_PASSWORD stops compose and is named")
check(hawtio_pw not in raw_text, "CATALYST_HAWTIO_PASSWORD value not in the file")

# Values of .env.example and, when present, the operator's real .env must not be in the file.
def env_file(path):
    out = {}
    for line in open(path):
        line = line.strip()
        if line and not line.startswith("#"):
            k, _, v = line.partition("=")
            out[k.strip()] = v.strip()
    return out
example = env_file(example_path)
for path in [example_path] + ([real_env_path] if os.path.exists(real_env_path) else []):
    for k, v in env_file(path).items():
        if SECRET_NAME.search(k) and v:
            check(v not in raw_text, f"{k} value from {os.path.basename(path)} not in the file")

# --- .env.example documents every variable ------------------------------------------------------
code_only = "\n".join(l for l in raw_text.splitlines() if not l.lstrip().startswith("#"))
used = set(re.findall(r"\$\{([A-Z0-9_]+)", code_only))
check(used <= set(example), f".env.example documents every variable used (missing: {sorted(used - set(example))})")
for k in ["POSTGRES_PASSWORD", "CATALYST_API_KEY", "CATALYST_SERVICE_TOKEN_SECRET", "CATALYST_HAWTIO_USER", "CATALYST_HAWTIO_PASSWORD", "ALPACA_API_KEY",
          "ALPACA_SECRET_KEY", "CATALYST_MARKET_ADAPTER", "CATALYST_BROKER_ADAPTER", "CATALYST_NEWS_ADAPTER", "CATALYST_METRICS_TOKEN"]:
    check(k in example, f".env.example has {k}")
placeholder = example.get("CATALYST_METRICS_TOKEN", "")
check(placeholder.startswith("change-me") and len(placeholder) >= 32,
      f".env.example's CATALYST_METRICS_TOKEN is an obvious placeholder of at least 32 characters ({placeholder!r})")

# --- Dockerfile -----------------------------------------------------------------------------------
df = open(dockerfile_path).read()
check(re.search(r"^FROM eclipse-temurin:17-jre", df, re.M) is not None, "Dockerfile: eclipse-temurin:17-jre base")
check(re.search(r"^COPY .*target/catalyst\.jar", df, re.M) is not None, "Dockerfile: copies target/catalyst.jar")
user = re.findall(r"^USER\s+(\S+)", df, re.M)
check(bool(user) and user[-1] not in ("root", "0"), f"Dockerfile: runs as a non-root user ({user})")
check(re.search(r"^HEALTHCHECK .*\n?.*/health", df, re.M) is not None, "Dockerfile: HEALTHCHECK on /health")
check(re.search(r"install .*curl", df) is not None, "Dockerfile: installs curl for the health check")

print(f"compose-test: {passed} passed, {len(failed)} failed")
if failed:
    print("compose-test: FAILED:\n" + "\n".join(f"  - {f}" for f in failed), file=sys.stderr)
    sys.exit(1)
PY
