#!/usr/bin/env bash
# Snapshot scan benchmark: 10,000 snapshots as Alpaca's /v2/stocks/snapshots answers them, parsed and ranked to the
# universe (docs/alpaca-market-data.md), as a ratio of a 1 s budget and of Jackson's parse alone. Offline once the
# project's dependencies are in ~/.m2; single-threaded, as the refresh thread that ranks.
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -q -o test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xms512m -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    com.catalyst.adapters.alpaca.bench.SnapshotScanBenchmark "$@"
