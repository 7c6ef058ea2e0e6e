#!/usr/bin/env bash
# MCP gateway benchmark: tools/call of a cached read tool through HTTP, the bearer key, the rate limiter (raised for the
# run), the SDK and the tool's route, against calling the same route directly, same concurrency, same run.
# The gateway is measured twice: a client that accepts JSON (answers as one JSON body) and one that accepts only SSE
# (answers as an SSE stream, the gateway's only framing before issue 16).
# Aims: >= 2,000 calls/s on 2 cores, p99 < 20 ms. Needs PostgreSQL on 127.0.0.1:5432 (CATALYST_TEST_PG) and Redis.
# Usage: bench/mcp/run.sh [clients=8] [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -q test-compile
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    com.catalyst.gateway.bench.GatewayBenchmark "$@"
