#!/usr/bin/env bash
# Routing decisions on one Hazelcast member against three (docs/benchmarks.md): one router, as on the node that owns
# the PBX, routes Poisson arrivals to agents whose status is in the cluster's agent-status map. Prints decisions/s,
# arrival-to-ring latency (p50, p99, max) and grid operations per decision (local, remote).
# Usage: bench/cluster-routing.sh [calls/s (500)] [seconds (20)] [warm-up seconds (5)] [agents (300)]
# MEMBERS="1 3" by default: one run per member count, each in its own JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${SB_BUILD_DIR:-target-bench}"
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl queue-manager -am test-compile -DskipTests
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl queue-manager dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/queue-manager/$BUILD_DIR/bench.classpath"
ROOT="$PWD"
CP="$ROOT/queue-manager/$BUILD_DIR/test-classes:$ROOT/queue-manager/$BUILD_DIR/classes:$ROOT/cti-core/$BUILD_DIR/classes"
CP="$CP:$(cat "queue-manager/$BUILD_DIR/bench.classpath")"
for members in ${MEMBERS:-1 3}; do
  java -Xms512m -Xmx512m -XX:+UseG1GC -cp "$CP" io.switchboard.queue.routing.ClusterRoutingBench \
      "$members" "${1:-500}" "${2:-20}" "${3:-5}" "${4:-300}" 2>/dev/null | grep '^members='
done
