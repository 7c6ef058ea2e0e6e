#!/usr/bin/env bash
# Stream benchmark: the minute burst of Alpaca's SIP stream with bars ["*"] (10,000 symbols) parsed by the stream's own
# parser, sanitized and folded into pre-warmed indicators, against the 60 s minute and the 250 ms aim
# (bench/stream/README.md, docs/alpaca-streams.md). Works offline once the project's dependencies are in ~/.m2.
# Runs one JVM, one thread (the stream's socket reads on one): nothing else in parallel.
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -q test-compile
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xms2g -Xmx2g -XX:+UseParallelGC -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    com.catalyst.adapters.alpaca.bench.StreamBurstBenchmark "$@"
