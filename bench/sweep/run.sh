#!/usr/bin/env bash
# Sweep benchmark (issue 15): trials per second of one ema-cross sweep with walk-forward folds over the real SPY
# minutes, in process on 1 thread, 2 threads and every core, each as a ratio to one thread in the same run and to
# linear scaling (aim: within 20 % of linear); every run's trials are checked identical to the first one-thread run.
# Optional argument: repetitions (default 3; median reported). Works offline once the project's dependencies are in
# ~/.m2; needs no database. One JVM; run nothing else in parallel for clean figures (docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -q -o test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xms512m -Xmx1g -XX:+UseParallelGC -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    com.catalyst.research.bench.SweepBenchmark "$@"
