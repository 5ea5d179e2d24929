#!/usr/bin/env bash
# Agent selection latency (JMH sample mode, microseconds, p99 in the output) with 500 agents, 100 queues and
# 200 waiting calls: a call arriving, an agent becoming free, one agent's change in the index.
# Usage: bench/agent-selection.sh [extra JMH options, e.g. -wi 1 -i 2]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${SB_BUILD_DIR:-target-bench}"
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl queue-manager -am test-compile -DskipTests
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl queue-manager dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/queue-manager/$BUILD_DIR/bench.classpath"
# reactor modules first: the local repository may hold stale or empty snapshots of them
ROOT="$PWD"
CP="$ROOT/queue-manager/$BUILD_DIR/test-classes:$ROOT/queue-manager/$BUILD_DIR/classes:$ROOT/cti-core/$BUILD_DIR/classes"
CP="$CP:$(cat "queue-manager/$BUILD_DIR/bench.classpath")"
exec java -cp "$CP" org.openjdk.jmh.Main AgentSelectionBenchmark \
    -t 1 -f 1 -wi 2 -w 2s -i 3 -r 3s -bm sample -tu us "$@"
