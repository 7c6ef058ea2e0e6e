#!/usr/bin/env bash
# Indicator benchmark: ours vs ta4j 0.17, an 8,000-symbol market day, heap per symbol (docs/indicators.md).
# Works offline once the project's dependencies are in ~/.m2. Runs one JVM, one thread: nothing else in parallel.
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -q test-compile
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xms3g -Xmx3g -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    com.catalyst.technical.bench.IndicatorBenchmark "$@"
