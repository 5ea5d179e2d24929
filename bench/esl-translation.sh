#!/usr/bin/env bash
# ESL events per second through framing, decoding and EslEventTranslator on one thread (JMH), replaying
# the bytes of every recorded FreeSWITCH 1.10 fixture. Usage: bench/esl-translation.sh [extra JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${SB_BUILD_DIR:-target-bench}"
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl esl-adapter -am test-compile -DskipTests
mvn -o -q -Dsb.build.dir="$BUILD_DIR" -pl esl-adapter dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/esl-adapter/$BUILD_DIR/bench.classpath"
# reactor modules first: the local repository may hold stale or empty snapshots of them
ROOT="$PWD"
CP="$ROOT/esl-adapter/$BUILD_DIR/test-classes:$ROOT/esl-adapter/$BUILD_DIR/classes:$ROOT/cti-core/$BUILD_DIR/classes"
CP="$CP:$(cat "esl-adapter/$BUILD_DIR/bench.classpath")"
cd esl-adapter
exec java -cp "$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn org.openjdk.jmh.Main EslTranslationBenchmark \
    -t 1 -f 1 -wi 3 -w 2s -i 5 -r 2s "$@"
