#!/usr/bin/env bash
# AMI events per second through AmiEventTranslator on one thread (JMH), replaying every recorded
# Asterisk 20 fixture. Usage: bench/ami-translation.sh [extra JMH options, e.g. -f 1 -wi 2 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${SB_BUILD_DIR:-target-bench}"
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl ami-adapter -am test-compile -DskipTests
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl ami-adapter dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/ami-adapter/$BUILD_DIR/bench.classpath"
# reactor modules first: the local repository may hold stale or empty snapshots of them
ROOT="$PWD"
CP="$ROOT/ami-adapter/$BUILD_DIR/test-classes:$ROOT/ami-adapter/$BUILD_DIR/classes:$ROOT/cti-core/$BUILD_DIR/classes"
CP="$CP:$ROOT/pbx-sim/$BUILD_DIR/classes:$(cat "ami-adapter/$BUILD_DIR/bench.classpath")"
cd ami-adapter
exec java -cp "$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn org.openjdk.jmh.Main TranslationBenchmark \
    -t 1 -f 1 -wi 3 -w 2s -i 5 -r 2s "$@"
