#!/usr/bin/env bash
# Backtest benchmark: bars per second through the backtest pipeline on the real SPY minutes and on a generated year of
# 10 symbols (982,800 bars), each as a ratio against ta4j 0.17's backtest of the cross-check strategy on the same bars
# in the same run (docs/backtesting.md). Optional argument: repetitions (default 3; median reported).
# Works offline once the project's dependencies are in ~/.m2. One JVM; run nothing else in parallel for clean figures.
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -q test-compile
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xms1g -Xmx1g -XX:+UseParallelGC -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    com.catalyst.backtest.bench.BacktestBenchmark "$@"
