#!/usr/bin/env python3
"""Allocation per connected call from a JFR of the server (bench/acd-latency.sh with -Dbench.server.jfr=...).

Sums jdk.ObjectAllocationSample weights over the measured window and divides by the calls measured. The window is
the last MEASURE seconds (default 30) of the traffic: the seconds whose allocation is at least a third of the
busiest second's, from the first to the last of them. Also prints the window's allocation by its first frame outside
the JDK (java.*, jdk.*, sun.*), grouped: Asterisk-Java's reading and connection, its event beans, our lean reader,
the rest of the AMI adapter, jOOQ, Hazelcast, Vert.x/Netty, the rest of Switchboard, other.
Usage: jfr-alloc-per-call.py server.jfr CALLS_MEASURED [MEASURE_SECONDS]
"""
import re
import subprocess
import sys
from collections import defaultdict

UNITS = {"bytes": 1, "byte": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}
SITES = [("asterisk-java event beans", r"org\.asteriskjava\.manager\.event\."),
         ("asterisk-java reading and connection", r"org\.asteriskjava\."),
         ("lean reader", r"io\.switchboard\.ami\.connection\.(LeanManagerReader|EventBeans|EventSetters|MessageHeaders|HeaderNames)"),
         ("rest of the AMI adapter", r"io\.switchboard\.ami\."),
         ("jooq", r"org\.jooq\."),
         ("hazelcast", r"com\.hazelcast\."),
         ("vertx/netty", r"io\.(vertx|netty)\."),
         ("rest of switchboard", r"io\.switchboard\."),
         ("other", r".")]
JDK = re.compile(r"^\s+(java|jdk|sun)\.")


def site(block):
    """The group of the first frame outside the JDK."""
    frames = [line for line in block.split("stackTrace = [", 1)[-1].splitlines() if line.strip() and "line:" in line]
    first = next((f for f in frames if not JDK.match(f)), frames[0] if frames else "")
    return next(name for name, pattern in SITES if re.search(pattern, first.strip()) or pattern == r".")


def main():
    jfr, calls = sys.argv[1], int(sys.argv[2])
    measure = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    text = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events", "jdk.ObjectAllocationSample", jfr],
                          capture_output=True, text=True, check=True).stdout
    samples = []
    for block in text.split("jdk.ObjectAllocationSample {")[1:]:
        t = re.search(r"startTime = (\d+):(\d+):(\d+)\.(\d+)", block)
        w = re.search(r"weight = ([\d.]+) (\w+)", block)
        if not t or not w:
            continue
        second = int(t.group(1)) * 3600 + int(t.group(2)) * 60 + int(t.group(3))
        samples.append((second, float(w.group(1)) * UNITS[w.group(2)], block))
    per_second = defaultdict(float)
    for second, weight, _ in samples:
        per_second[second] += weight
    busiest = max(per_second.values())
    busy = sorted(s for s, w in per_second.items() if w >= busiest / 3)
    end = busy[-1]
    start = end - measure + 1
    window = [(s, w, b) for s, w, b in samples if start <= s <= end]
    total = sum(w for _, w, _ in window)
    print(f"window {measure} s ending {end // 3600:02d}:{end % 3600 // 60:02d}:{end % 60:02d}: "
          f"{total / 1e6:.1f} MB, {total / measure / 1e6:.1f} MB/s, {total / calls / 1e3:.0f} KB per call "
          f"({calls} calls)")
    gcs = subprocess.run(["jfr", "print", "--events", "jdk.GarbageCollection", jfr],
                         capture_output=True, text=True, check=True).stdout
    pauses = []
    for block in gcs.split("jdk.GarbageCollection {")[1:]:
        t = re.search(r"startTime = (\d+):(\d+):(\d+)", block)
        p = re.search(r"sumOfPauses = ([\d.]+) (ms|s|us)", block)
        second = int(t.group(1)) * 3600 + int(t.group(2)) * 60 + int(t.group(3))
        if start <= second <= end and p:
            pauses.append(float(p.group(1)) * {"ms": 1, "s": 1000, "us": 0.001}[p.group(2)])
    pauses.sort()
    if pauses:
        print(f"collections in the window: {len(pauses)}, pauses median {pauses[len(pauses) // 2]:.1f} ms, "
              f"max {pauses[-1]:.1f} ms, total {sum(pauses):.0f} ms")
    by_site = defaultdict(float)
    for _, weight, block in window:
        by_site[site(block)] += weight
    for name, _ in SITES:
        print(f"  {name}: {100 * by_site[name] / total:.1f} % ({by_site[name] / calls / 1e3:.0f} KB per call)")


if __name__ == "__main__":
    main()
