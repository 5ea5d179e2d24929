#!/usr/bin/env bash
# Retained heap and load time of one node's ACD state: 10,000 agents (each in 5 of 2,000 queues), 2,000 queues
# (three-step workflows), 2,000 waiting calls; the router's AgentBook/AgentStats and the KpiEngine. Runs in a
# fixed 512 MiB heap to show it fits.
# Usage: bench/acd-heap.sh [agents queues waiting]   (env HEAP, default 512m; JAVA_OPTS=-Dacd.heap.histogram=true
# also prints the largest classes of live objects)
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
exec java -Xms"${HEAP:-512m}" -Xmx"${HEAP:-512m}" -XX:+UseG1GC ${JAVA_OPTS:-} -cp "$CP" io.switchboard.queue.bench.AcdHeap "$@"
