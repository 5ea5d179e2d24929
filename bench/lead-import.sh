#!/usr/bin/env bash
# Lead rows imported per second: a generated CSV of N US leads posted to POST /api/v1/campaigns/{id}/leads/import
# on an embedded MariaDB, timed from the POST to the job's success (parse, checks, DNC and duplicate look-ups,
# the insert in one transaction).
# Usage: bench/lead-import.sh [rows, default 100000] [runs, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${SB_BUILD_DIR:-target-bench}"
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl cti-server -am test-compile -DskipTests
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl cti-server -am dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/cti-server/$BUILD_DIR/bench.classpath"
# with -am the reactor resolves queue-manager (and its geocoder), not a stale snapshot in ~/.m2;
# reactor modules first on the class path for the same reason
ROOT="$PWD"
CP="$ROOT/cti-server/$BUILD_DIR/test-classes:$ROOT/cti-server/$BUILD_DIR/classes"
CP="$CP:$ROOT/queue-manager/$BUILD_DIR/classes:$ROOT/cti-core/$BUILD_DIR/classes"
for module in ami-adapter esl-adapter crm-plugins; do
  if [ -d "$ROOT/$module/$BUILD_DIR/classes" ]; then CP="$CP:$ROOT/$module/$BUILD_DIR/classes"; fi
done
CP="$CP:$(cat "cti-server/$BUILD_DIR/bench.classpath")"
exec java -cp "$CP" io.switchboard.server.leadimport.LeadImportBenchmark "$@"
