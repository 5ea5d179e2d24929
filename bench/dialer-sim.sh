#!/usr/bin/env bash
# The dialer simulator's benchmarks (docs/benchmarks.md): 100 seeds of an 8-hour shift with the reference
# parameters, 20 and then 50 agents, the predictive pacer beside the progressive baseline, each run timed.
# Usage: bench/dialer-sim.sh [agents...] (default: 20 50); extra simulate options in SIMULATE_OPTS, e.g.
#   SIMULATE_OPTS="--seeds 10" bench/dialer-sim.sh 20
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${SB_BUILD_DIR:-target-bench}"
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl cti-server -am compile
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl cti-server dependency:build-classpath \
    -Dmdep.outputFile="$PWD/cti-server/$BUILD_DIR/bench.classpath"
# reactor modules first: the local repository may hold stale or empty snapshots of them
ROOT="$PWD"
CP="$ROOT/cti-server/$BUILD_DIR/classes:$ROOT/queue-manager/$BUILD_DIR/classes:$ROOT/cti-core/$BUILD_DIR/classes"
CP="$CP:$(cat "cti-server/$BUILD_DIR/bench.classpath")"
AGENTS=("$@")
if [ ${#AGENTS[@]} -eq 0 ]; then
  AGENTS=(20 50)
fi
for agents in "${AGENTS[@]}"; do
  # shellcheck disable=SC2086
  /usr/bin/time -f "wall %e s, cpu %U s user, %M KiB max resident" \
      java -cp "$CP" io.switchboard.server.Main simulate --agents "$agents" --seeds 100 ${SIMULATE_OPTS:-}
  echo
done
