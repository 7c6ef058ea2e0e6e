#!/usr/bin/env bash
# Sweep benchmark, the Kafka half (issue 15): the same ema-cross sweep (24 trials over SPY's March 2011 minutes) in
# process on one thread, then through a real Kafka broker (KRaft, embedded in the benchmark's JVM) to 1 and 2 worker
# processes of the packaged jar (CATALYST_BUNDLES=backtest-worker), as trials per second and ratios to the one-thread
# run. Aims: one worker within 10 % of in process per trial; two workers within 20 % of linear.
# Needs PostgreSQL on 127.0.0.1:5432 (CATALYST_TEST_PG); builds target/catalyst.jar. Run nothing else in parallel.
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -q -o -DskipTests package
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    com.catalyst.backtest.bench.SweepKafkaBenchmark "$@"
