#!/usr/bin/env bash
# Reservation to screen pop on the agent's WebSocket: from the router's AgentRung step (the reservation ringing the
# agent; its time is the desk's `ringing` message's `at`) to the `pop` message's arrival at the agent's event socket,
# on a real server (the fat jar: embedded MariaDB, one Hazelcast member) attached to pbx-sim over real sockets, with
# Salesforce, HubSpot and Zendesk enabled against one WireMock answering at once; every agent's socket open in the
# driver. Callers arrive at a steady rate (Poisson). Prints p50/p99/max and the count, for the pop and for the
# `ringing` message itself. Asterisk then FreeSWITCH.
# Usage: bench/desk-latency.sh [calls/s measure-s warm-up-s agents]   (defaults 10 60 10 60; env PBX=asterisk or
# freeswitch for one of them)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${SB_BUILD_DIR:-target-bench}"
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl cti-server -am package -DskipTests
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl tests -am test-compile -DskipTests
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl tests dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/tests/$BUILD_DIR/bench.classpath"
ROOT="$PWD"
CP="$ROOT/tests/$BUILD_DIR/test-classes:$ROOT/pbx-sim/$BUILD_DIR/classes:$ROOT/cti-core/$BUILD_DIR/classes"
CP="$CP:$(cat "tests/$BUILD_DIR/bench.classpath")"
mkdir -p "tests/$BUILD_DIR/bench-tmp"
for pbx in ${PBX:-asterisk freeswitch}; do
  java -Xms512m -Xmx512m -cp "$CP" -Dswitchboard.jar="$ROOT/cti-server/$BUILD_DIR/switchboard.jar" \
      -Dbench.work.dir="$ROOT/tests/$BUILD_DIR/bench" -Djava.io.tmpdir="$ROOT/tests/$BUILD_DIR/bench-tmp" \
      ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn io.switchboard.e2e.DeskLatency "$pbx" "$@"
done
