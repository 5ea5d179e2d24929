#!/usr/bin/env bash
# Event-in to call-control-command-out through pbx-sim: from the simulated PBX sending the announcement of a new
# caller while an agent is free (UserEvent InboundCall / switchboard::inbound_call) to it taking the command that
# connects the caller (Redirect / uuid_transfer), at 200 new calls/s (Poisson), on a real server (the fat jar:
# embedded MariaDB, one Hazelcast member) over real sockets; Asterisk then FreeSWITCH. Prints p50/p99/max and the
# callers waiting for their command each second (a backlog shows as a growing count).
# Usage: bench/acd-latency.sh [calls/s measure-s warm-up-s agents queues]   (defaults 200 30 10 300 30;
# env PBX=asterisk or freeswitch for one of them; JAVA_OPTS=-Dbench.server.jfr=/abs/server.jfr profiles the server;
# SERVER_JAVA_OPTS, default a fixed 768 MiB heap as the Helm chart gives its pod (75 % of 1 GiB), replaces the
# server's JVM options; the simulator runs in a fixed 1 GiB heap: G1 sizes its young generation from the committed
# heap, and a heap that starts small collects every second or so at 200 calls/s)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${SB_BUILD_DIR:-target-bench}"
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl cti-server -am package -DskipTests
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl tests -am test-compile -DskipTests
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl tests dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/tests/$BUILD_DIR/bench.classpath"
# reactor modules first: the local repository may hold stale or empty snapshots of them
ROOT="$PWD"
CP="$ROOT/tests/$BUILD_DIR/test-classes:$ROOT/pbx-sim/$BUILD_DIR/classes:$ROOT/cti-core/$BUILD_DIR/classes"
CP="$CP:$(cat "tests/$BUILD_DIR/bench.classpath")"
mkdir -p "tests/$BUILD_DIR/bench-tmp"
for pbx in ${PBX:-asterisk freeswitch}; do
  java -Xms1g -Xmx1g -cp "$CP" -Dswitchboard.jar="$ROOT/cti-server/$BUILD_DIR/switchboard.jar" \
      "-Dbench.server.java=${SERVER_JAVA_OPTS:--Xms768m -Xmx768m}" \
      -Dbench.work.dir="$ROOT/tests/$BUILD_DIR/bench" -Djava.io.tmpdir="$ROOT/tests/$BUILD_DIR/bench-tmp" \
      ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn io.switchboard.e2e.AcdLatency "$pbx" "$@"
done
