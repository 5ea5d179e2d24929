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
# heap, and a heap that starts small collects every second or so at 200 calls/s);
# PIN=1 gives each side a core of its own, as production gives the PBX its own host: the simulator and the driver
# (this script's JVM) run on core 1, the server and everything it starts (the embedded MariaDB) on core 0, with
# taskset. The default (no PIN) leaves the scheduler to share both cores among all of them, as before.
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
# With PIN=1: moves every process the driver starts (the server, then its database) and all their threads to core 0,
# once each, polling every half second while the driver runs.
pin_server_side() {
  local driver=$1 pinned=" " pid
  while kill -0 "$driver" 2>/dev/null; do
    for pid in $(descendants "$driver"); do
      if [[ "$pinned" != *" $pid "* ]] && taskset -a -p -c 0 "$pid" >/dev/null 2>&1; then
        pinned="$pinned$pid "
        echo "PIN: $(ps -o comm= -p "$pid" 2>/dev/null || echo "$pid") (pid $pid) on core 0" >&2
      fi
    done
    sleep 0.5
  done
}
descendants() {
  local child
  for child in $(pgrep -P "$1" || true); do
    echo "$child"
    descendants "$child"
  done
}
PIN_DRIVER=()
if [[ "${PIN:-0}" == 1 ]]; then
  PIN_DRIVER=(taskset -c 1)
fi
for pbx in ${PBX:-asterisk freeswitch}; do
  "${PIN_DRIVER[@]}" java -Xms1g -Xmx1g -cp "$CP" -Dswitchboard.jar="$ROOT/cti-server/$BUILD_DIR/switchboard.jar" \
      "-Dbench.server.java=${SERVER_JAVA_OPTS:--Xms768m -Xmx768m}" \
      -Dbench.work.dir="$ROOT/tests/$BUILD_DIR/bench" -Djava.io.tmpdir="$ROOT/tests/$BUILD_DIR/bench-tmp" \
      ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn io.switchboard.e2e.AcdLatency "$pbx" "$@" &
  driver=$!
  if [[ "${PIN:-0}" == 1 ]]; then
    taskset -c 1 bash -c "$(declare -f pin_server_side descendants); pin_server_side $driver" &
  fi
  wait "$driver"
done
