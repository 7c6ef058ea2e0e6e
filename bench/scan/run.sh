#!/usr/bin/env bash
# Scan benchmark: 8,000 simulated symbols x 390 one-minute bars; the scanner's filters, every indicator for every
# symbol and the pattern step for the top 100, cold and live, against the 5 s cadence; heap per symbol
# (docs/indicators.md). Works offline once the project's dependencies are in ~/.m2. Uses every core.
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -q test-compile
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xms2g -Xmx2g -XX:+UseParallelGC -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    com.catalyst.scanner.bench.ScanBenchmark "$@"
